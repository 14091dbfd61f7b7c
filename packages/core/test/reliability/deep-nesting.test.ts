/**
 * A record nested thousands of levels deep, valid or broken, is one bad
 * record: it is reported with its line and every other record is checked.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { folderWith, goodMessageLine, messagingPolicy, sellguard } from './support.js';

const DEPTH = 6000;
const deepArray = (broken: boolean) => '['.repeat(DEPTH) + (broken ? '1,' : '') + ']'.repeat(DEPTH);
const deepObject = (broken: boolean) => '{"a":'.repeat(DEPTH) + (broken ? 'oops' : '1') + '}'.repeat(DEPTH);

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function check(name: string, content: string) {
  const dir = folderWith({ [name]: content });
  dirs.push(dir);
  return sellguard(['check', messagingPolicy, name, '--format', 'json', '--fail-on', 'never'], dir);
}

describe('deeply nested input', () => {
  it('reports deep JSON lines, valid or broken, and checks the records around them', () => {
    const good = goodMessageLine();
    const lines = [good, deepArray(true), deepObject(true), good.replace(/^\{/, `{"extra":${deepObject(false)},`), deepArray(false), good];
    const r = check('deep.jsonl', lines.join('\n') + '\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    // 6 lines: the two good messages and the one with a deep extra field pass; 3 cannot be read.
    expect(report.summary.records).toBe(6);
    expect(report.summary.checked).toBe(3);
    expect(report.summary.invalid).toBe(3);
    const invalidLines = report.results.filter((x: { invalid?: unknown[] }) => x.invalid).map((x: { line: number }) => x.line);
    expect(invalidLines).toEqual([2, 3, 5]);
    const messages = JSON.stringify(report.results);
    expect(messages).toContain('line 2');
    expect(messages).toContain('line 3');
  });

  it('reports a broken deep JSON document with its line instead of ending the run', () => {
    const r = check('deep.json', `\n${deepObject(true)}\n`);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.summary.records).toBe(1);
    expect(report.summary.invalid).toBe(1);
    expect(report.results[0].line).toBe(2);
  });
});
