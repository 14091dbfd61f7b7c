/** Every checker diagnostic code has an entry in docs/diagnostics.md, and every built-in is in docs/language.md. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from '../src/compile/codes.js';
import { DETECTORS, FUNCTIONS } from '../src/compile/builtins.js';

const root = resolve(import.meta.dirname, '../../..');
const diagnostics = readFileSync(resolve(root, 'docs/diagnostics.md'), 'utf8');
const language = readFileSync(resolve(root, 'docs/language.md'), 'utf8');

describe('documentation', () => {
  for (const code of Object.values(CODES)) {
    it(`documents ${code}`, () => {
      expect(diagnostics).toMatch(new RegExp(`^###.*${code}`, 'm'));
    });
  }
  it('lists every function and detector in the language reference', () => {
    for (const name of [...Object.keys(FUNCTIONS), ...Object.keys(DETECTORS)]) expect(language, name).toContain(`\`${name}(`);
  });
});
