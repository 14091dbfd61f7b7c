/** Running the language service on the editor's text, and applying fixes to raw records. */
import { analyze, applyFixToRaw as applyFixToRawCore, type Analysis, type CompiledPolicy, type Fix, type RecordInfo } from '@sellguard/core';
import { parse } from '@sellguard/dsl';
import { MAIN_POLICY_FILE, projectReader, type PolicySource } from './project';

/** The language service on one file of the project: the main policy unless `fileName` names another. */
export function analyzePolicy(text: string, others: readonly PolicySource[] = [], fileName = MAIN_POLICY_FILE): Analysis {
  try {
    return analyze(text, { fileName, readFile: projectReader(others) });
  } catch (e) {
    // The service promises not to throw; if it ever does, say so in the problems list instead of going blank.
    const message = e instanceof Error ? e.message : String(e);
    return {
      diagnostics: [{ code: 'SG9001', severity: 'error', message: `internal error while reading the policy: ${message}`, help: 'please report this with the policy text', span: { start: 0, end: 0 } }],
      tokens: [],
      symbols: [],
      ast: parse('').ast,
      hover: () => undefined,
      completions: (offset) => ({ from: offset, items: [] }),
    };
  }
}

export function inputRecord(policy: CompiledPolicy): RecordInfo | undefined {
  return policy.records.find((r) => r.name === policy.recordType) ?? policy.records[0];
}

/** Apply a fix to a raw record whose keys may be aliases ("message" for body): edits are moved to the keys actually used. */
export function applyFixToRaw(policy: CompiledPolicy, raw: unknown, fix: Fix): unknown {
  return applyFixToRawCore(policy, raw, fix);
}
