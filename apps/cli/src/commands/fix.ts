/**
 * `sellguard fix POLICY INPUT --output FILE | --dry-run`: apply the policy's
 * fixes to each record and write the records back in the input's own format.
 * Records that did not change keep their original text byte for byte;
 * changed ones keep every field (known or not) in its order. A fix that would
 * make another rule fire is not applied, and is reported.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import { applyFixToRaw, DEFAULT_SUPPRESSION_FIELD, namesRule, readRecordSuppression, type CompiledPolicy, type EvalContext } from '@sellguard/core';
import { contextFor, fitsRecord, formatOf, InputError, readRecords, sniff, type InputFormat, type InputRecord } from '@sellguard/core/node';
import { CliError, EXIT, printDiagnostics, useColor, writeError } from '../io.js';
import { loadPolicyForRun } from '../policy-cache/load-policy.js';

export interface FixFlags {
  output?: string;
  dryRun?: boolean;
  inputFormat?: InputFormat;
  asOf?: number;
  /** false with --no-cache: compile the policy afresh (see policy-cache/). */
  cache?: boolean;
}

/** The rules that fire on a raw record (undefined when it does not decode). */
function firing(policy: CompiledPolicy, raw: unknown, ctx: EvalContext): Set<string> | undefined {
  const d = policy.decode(raw);
  if (!d.ok) return undefined;
  return new Set(policy.evaluate(d.value, ctx).map((v) => v.rule));
}

interface Outcome {
  fixed: unknown;
  applied: string[];
  refused: string[];
}

/** Apply fixes one at a time, re-checking after each, so every fix sees the text as the previous one left it. */
export function fixRecord(policy: CompiledPolicy, raw: unknown, ctx: EvalContext): Outcome {
  let current = raw;
  const applied: string[] = [];
  const refused: string[] = [];
  const tried = new Set<string>();
  // A violation the record suppresses (with a reason) was accepted as it is: leave it alone.
  const own = readRecordSuppression(raw, DEFAULT_SUPPRESSION_FIELD);
  const accepted = own && !('error' in own) && own.reason !== '' ? own.rules : [];
  for (let round = 0; round < 50; round++) {
    const d = policy.decode(current);
    if (!d.ok) break;
    const violations = policy.evaluate(d.value, ctx);
    const before = new Set(violations.map((v) => v.rule));
    const next = violations.find((v) => v.fix && !tried.has(v.rule) && !accepted.some((r) => namesRule(r, v.rule)));
    if (!next) break;
    tried.add(next.rule);
    let candidate: unknown;
    try {
      candidate = applyFixToRaw(policy, structuredClone(current), next.fix!);
    } catch {
      refused.push(`${next.rule}: the fix could not be applied to this record`);
      continue;
    }
    const after = firing(policy, candidate, ctx);
    const added = after === undefined ? ['(the record would no longer be readable)'] : [...after].filter((r) => !before.has(r));
    if (added.length > 0) {
      refused.push(`${next.rule}: not fixed, because the fix would make ${added.join(', ')} fire`);
      continue;
    }
    current = candidate;
    applied.push(next.rule);
  }
  return { fixed: current, applied, refused };
}

function csvValue(value: unknown, delimiter: string): string {
  const s = value === undefined || value === null ? '' : String(value);
  return /["\n\r]/.test(s) || s.includes(delimiter) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

function delimiterOf(headerLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best), counts[0])[0];
}

export async function fixCommand(policyFile: string, input: string, flags: FixFlags): Promise<number> {
  if (!flags.dryRun && flags.output === undefined) throw new CliError('say where to write the fixed records with --output FILE, or use --dry-run to see the changes (see sellguard fix --help)');
  if (input === '-') throw new CliError('fix needs a file, not standard input (see sellguard fix --help)');
  const loaded = await loadPolicyForRun(policyFile, { cache: flags.cache });
  printDiagnostics(loaded.diagnostics, loaded.source, policyFile, useColor(process.stderr), loaded.sources);
  if (!loaded.policy) throw new CliError(`the policy '${policyFile}' has errors; fix them and run again`);
  const policy = loaded.policy;
  const ctx = contextFor([policy], { asOf: flags.asOf ?? null });

  let text: string;
  try {
    text = readFileSync(input, 'utf8').replace(/^\ufeff/, '');
  } catch (e) {
    throw new CliError(`cannot read input file '${input}': ${writeError(e)}`);
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const format = flags.inputFormat ?? formatOf(input) ?? sniff(text);

  const records: InputRecord[] = [];
  try {
    for await (const r of readRecords(input, { fits: fitsRecord(policy), ...(flags.inputFormat ? { format: flags.inputFormat } : {}) })) records.push(r);
  } catch (e) {
    if (e instanceof InputError) throw new CliError(e.message);
    throw e;
  }

  let changed = 0;
  let appliedCount = 0;
  const notes: string[] = [];
  const fixed = records.map((r) => {
    if (r.raw === undefined) return r.raw;
    const o = fixRecord(policy, r.raw, ctx);
    for (const why of o.refused) notes.push(`record ${r.index + 1} (line ${r.line}): ${why}`);
    if (o.applied.length > 0) {
      changed++;
      appliedCount += o.applied.length;
    }
    return o.applied.length > 0 ? o.fixed : undefined;
  });

  let out: string;
  if (format === 'json') {
    out = changed === 0 ? text : `${JSON.stringify(records.map((r, i) => fixed[i] ?? r.raw), null, 2)}\n`;
  } else {
    // Line-based: a record spans from its first line to the line before the next record; only changed ones are rewritten.
    const delimiter = format === 'tsv' ? '\t' : delimiterOf(lines.find((l) => l.trim() !== '') ?? '');
    const result = [...lines];
    for (let i = records.length - 1; i >= 0; i--) {
      const value = fixed[i];
      if (value === undefined) continue;
      const start = records[i].line - 1;
      let end = i + 1 < records.length ? records[i + 1].line - 1 : lines.length;
      while (end > start + 1 && lines[end - 1].trim() === '') end--;
      const serialized = format === 'jsonl' ? JSON.stringify(value) : Object.values(value as Record<string, unknown>).map((v) => (format === 'tsv' ? String(v ?? '').replace(/[\t\n]/g, ' ') : csvValue(v, delimiter))).join(delimiter);
      result.splice(start, end - start, serialized);
    }
    out = result.join(eol);
  }

  for (const n of notes) process.stderr.write(`sellguard: ${n}\n`);
  if (flags.dryRun) {
    if (changed === 0) {
      process.stderr.write('sellguard: nothing to fix\n');
      return EXIT.ok;
    }
    process.stdout.write(createTwoFilesPatch(input, flags.output ?? input, text, out, undefined, undefined, { context: 2 }));
    process.stderr.write(`sellguard: would apply ${appliedCount} ${appliedCount === 1 ? 'fix' : 'fixes'} to ${changed} ${changed === 1 ? 'record' : 'records'} (nothing was written)\n`);
    return EXIT.failed;
  }
  try {
    writeFileSync(flags.output!, out);
  } catch (e) {
    throw new CliError(`cannot write '${flags.output}': ${writeError(e)}`);
  }
  process.stderr.write(`sellguard: applied ${appliedCount} ${appliedCount === 1 ? 'fix' : 'fixes'} to ${changed} of ${records.length} records; wrote ${flags.output}\n`);
  return EXIT.ok;
}
