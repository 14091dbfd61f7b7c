/** `sellguard check POLICY INPUT...`: check records against a policy and report the violations. */
import {
  checkInput,
  checkRecords,
  contextFor,
  failsAt,
  InputError,
  loadPolicy,
  jsonChunks,
  readRecords,
  textChunks,
  type InputFormat,
  type InputRecord,
  type RecordResult,
  type Severity,
} from '@sellguard/core/node';
import { getPath } from '@sellguard/core';
import { CliError, EXIT, printDiagnostics, useColor, writeChunks } from '../io.js';
import { checkWithEngine, type EngineFlags } from './engine.js';

export interface CheckFlags extends EngineFlags {
  format: 'text' | 'json';
  failOn: Severity | 'never';
  color?: boolean;
  output?: string;
  inputFormat?: InputFormat;
  maxRecords?: number;
  /** The day to check as of (UTC midnight, ms); default today. */
  asOf?: number;
}

export async function checkCommand(policyFile: string, inputs: string[], flags: CheckFlags): Promise<number> {
  const stderrColor = useColor(process.stderr, flags.color);
  const loaded = loadPolicy(policyFile);
  // The text report shows each violation's text in context: the records are kept here.
  const texts: KeptTexts = new Map();
  if (!loaded.policy) {
    printDiagnostics(loaded.diagnostics, loaded.source, policyFile, stderrColor, loaded.sources);
    throw new CliError(`the policy '${policyFile}' has errors; fix them and run again`);
  }
  // Warnings do not stop a check, but they are worth seeing.
  printDiagnostics(loaded.diagnostics, loaded.source, policyFile, stderrColor, loaded.sources);
  const policy = loaded.policy;
  // A SQL engine (DuckDB on files, or --db) counts the metrics when asked or when it is faster.
  const counted = await checkWithEngine(loaded, inputs, flags);
  const report = counted ?? (await checkWithJs(policy, inputs, flags, texts));
  return writeReport(report, flags, texts);
}

type KeptTexts = Map<number, { decoded: unknown; raw: unknown }>;

async function checkWithJs(policy: NonNullable<ReturnType<typeof loadPolicy>['policy']>, inputs: string[], flags: CheckFlags, texts: KeptTexts) {
  if (inputs.filter((i) => i === '-').length > 1) throw new CliError('standard input (-) can be read only once');
  // Every input must open before any is read, so a typo in the last one costs nothing.
  for (const input of inputs) {
    try {
      checkInput(input);
    } catch (e) {
      if (e instanceof InputError) throw new CliError(e.message);
      throw e;
    }
  }
  if (inputs.includes('-') && process.stdin.isTTY) process.stderr.write('sellguard: reading records from standard input (end with Ctrl-D)\n');

  // The text report shows each violation's text in context, so keep the records that have
  // violations (only those, and only as many as will be shown).
  const keepTexts = flags.format === 'text';
  async function* all(): AsyncGenerator<InputRecord> {
    let next = 0;
    for (const input of inputs) {
      for await (const r of readRecords(input, { startIndex: next, ...(flags.inputFormat ? { format: flags.inputFormat } : {}) })) {
        next = r.index + 1;
        yield r;
      }
    }
  }
  const ctx = contextFor([policy], { asOf: flags.asOf ?? null });
  try {
    return await checkRecords(policy, all(), ctx, {
      onResult: (result, raw, decoded) => {
        if (!keepTexts || result.violations.length === 0) return;
        if (flags.maxRecords !== undefined && texts.size >= flags.maxRecords) return;
        texts.set(result.index, { decoded, raw });
      },
    });
  } catch (e) {
    if (e instanceof InputError) throw new CliError(e.message);
    throw e;
  }
}

async function writeReport(report: Awaited<ReturnType<typeof checkRecords>>, flags: CheckFlags, texts: KeptTexts): Promise<number> {
  const output =
    flags.format === 'json'
      ? jsonChunks(report)
      : textChunks(report, {
          color: flags.output ? false : useColor(process.stdout, flags.color),
          failOn: flags.failOn,
          ...(flags.maxRecords !== undefined ? { maxRecords: flags.maxRecords } : {}),
          getText: (result: RecordResult, path: string) => {
            const kept = texts.get(result.index);
            if (!kept) return undefined;
            // Spans point into the decoded record (what the rules saw); the raw one is the fallback.
            for (const source of [kept.decoded, kept.raw]) {
              const value = getPath(source, path);
              if (typeof value === 'string') return value;
            }
            return undefined;
          },
        });
  await writeChunks(output, flags.output ? { path: flags.output, what: 'the report file' } : undefined);
  if (flags.output) process.stderr.write(`sellguard: wrote the report to ${flags.output}\n`);
  return failsAt(report.summary, flags.failOn) ? EXIT.failed : EXIT.ok;
}
