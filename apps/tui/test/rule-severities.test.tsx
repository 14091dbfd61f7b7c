/**
 * The rule list shows each rule with the severity it is declared with, the
 * same as `sellguard check` reports it: for a policy that imports another
 * file, and for rules the counts hold that the policy no longer lists (the
 * results kept on screen while an edited policy is checked again).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { CompiledPolicy } from '@sellguard/core';
import { App } from '../src/App.js';
import { SEVERITY_WORD } from '../src/model.js';
import { ruleRows } from '../src/screens/Summary.js';
import { Session } from '../src/session.js';
import { fixtureData, fixturePolicy, renderAt, until } from './helpers.js';

afterEach(() => cleanup());

const DIR = fileURLToPath(new URL('./fixtures/imports/', import.meta.url));
const POLICY = `${DIR}messages.policy`;
const DATA = `${DIR}messages.jsonl`;
const CLI = fileURLToPath(new URL('../../cli/dist/main.js', import.meta.url));

/** Each rule's severity in the report of `sellguard check --format json`, from its violations. */
function cliSeverities(): Map<string, string> {
  const run = spawnSync(process.execPath, [CLI, 'check', POLICY, DATA, '--format', 'json', '--fail-on', 'never'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const report = JSON.parse(run.stdout) as { results: Array<{ violations: Array<{ rule: string; severity: string }> }> };
  const out = new Map<string, string>();
  for (const r of report.results) for (const v of r.violations) out.set(v.rule.slice(v.rule.indexOf('/') + 1), v.severity);
  return out;
}

describe('severities in the rule list', () => {
  test('a policy that imports another file: each rule as declared, as sellguard check reports it', async () => {
    const expected = cliSeverities();
    // Written in the policy: no-marketing is a note (info), email-address a warning.
    expect([...expected]).toEqual([
      ['no-marketing', 'info'],
      ['email-address', 'warning'],
    ]);
    const session = new Session({ policy: POLICY, inputs: [DATA] });
    const r = await renderAt(<App store={session} />);
    session.start();
    await until(() => r.screen().includes('✓ 3 records checked'));
    const lines = r.screen().split('\n');
    for (const [rule, severity] of expected) {
      const row = lines.find((l) => l.slice(2).startsWith(`${rule} `));
      expect(row, rule).toBeDefined();
      expect(row!.slice(2).split(/\s+/)[1], rule).toBe(SEVERITY_WORD[severity as keyof typeof SEVERITY_WORD]);
    }
    session.dispose();
  });

  test('a rule the counts hold but the policy does not list keeps the severity of its violations', async () => {
    const data = await fixtureData();
    const { policy } = fixturePolicy();
    // The policy after an edit renamed language-mismatch (a warning): its old count is still on screen.
    const renamed: Pick<CompiledPolicy['rules'][number], 'fullId' | 'id' | 'severity'>[] = policy.rules
      .filter((r) => r.id !== 'language-mismatch')
      .map((r) => ({ fullId: r.fullId, id: r.id, severity: r.severity }));
    const rows = ruleRows(data, renamed);
    const old = rows.find((r) => r.label === 'language-mismatch');
    expect(old?.count).toBeGreaterThan(0);
    expect(old?.severity).toBe('warning');
  });

  test('a counted rule with no kept violation shows no severity rather than a made-up one', () => {
    const rows = ruleRows({ summary: { records: 1, checked: 1, invalid: 0, withViolations: 0, violations: 0, bySeverity: { error: 0, warning: 0, info: 0 }, byRule: { 'p/gone': 0 } }, flagged: [], progress: { read: 1, elapsedMs: 0, done: true }, version: 1 }, []);
    expect(rows).toEqual([{ id: 'p/gone', label: 'gone', severity: undefined, count: 0 }]);
  });
});
