/** `sellguard explain POLICY INPUT --record N | --where field=value`: why each rule fired or not on one record. */
import { explainText, getPath } from '@sellguard/core';
import { contextFor, fitsRecord, InputError, readRecords, type InputFormat, type InputRecord } from '@sellguard/core/node';
import { CliError, EXIT, printDiagnostics, useColor } from '../io.js';
import { loadPolicyForRun } from '../policy-cache/load-policy.js';

export interface ExplainFlags {
  record?: number;
  where?: string;
  inputFormat?: InputFormat;
  asOf?: number;
  /** false with --no-cache: compile the policy afresh (see policy-cache/). */
  cache?: boolean;
}

async function findRecord(input: string, flags: ExplainFlags, policy: { decode(raw: unknown): { ok: boolean; value?: unknown } }): Promise<InputRecord | undefined> {
  const eq = flags.where?.indexOf('=') ?? -1;
  const field = flags.where !== undefined ? flags.where.slice(0, eq) : undefined;
  const wanted = flags.where !== undefined ? flags.where.slice(eq + 1) : undefined;
  for await (const r of readRecords(input, { fits: fitsRecord(policy), ...(flags.inputFormat ? { format: flags.inputFormat } : {}) })) {
    if (flags.record !== undefined) {
      if (r.index + 1 === flags.record) return r;
      continue;
    }
    if (r.raw === undefined) continue;
    const decoded = policy.decode(r.raw);
    const value = getPath(decoded.ok ? decoded.value : r.raw, field!) ?? getPath(r.raw, field!);
    if (value !== undefined && String(value) === wanted) return r;
  }
  return undefined;
}

export async function explainCommand(policyFile: string, input: string, flags: ExplainFlags): Promise<number> {
  if ((flags.record === undefined) === (flags.where === undefined)) throw new CliError('say which record to explain: --record N (counting from 1) or --where FIELD=VALUE (see sellguard explain --help)');
  if (flags.where !== undefined && flags.where.indexOf('=') <= 0) throw new CliError(`--where ${flags.where}: write it as FIELD=VALUE, e.g. --where orderId=113-5550123-4567890 (see sellguard explain --help)`);
  const loaded = await loadPolicyForRun(policyFile, { cache: flags.cache, explains: true });
  printDiagnostics(loaded.diagnostics, loaded.source, policyFile, useColor(process.stderr), loaded.sources);
  if (!loaded.policy) throw new CliError(`the policy '${policyFile}' has errors; fix them and run again`);
  const policy = loaded.policy;
  const ctx = contextFor([policy], { asOf: flags.asOf ?? null });
  let rec: InputRecord | undefined;
  try {
    rec = await findRecord(input, flags, policy);
  } catch (e) {
    if (e instanceof InputError) throw new CliError(e.message);
    throw e;
  }
  if (!rec) throw new CliError(flags.record !== undefined ? `'${input}' has no record ${flags.record}` : `no record in '${input}' has ${flags.where}`);
  const head = `record ${rec.index + 1} (line ${rec.line}, ${input}), policy ${policy.id}`;
  if (rec.error !== undefined) {
    process.stdout.write(`${head}\nthis record could not be read, so no rule ran: ${rec.error}\n`);
    return EXIT.failed;
  }
  const decoded = policy.decode(rec.raw);
  if (!decoded.ok) {
    process.stdout.write(`${head}\nthis record does not fit the ${policy.recordType} record type, so no rule ran:\n${decoded.problems.map((p) => `  ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n')}\n`);
    return EXIT.failed;
  }
  const explanations = policy.explain(decoded.value, ctx);
  process.stdout.write(`${head}\n\n${explainText(explanations, loaded.source)}`);
  return explanations.some((e) => e.violations.length > 0) ? EXIT.failed : EXIT.ok;
}
