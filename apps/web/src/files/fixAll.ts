/**
 * The data with every available fix applied, in the data's own format: each
 * record is fixed one fix at a time and checked again (a fix's offsets hold
 * only for the text it was found in), until no fix is left.
 */
import type { CompiledPolicy, EvalContext } from '@sellguard/core';
import { checkData } from '../lib/check';
import { parseData, replaceRecord } from '../lib/data';
import { applyFixToRaw } from '../lib/policy';

/** A record never needs more fixes than this; the bound only stops a fix that would undo another. */
const MAX_FIXES_PER_RECORD = 50;

export function fixAll(policy: CompiledPolicy, text: string, ctx: EvalContext): { text: string; fixed: number } {
  let current = text;
  let fixed = 0;
  const count = parseData(text, policy).entries.length;
  for (let index = 0; index < count; index++) {
    for (let n = 0; n < MAX_FIXES_PER_RECORD; n++) {
      const parsed = parseData(current, policy);
      const entry = parsed.entries[index];
      if (!entry || entry.raw === undefined) break;
      const [result] = checkData(policy, { ...parsed, entries: [entry] }, ctx).records;
      const fix = result?.violations.find((v) => v.fix)?.fix;
      if (!fix) break;
      current = replaceRecord(current, parsed, index, applyFixToRaw(policy, entry.raw, fix));
      fixed++;
    }
  }
  return { text: current, fixed };
}
