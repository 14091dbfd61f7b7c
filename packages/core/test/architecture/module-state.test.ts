/**
 * No module-level mutable state in core: everything a check depends on travels
 * in the evaluation context. A walk over every source file of packages/core/src
 * with the TypeScript parser finds
 * - top-level `let` and `var`;
 * - top-level constants that code changes afterwards (`X.push(…)`, `X.set(…)`,
 *   `X[k] = …`, `X.field = …`): a `const` array, map or object used as a store;
 * - exported object or array literals that are not frozen (`Object.freeze`) or
 *   read-only to TypeScript (`as const`, a `Readonly…` type): importers could change them.
 * A regular expression's `lastIndex` is the one write allowed: it is a cursor
 * the scanning code sets before every use, so nothing carries over between calls.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './source-graph.js';

const MUTATORS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'set', 'add', 'delete', 'clear']);

function parse(name: string, text: string): ts.SourceFile {
  return ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, name.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

/** The literal under `as const`, `satisfies`, parentheses and `Object.freeze(...)`, and whether it is read-only. */
function literalOf(init: ts.Expression): { literal: ts.Expression; readonly: boolean } {
  let e = init;
  let readonly = false;
  for (;;) {
    if (ts.isParenthesizedExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
    else if (ts.isAsExpression(e)) {
      if (ts.isTypeReferenceNode(e.type) && e.type.typeName.getText() === 'const') readonly = true;
      e = e.expression;
    } else if (ts.isCallExpression(e) && e.expression.getText() === 'Object.freeze') return { literal: e, readonly: true };
    else return { literal: e, readonly };
  }
}

/** Every way a source file keeps state at module level, as "file:line what". */
export function moduleState(name: string, text: string): string[] {
  const file = parse(name, text);
  const where = (n: ts.Node) => `${name}:${file.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const found: string[] = [];
  const topConsts = new Set<string>();
  const regexConsts = new Set<string>();
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const list = statement.declarationList;
    const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const decl of list.declarations) {
      const names = ts.isIdentifier(decl.name) ? [decl.name.text] : [];
      if (!isConst) {
        found.push(`${where(decl)} top-level ${list.flags & ts.NodeFlags.Let ? 'let' : 'var'} ${decl.name.getText()}`);
        continue;
      }
      names.forEach((n) => topConsts.add(n));
      const init = decl.initializer;
      if (init && (ts.isRegularExpressionLiteral(init) || (ts.isNewExpression(init) && init.expression.getText() === 'RegExp'))) names.forEach((n) => regexConsts.add(n));
      if (!exported || !decl.initializer) continue;
      const { literal, readonly } = literalOf(decl.initializer);
      const typedReadonly = decl.type !== undefined && /^readonly/i.test(decl.type.getText());
      if ((ts.isObjectLiteralExpression(literal) || ts.isArrayLiteralExpression(literal)) && !readonly && !typedReadonly) {
        found.push(`${where(decl)} exported ${decl.name.getText()} can be changed by importers (freeze it or mark it read-only)`);
      }
    }
  }
  // Writes to top-level constants from anywhere in the file.
  const target = (e: ts.Expression): string | undefined => {
    let x = e;
    while (ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x)) x = x.expression;
    return ts.isIdentifier(x) && x !== e && topConsts.has(x.text) ? x.text : undefined;
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && MUTATORS.has(node.expression.name.text)) {
      const obj = node.expression.expression;
      if (ts.isIdentifier(obj) && topConsts.has(obj.text)) found.push(`${where(node)} changes the module-level ${obj.text} (.${node.expression.name.text})`);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const name = target(node.left);
      const cursor = ts.isPropertyAccessExpression(node.left) && node.left.name.text === 'lastIndex' && name !== undefined && regexConsts.has(name);
      if (name && !cursor) found.push(`${where(node)} assigns into the module-level ${name}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('module-level state', () => {
  it('finds each kind of module state in a sample', () => {
    const sample = [
      'let day = null;',
      'var count = 0;',
      'const cache = new Map();',
      'export function remember(k, v) { cache.set(k, v); }',
      'const seen = [];',
      'function note(x) { seen.push(x); }',
      'const table = {};',
      'function put(k) { table[k] = 1; }',
      'export const OPTIONS = { strict: true };',
      'export const FROZEN = Object.freeze({ a: 1 });',
      'export const CODES = { a: "x" } as const;',
      'const LOOKUP = new Set(["a"]);',
      'const WORD = /\\w+/y;',
      'function at(s, i) { WORD.lastIndex = i; return WORD.exec(s); }',
      'export function has(x) { let local = LOOKUP.has(x); return local; }',
    ].join('\n');
    expect(moduleState('sample.ts', sample)).toEqual([
      'sample.ts:1 top-level let day',
      'sample.ts:2 top-level var count',
      'sample.ts:9 exported OPTIONS can be changed by importers (freeze it or mark it read-only)',
      'sample.ts:4 changes the module-level cache (.set)',
      'sample.ts:6 changes the module-level seen (.push)',
      'sample.ts:8 assigns into the module-level table',
    ]);
  });

  it('packages/core/src has none', () => {
    const found = sourceFiles(['packages/core/src']).flatMap((path) => moduleState(path, readFileSync(join(ROOT, path), 'utf8')));
    expect(found).toEqual([]);
  });
});
