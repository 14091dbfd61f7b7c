/** Every field of every record in the shipped policies is documented (a `##` line above it). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '@sellguard/dsl';

const dir = resolve(import.meta.dirname, '..');

describe('field documentation', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.policy'))) {
    it(file, () => {
      const { ast } = parse(readFileSync(join(dir, file), 'utf8'));
      const undocumented = ast.declarations.flatMap((d) => (d.kind === 'RecordDecl' ? d.fields.filter((f) => !f.doc).map((f) => `${d.name.text}.${f.name.text}`) : []));
      expect(undocumented).toEqual([]);
    });
  }
});
