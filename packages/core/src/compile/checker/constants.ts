/**
 * Checker stage 2, constants and phrase lists: each constant's value is folded
 * into the constants table (once, when first needed, with its own cycle check),
 * each phrase list gets its place in the phrase table. Every constant of the
 * policy file is checked, used or not, so its mistakes show.
 */
import type { ConstDecl, PhrasesDecl } from '@sellguard/dsl';
import { checkExpr, fold } from '../check-expr.js';
import { M, diag } from '../codes.js';
import type { SymbolEntry } from '../resolve.js';
import { T, assignable, describe, type Type } from '../type-system.js';
import { emptyCollection } from './common.js';
import { envFactory, type CheckerContext, type ConstantTable, type TypeTable } from './context.js';

type ConstState = { index: number; type: Type } | 'busy' | 'failed';

export function checkConstants(cx: CheckerContext, types: TypeTable): ConstantTable {
  const states = new Map<ConstDecl, ConstState>();
  const phraseIndex = new Map<PhrasesDecl, number>();
  const envFor = envFactory(cx, types, () => table);

  const constantOf = (entry: SymbolEntry): { index: number; type: Type } | 'failed' => {
    const decl = entry.decl as ConstDecl;
    const known = states.get(decl);
    if (known === 'busy') {
      cx.report(diag(M.constantCycle, decl.name.span, { name: decl.name.text }), entry.file);
      states.set(decl, 'failed');
      return 'failed';
    }
    if (known) return known;
    states.set(decl, 'busy');
    const ir = checkExpr(decl.value, envFor(entry.scope, new Map(), false));
    const value = fold(ir, cx.tables.constants);
    if (value === undefined) {
      cx.report(diag(M.constantComputed, decl.value.span, { name: decl.name.text }), entry.file);
      states.set(decl, 'failed');
      return 'failed';
    }
    let type = ir.type;
    if (decl.type) {
      const declared = types.resolveType(decl.type, entry.scope, entry.file);
      if (!assignable(ir.type, declared) && !emptyCollection(ir, declared))
        cx.report(diag(M.constType, decl.value.span, { name: decl.name.text, declared: describe(declared), actual: describe(ir.type) }), entry.file);
      type = declared;
    }
    cx.tables.constants.push(value);
    const result = { index: cx.tables.constants.length - 1, type };
    states.set(decl, result);
    return result;
  };

  const table: ConstantTable = {
    constant: (scope, name) => {
      const entry = scope.symbols.get(name);
      if (entry?.decl.kind !== 'ConstDecl') return undefined;
      const c = constantOf(entry);
      return c === 'failed' ? { index: -1, type: T.unknown } : c;
    },
    phraseList: (scope, name) => {
      const entry = scope.symbols.get(name);
      const decl = entry?.decl;
      if (decl?.kind !== 'PhrasesDecl') return undefined;
      const known = phraseIndex.get(decl);
      if (known !== undefined) return known;
      const list = decl.phrases.map((p) => p.value);
      // Built once here too, so that a list the regex engine cannot take is a diagnostic, not a failure at run time.
      try {
        cx.detectors.phrases(list);
      } catch (e) {
        cx.report(diag(M.phraseListTooLarge, decl.name.span, { problem: e instanceof Error ? e.message : String(e) }), entry?.file);
      }
      cx.tables.phrases.push({ name: decl.name.text, phrases: list });
      phraseIndex.set(decl, cx.tables.phrases.length - 1);
      return cx.tables.phrases.length - 1;
    },
  };

  for (const entry of cx.resolved.scope.symbols.values()) if (entry.decl.kind === 'ConstDecl' && !entry.file) constantOf(entry);
  return table;
}
