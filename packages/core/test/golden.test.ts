/**
 * Golden tests of checker diagnostics: every broken (or warned-about) policy in test/golden/
 * is compiled and its rendered diagnostics compared with the .expected.txt
 * beside it. Only UPDATE_GOLDEN=1 writes the expected files (read them before
 * committing: the message must be right and plain); a missing one fails the test.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDiagnostic } from '@sellguard/dsl';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.js';

const dir = join(import.meta.dirname, 'golden');
const files = readdirSync(dir).filter((f) => f.endsWith('.policy')).sort();

describe('checker diagnostics (golden)', () => {
  it('has at least 15 broken policies', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });
  for (const file of files) {
    it(file, () => {
      const source = readFileSync(join(dir, file), 'utf8');
      const { diagnostics, policy } = compile(source, {
        fileName: file,
        readFile: (p) => (existsSync(join(dir, p)) ? readFileSync(join(dir, p), 'utf8') : undefined),
      });
      const rendered = diagnostics.map((d) => renderDiagnostic(d, source, { fileName: `golden/${file}` })).join('\n\n') + '\n';
      const expectedFile = join(dir, file.replace(/\.policy$/, '.expected.txt'));
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(expectedFile, rendered);
      expect(existsSync(expectedFile), `${expectedFile} is missing: run UPDATE_GOLDEN=1 npx vitest run packages/core/test/golden.test.ts and read it`).toBe(true);
      expect(rendered).toBe(readFileSync(expectedFile, 'utf8'));
      const errors = diagnostics.filter((d) => d.severity === 'error');
      if (errors.length === 0) {
        // A policy that only warns still compiles.
        expect(diagnostics.length).toBeGreaterThan(0);
        expect(policy).toBeDefined();
      } else {
        expect(policy).toBeUndefined();
        // One root cause, one diagnostic: no cascades.
        expect(errors).toHaveLength(1);
      }
    });
  }
});
