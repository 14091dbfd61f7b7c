/**
 * Golden syntax-error tests: each `golden/*.policy` is a broken policy; its
 * `*.expected.txt` holds the rendered diagnostics exactly. Only `UPDATE_GOLDEN=1`
 * writes them (read them before committing); a missing one fails the test, so a
 * new broken policy cannot bless its own output.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, renderDiagnostic } from '../src/index.js';

const dir = join(fileURLToPath(new URL('.', import.meta.url)), 'golden');
const files = readdirSync(dir).filter((f) => f.endsWith('.policy')).sort();
const update = process.env.UPDATE_GOLDEN === '1';

function render(file: string, text: string): string {
  const { diagnostics } = parse(text);
  return `${diagnostics.map((d) => renderDiagnostic(d, text, { fileName: `golden/${file}` })).join('\n\n')}\n`;
}

describe('golden syntax errors', () => {
  it('has at least 12 broken policies', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  for (const file of files) {
    it(file, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const actual = render(file, text);
      const expectedPath = join(dir, `${basename(file, '.policy')}.expected.txt`);
      if (update) writeFileSync(expectedPath, actual);
      expect(existsSync(expectedPath), `${expectedPath} is missing: run UPDATE_GOLDEN=1 npx vitest run packages/dsl/test/golden.test.ts and read it`).toBe(true);
      expect(parse(text).diagnostics.length).toBeGreaterThan(0);
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }

  it('reports each of three separate mistakes once and keeps the declarations', () => {
    const { ast, diagnostics } = parse(readFileSync(join(dir, 'three-mistakes.policy'), 'utf8'));
    expect(diagnostics.map((d) => d.code)).toEqual(['SG1006', 'SG1005', 'SG1007']);
    expect(ast.declarations.map((d) => d.kind)).toEqual(['RecordDecl', 'RuleDecl', 'ExampleDecl']);
  });
});
