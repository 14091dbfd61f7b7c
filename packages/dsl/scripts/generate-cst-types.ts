/**
 * Writes src/cst-types.ts: the types of the syntax tree the parser builds,
 * generated from the grammar with Chevrotain's generateCstDts. cst-to-ast.ts
 * reads the tree through these types, so renaming a grammar rule or a label
 * breaks the build instead of silently yielding an empty child.
 *
 * Run after changing parser.ts: `npm run generate:cst -w @sellguard/dsl`.
 * A test fails when the committed file differs from a fresh generation.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateCstDts } from 'chevrotain';
import { PolicyParser } from '../src/parser.js';

export const CST_TYPES_FILE = fileURLToPath(new URL('../src/cst-types.ts', import.meta.url));

export function cstTypesSource(): string {
  const productions = new PolicyParser().getGAstProductions();
  const generated = generateCstDts(productions, { includeVisitorInterface: false });
  const ruleNames = Object.keys(productions).map((n) => JSON.stringify(n)).join(' | ');
  const ruleNameType = `\n/** The name of every grammar rule: what error messages see in a parser error's rule stack. */\nexport type CstRuleName = ${ruleNames};\n`;
  const header = [
    '/* eslint-disable */',
    '// Generated from the grammar in parser.ts by scripts/generate-cst-types.ts; do not edit.',
    '// After a grammar change run: npm run generate:cst -w @sellguard/dsl',
    '',
  ].join('\n');
  return header + generated.replace(/\r\n/g, '\n') + ruleNameType;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(CST_TYPES_FILE, cstTypesSource());
  console.log(`wrote ${CST_TYPES_FILE}`);
}
