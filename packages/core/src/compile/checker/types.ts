/**
 * Checker stage 1, types: the fields of every record and the members of every
 * enum, so later stages can refer to any record. Reports unknown types,
 * repeated fields and members, and records that contain themselves.
 */
import type { EnumDecl, RecordDecl, Span, TypeRef } from '@sellguard/dsl';
import { M, diag } from '../codes.js';
import type { Scope, SymbolEntry } from '../resolve.js';
import { suggestionHelp } from '../suggest.js';
import { PRIMITIVES, T, type PrimitiveKind, type Type } from '../type-system.js';
import type { CheckerContext, TypeTable } from './context.js';

export function checkTypes(cx: CheckerContext): TypeTable {
  const recordTypes = new Map<string, Map<string, Type>>();
  const uniqueMembers = (members: { text: string; span: Span }[], file: string | undefined): string[] => {
    const seen = new Set<string>();
    for (const m of members) {
      if (seen.has(m.text)) cx.report(diag(M.duplicateMember, m.span, { name: m.text }), file);
      seen.add(m.text);
    }
    return [...seen];
  };
  const resolveType = (ref: TypeRef, scope: Scope, file: string | undefined): Type => {
    switch (ref.kind) {
      case 'ListType':
        return T.list(resolveType(ref.element, scope, file));
      case 'MapType':
        return { k: 'map', value: resolveType(ref.value, scope, file) };
      case 'InlineEnumType':
        return { k: 'enum', members: uniqueMembers(ref.members, file) };
      case 'Error':
        return T.unknown;
      case 'NamedType': {
        const name = ref.name.text;
        if ((PRIMITIVES as readonly string[]).includes(name)) return { k: name as PrimitiveKind };
        const entry = scope.symbols.get(name);
        const named: Type | undefined =
          entry?.decl.kind === 'RecordDecl' ? { k: 'record', name } : entry?.decl.kind === 'EnumDecl' ? { k: 'enum', name, members: entry.decl.members.map((m) => m.text) } : undefined;
        if (named) {
          cx.semantic?.use(scope.file, ref.name.span, cx.semantic.declOf(entry!.file, entry!.decl.name), named);
          return named;
        }
        const candidates = [
          ...PRIMITIVES,
          ...[...scope.symbols.entries()].filter(([, s]) => s.decl.kind === 'RecordDecl' || s.decl.kind === 'EnumDecl').map(([n]) => n),
        ];
        const help = `${suggestionHelp(name, candidates, 'types')}${name === 'list' || name === 'map' ? ` (write ${name}<string>)` : ''}`;
        cx.report(diag(M.unknownType, ref.name.span, { name }, { help }), file);
        return T.unknown;
      }
    }
  };

  const recordEntries = [...cx.resolved.records.values()];
  for (const entry of recordEntries) {
    const decl = entry.decl as RecordDecl;
    const fields = new Map<string, Type>();
    for (const f of decl.fields) {
      if (fields.has(f.name.text)) {
        cx.report(diag(M.duplicateField, f.name.span, { record: decl.name.text, name: f.name.text }), entry.file);
        continue;
      }
      const type = resolveType(f.type, entry.scope, entry.file);
      fields.set(f.name.text, f.optional && !f.default ? { ...type, nullable: true } : type);
      const fieldDecl = cx.semantic?.declOf(entry.file, f.name);
      if (fieldDecl) fieldDecl.type = fields.get(f.name.text);
    }
    recordTypes.set(decl.name.text, fields);
  }
  for (const entry of cx.resolved.enums.values()) uniqueMembers((entry.decl as EnumDecl).members, entry.file);
  reportRecursion(cx, recordEntries, recordTypes);
  return { recordTypes, resolveType };
}

function reportRecursion(cx: CheckerContext, entries: SymbolEntry[], types: Map<string, Map<string, Type>>): void {
  const refs = (t: Type): string[] => (t.k === 'record' ? [t.name] : t.k === 'list' ? refs(t.element) : t.k === 'map' ? refs(t.value) : []);
  for (const entry of entries) {
    const decl = entry.decl as RecordDecl;
    const seen = new Set<string>();
    const stack = [...(types.get(decl.name.text)?.values() ?? [])].flatMap(refs);
    while (stack.length) {
      const name = stack.pop()!;
      if (name === decl.name.text) {
        cx.report(diag(M.recursiveRecord, decl.name.span, { name }), entry.file);
        break;
      }
      if (seen.has(name)) continue;
      seen.add(name);
      stack.push(...[...(types.get(name)?.values() ?? [])].flatMap(refs));
    }
  }
}
