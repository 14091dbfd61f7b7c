/**
 * The command line's last boundary: an error nobody expected is said in plain
 * words with what to do, never as a stack trace, also when it escapes `main`
 * (thrown from an event handler, or a promise nobody awaited). The escape
 * path is run in a real Node process with the boundary installed.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unexpectedMessage } from '../src/unexpected.js';

const boundary = resolve(import.meta.dirname, '../src/unexpected.ts');

function escaped(code: string) {
  const script = `import { catchEscapedErrors } from ${JSON.stringify(boundary)};\ncatchEscapedErrors(2);\n${code}\n`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: resolve(import.meta.dirname, '../../..') });
}

describe('an unexpected error', () => {
  it('is a plain message that says it is a bug and what to do', () => {
    expect(unexpectedMessage(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(
      "sellguard: unexpected error: Cannot read properties of undefined (reading 'x')\n(this is a bug in Sellguard, not in your data or policy; please report it with the command you ran; your files were not changed)\n",
    );
  });

  it('running out of memory says so, and what to try', () => {
    expect(unexpectedMessage(new RangeError('Invalid string length'))).toMatch(/^sellguard: ran out of memory \(Invalid string length\); check fewer records at once/);
  });

  for (const [how, code] of [
    ['thrown from an event handler', "setTimeout(() => { throw new Error('boom in a handler'); }, 0);"],
    ['rejected with nobody waiting', "Promise.reject(new Error('boom in a promise'));"],
  ] as const) {
    it(`escaping main (${how}) is reported the same way, without a stack trace, exit 2`, () => {
      const r = escaped(code);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^sellguard: unexpected error: boom in a (handler|promise)\n\(this is a bug in Sellguard/);
      expect(r.stderr).not.toContain('    at ');
    });
  }
});
