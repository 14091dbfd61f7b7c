/** `sellguard check POLICY INPUT...`: check records and report the violations. */
import { writeFileSync } from 'node:fs';
import { checkRecords, failsAt, getPath, renderJson, renderText, setAsOf, type RecordResult, type Severity } from '@sellguard/core';
import { InputError, loadPolicy, readRecords, type InputFormat, type InputRecord } from '@sellguard/core/node';
import { CliError, EXIT, printDiagnostics, useColor } from '../io.js';

export interface CheckFlags {
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
  const color = useColor(process.stderr, flags.color);
  const loaded = loadPolicy(policyFile);
  const problems = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (!loaded.policy || problems.length > 0) {
    printDiagnostics(loaded.diagnostics, loaded.source, policyFile, color);
    throw new CliError(`the policy '${policyFile}' has errors; fix them and run again`);
  }
  const policy = loaded.policy;
  setAsOf(flags.asOf ?? null);
  if (inputs.filter((i) => i === '-').length > 1) throw new CliError('standard input (-) can be read only once');

  // Keep the raw records that have violations, so the text report can show their text in context.
  const texts = new Map<number, unknown>();
  async function* all(): AsyncGenerator<InputRecord> {
    let next = 0;
    for (const input of inputs) {
      for await (const r of readRecords(input, { startIndex: next, ...(flags.inputFormat ? { format: flags.inputFormat } : {}) })) {
        next = r.index + 1;
        yield r;
      }
    }
  }
  let report;
  try {
    report = await checkRecords(policy, all(), {
      onResult: (result, raw, decoded) => {
        if (flags.format === 'text' && result.violations.length > 0) texts.set(result.index, decoded ?? raw);
      },
    });
  } catch (e) {
    if (e instanceof InputError) throw new CliError(e.message);
    throw e;
  }
  const output =
    flags.format === 'json'
      ? renderJson(report)
      : renderText(report, {
          color: flags.output ? false : useColor(process.stdout, flags.color),
          failOn: flags.failOn,
          ...(flags.maxRecords !== undefined ? { maxRecords: flags.maxRecords } : {}),
          getText: (result: RecordResult, path: string) => {
            const value = getPath(texts.get(result.index), path);
            return typeof value === 'string' ? value : undefined;
          },
        });
  if (flags.output) writeFileSync(flags.output, output);
  else process.stdout.write(output);
  return failsAt(report.summary, flags.failOn) ? EXIT.failed : EXIT.ok;
}
