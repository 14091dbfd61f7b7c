/**
 * Hostile names and strings on a real engine: a CSV whose file name, header
 * names and cell values carry quotes, semicolons and comment markers, checked
 * with a policy whose aliases and constants carry the same. DuckDB must run
 * the query and count exactly what the JavaScript engine counts — a string
 * that broke out of its quotes would change the SQL, and the counts with it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { compile, evalContext } from '@sellguard/core';
import { checkRecords, readRecords } from '@sellguard/core/node';
import { checkWithDuckdb } from '../src/duckdb.js';
import { HOSTILE_POLICY, HOSTILE_STRINGS } from '../../core/test/sql/hostile.js';

const dir = mkdtempSync(join(tmpdir(), 'sellguard-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;

it('DuckDB counts hostile values exactly as the JavaScript engine does', async () => {
  const compiled = compile(HOSTILE_POLICY);
  expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const header = [`na'me"; DROP TABLE canary; --`, 'da`y\\', 'channel', 'kind'];
  const rows = [
    ...HOSTILE_STRINGS.map((s, i) => [`n${i % 2}`, '2026-11-20', s, 'plain']),
    [`it's "quoted" -- here`, '2026-11-19', 'web', 'FANCY'],
    ['n0', '2026-11-19', "'; -- hidden", ''],
    ['n1', '2026-11-18', 'web', ''],
    ['n1', '2026-11-17', 'web', ''],
    ['n1', 'not a day', 'web', 'odd'],
  ];
  const path = join(dir, `it's; -- "orders".csv`);
  writeFileSync(path, [header.map(cell).join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n');
  const asOf = Date.UTC(2026, 10, 20);
  const expected = await checkRecords(compiled.policy!, readRecords(path), evalContext({ asOf }));
  // In the 3-day window: the hostile constants (hits), the quoted name (a hit) and one plain row;
  // the row with the hidden comment marker is left out by `where`, the one of 2026-11-17 by the window.
  expect(expected.metrics!.hits).toMatchObject({ numerator: HOSTILE_STRINGS.length + 1, denominator: HOSTILE_STRINGS.length + 2 });
  expect(expected.summary.invalid).toBe(1);
  const actual = await checkWithDuckdb({ ir: compiled.ir!, policy: compiled.policy!, source: HOSTILE_POLICY }, [path], { asOf });
  expect(actual).toEqual(expected);
});
