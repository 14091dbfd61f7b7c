/**
 * docs/diagnostics.md documents every syntax code, and its examples are true: the
 * mistake shown gives that code, and the fix shown does not.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, SYNTAX_CODES } from '../src/index.js';

const doc = readFileSync(fileURLToPath(new URL('../../../docs/diagnostics.md', import.meta.url)), 'utf8');
const section = doc.slice(doc.indexOf('## Syntax errors (SG1xxx)'));
const entries = [...section.matchAll(/^### (SG1\d\d\d)\b[^\n]*\n([\s\S]*?)(?=^### |^## |(?![\s\S]))/gm)].map((m) => ({
  code: m[1],
  blocks: [...m[2].matchAll(/```\n([\s\S]*?)```/g)].map((b) => b[1]),
}));

/** The codes a snippet gives: read as a file, inside a rule, or inside an example. */
function codesIn(snippet: string): Set<string>[] {
  return [snippet, `rule r "m" {\n${snippet}\n}\n`, `example "e" {\n${snippet}\n}\n`].map(
    (text) => new Set(parse(text).diagnostics.map((d) => d.code)),
  );
}

describe('docs/diagnostics.md', () => {
  it('has a "## Syntax errors (SG1xxx)" section under a "# Diagnostics" title', () => {
    expect(doc.startsWith('# Diagnostics\n')).toBe(true);
    expect(doc).toMatch(/^## Syntax errors \(SG1xxx\)$/m);
    expect(entries.length).toBeGreaterThanOrEqual(30);
  });

  it('documents every syntax code, and only those', () => {
    expect(entries.map((e) => e.code)).toEqual(Object.keys(SYNTAX_CODES));
  });

  for (const { code, blocks } of entries) {
    // These need a file too large to show (SG1037: 500 levels deep) or cannot be written on purpose; long-chains tests cover SG1037.
    if (code === 'SG1037' || code === 'SG1098' || code === 'SG1099') continue;
    it(`${code}: the mistake gives ${code} and the fix does not`, () => {
      expect(blocks.length).toBeGreaterThanOrEqual(1);
      const mistake = codesIn(blocks[0]);
      const where = mistake.findIndex((codes) => codes.has(code));
      expect(where, `the example for ${code} does not give ${code}`).toBeGreaterThanOrEqual(0);
      if (blocks[1] !== undefined) expect(codesIn(blocks[1])[where].has(code), `the fix for ${code} still gives it`).toBe(false);
    });
  }
});
