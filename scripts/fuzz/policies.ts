/**
 * Policy mutation fuzzing: a shipped policy with a few random edits must never
 * make parse, compile, analyze or fmt throw or report an internal error
 * (SG9001); a mutant that parses must format (no SG1098), and formatting the
 * result again must change nothing. (`format` itself refuses any result whose
 * syntax tree differs from the input's, so "no SG1098" means the meaning was
 * kept.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { format, parse } from '../../packages/dsl/src/index.js';
import { analyze, compile } from '../../packages/core/src/index.js';
import { repoRoot } from './where.js';

const policyDir = join(repoRoot, 'policies');
export const shippedPolicies: ReadonlyArray<{ name: string; text: string }> = readdirSync(policyDir)
  .filter((f) => f.endsWith('.policy'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(policyDir, name), 'utf8') }));

/** Pieces of the language, so edits make near-valid policies that reach deep into the checker. */
const pieces = [
  'record', 'rule', 'require', 'forbid', 'when', 'each', 'in', 'and', 'or', 'not', 'let', 'const', 'phrases', 'enum',
  'example', 'given', 'expect', 'nothing', 'fix', 'replace', 'remove', 'list<string>', 'map<number>', 'date', 'string',
  'number', 'optional', '?', '= "x"', 'from "x"', '##', '## doc', '# note', '{', '}', '(', ')', '[', ']', ',', ':', '.',
  '"text {body}"', 'r"(?i)a+"', '30 days', '2026-02-30', '0026-01-01', '5%', '1e999', '-1', 'length(body)', 'emails(body)',
  'phrases(body, x)', 'matched', '\n', '\n\n', '  ', '\t', '\r\n', 'import { X } from "/dev/zero"', 'import { X } from "../x.policy"',
];

interface Edit {
  at: number;
  len: number;
  kind: 'delete' | 'insert' | 'duplicate' | 'swap-lines' | 'join-lines';
  text: string;
}

const edit = fc.record({
  at: fc.nat(),
  len: fc.nat(60),
  kind: fc.constantFrom<Edit['kind']>('delete', 'insert', 'duplicate', 'swap-lines', 'join-lines'),
  text: fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })),
});

function applyEdit(s: string, e: Edit): string {
  const at = e.at % (s.length + 1);
  switch (e.kind) {
    case 'delete':
      return s.slice(0, at) + s.slice(at + e.len);
    case 'insert':
      return s.slice(0, at) + e.text + s.slice(at);
    case 'duplicate':
      return s.slice(0, at) + s.slice(at, at + e.len) + s.slice(at);
    case 'swap-lines': {
      const lines = s.split('\n');
      const i = at % lines.length;
      const j = (i + 1 + (e.len % 5)) % lines.length;
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
    case 'join-lines': {
      const nl = s.indexOf('\n', at);
      return nl < 0 ? s : s.slice(0, nl) + ' ' + s.slice(nl + 1).trimStart();
    }
  }
}

/** A shipped policy with one to four random edits. */
export const mutatedPolicy = fc
  .tuple(fc.constantFrom(...shippedPolicies), fc.array(edit, { minLength: 1, maxLength: 4 }))
  .map(([p, edits]) => ({ name: p.name, text: edits.reduce(applyEdit, p.text) }));

/** Throws (fails the property) when a tool breaks its promise on this policy text. */
export function checkPolicyText(text: string, fileName: string): void {
  const parsed = parse(text);
  const internal = (codes: Array<{ code: string; message: string }>, tool: string) => {
    const bug = codes.find((d) => d.code === 'SG9001');
    if (bug) throw new Error(`${tool} reported an internal error: ${bug.message}`);
  };
  // Imports are not followed: no file is read while fuzzing.
  internal(compile(text, { fileName, readFile: () => undefined }).diagnostics, 'compile');
  internal(analyze(text, { fileName, readFile: () => undefined }).diagnostics, 'analyze');
  const formatted = format(text);
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return;
  const refused = formatted.diagnostics.find((d) => d.code === 'SG1098');
  if (refused) throw new Error(`fmt refused a file that parses: ${refused.message}`);
  const again = format(formatted.text);
  if (again.changed) throw new Error('fmt is not idempotent: formatting its own output changed it');
}

export const policyMutationProperty = fc.property(mutatedPolicy, ({ name, text }) => checkPolicyText(text, name));
