import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CST_TYPES_FILE, cstTypesSource } from '../scripts/generate-cst-types.js';

describe('the typed syntax tree', () => {
  it('src/cst-types.ts matches the grammar (run `npm run generate:cst -w @sellguard/dsl` after a grammar change)', () => {
    expect(readFileSync(CST_TYPES_FILE, 'utf8')).toBe(cstTypesSource());
  });

  it('names every grammar rule the parser reports errors in', () => {
    const source = cstTypesSource();
    for (const rule of ['file', 'ruleDecl', 'metricDecl', 'listLit', 'callArgs', 'entry']) expect(source).toContain(`"${rule}"`);
  });
});
