/**
 * The diagnostics catalogue and the docs agree: every checker code has an entry in
 * docs/diagnostics.md, every code has at least one message and every message a
 * known code; every built-in is in docs/language.md.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalogueEntries, fillTemplate } from '@sellguard/dsl';
import { describe, expect, it } from 'vitest';
import { CHECK_CODES, M } from '../src/compile/codes.js';
import { DETECTORS, FUNCTIONS } from '../src/compile/builtins.js';

const root = resolve(import.meta.dirname, '../../..');
const diagnostics = readFileSync(resolve(root, 'docs/diagnostics.md'), 'utf8');
const language = readFileSync(resolve(root, 'docs/language.md'), 'utf8');

describe('documentation', () => {
  for (const { code, title, messages } of catalogueEntries(CHECK_CODES, M)) {
    it(`documents ${code} (${title}), which has messages`, () => {
      expect(diagnostics).toMatch(new RegExp(`^###.*${code}`, 'm'));
      expect(messages.length).toBeGreaterThan(0);
    });
  }
  it('reports every message under a code of the catalogue, in plain words without leftover placeholders once filled', () => {
    for (const [name, m] of Object.entries(M)) {
      expect(Object.keys(CHECK_CODES), name).toContain(m.code);
      const filled = fillTemplate(m.message, new Proxy({}, { get: () => 'x', has: () => true, getOwnPropertyDescriptor: () => ({ value: 'x', enumerable: true, configurable: true }) }));
      expect(filled, name).not.toMatch(/\{[A-Za-z]+\}/);
      expect(m.message, name).toMatch(/^[^A-Z]/);
    }
  });
  it('lists every function and detector in the language reference', () => {
    for (const name of [...Object.keys(FUNCTIONS), ...Object.keys(DETECTORS)]) expect(language, name).toContain(`\`${name}(`);
  });
});
