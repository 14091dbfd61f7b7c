import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keepNewest } from '../src/policy-cache/keep-newest.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A folder with the given files, each written `age` seconds ago. */
function folder(files: Record<string, number>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sellguard-keep-newest-'));
  dirs.push(dir);
  const now = Date.now() / 1000;
  for (const [name, age] of Object.entries(files)) {
    writeFileSync(join(dir, name), name);
    utimesSync(join(dir, name), now - age, now - age);
  }
  return dir;
}

describe('keeping a cache folder to its newest files', () => {
  it('deletes the oldest of its own files beyond the limit and leaves other files alone', () => {
    const dir = folder({ 'a.json': 50, 'b.json': 10, 'c.json': 30, 'd.tmp': 40, 'notes.txt': 99 });
    keepNewest(dir, (f) => f.endsWith('.json') || f.endsWith('.tmp'), 2);
    expect(readdirSync(dir).sort()).toEqual(['b.json', 'c.json', 'notes.txt']);
  });

  it('deletes nothing at or under the limit', () => {
    const dir = folder({ 'a.v8cache': 5, 'b.v8cache': 1 });
    keepNewest(dir, (f) => f.endsWith('.v8cache'), 2);
    expect(readdirSync(dir).sort()).toEqual(['a.v8cache', 'b.v8cache']);
  });

  it('never throws, even when the folder is missing', () => {
    expect(() => keepNewest(join(tmpdir(), 'sellguard-no-such-folder', 'x'), () => true, 0)).not.toThrow();
  });
});
