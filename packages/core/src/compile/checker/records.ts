/**
 * Checker stage 3, records: each record's fields with their defaults (which
 * must be written-out values of the field's type), and which record is the
 * input. The input record comes first: forms and .d.ts start from it.
 */
import type { RecordDecl } from '@sellguard/dsl';
import { checkExpr, fold } from '../check-expr.js';
import { M, diag } from '../codes.js';
import type { IrRecord, JsonValue } from '../ir.js';
import { suggestionHelp } from '../suggest.js';
import { T, assignable, describe, type Type } from '../type-system.js';
import { emptyCollection } from './common.js';
import type { CheckerContext, EnvFactory, TypeTable } from './context.js';

export interface RecordsStage {
  records: IrRecord[];
  /** The name of the input record ('' when there is none). */
  inputRecord: string;
  /** The input record's field types: names in rules resolve to these. */
  inputFields: Map<string, Type>;
}

export function checkRecords(cx: CheckerContext, types: TypeTable, envFor: EnvFactory): RecordsStage {
  const records: IrRecord[] = [...cx.resolved.records.values()].map((entry) => {
    const decl = entry.decl as RecordDecl;
    const fieldTypes = types.recordTypes.get(decl.name.text)!;
    const seen = new Set<string>();
    return {
      name: decl.name.text,
      ...(decl.doc ? { doc: decl.doc } : {}),
      fields: decl.fields
        .filter((f) => !seen.has(f.name.text) && seen.add(f.name.text))
        .map((f) => {
          const type = fieldTypes.get(f.name.text) ?? T.unknown;
          let def: JsonValue | undefined;
          if (f.default) {
            const ir = checkExpr(f.default, envFor(entry.scope, new Map(), false));
            def = fold(ir, cx.tables.constants);
            if (def === undefined) cx.report(diag(M.defaultComputed, f.default.span, { name: f.name.text }), entry.file);
            else if (!assignable(ir.type, type) && !emptyCollection(ir, type))
              cx.report(diag(M.defaultMismatch, f.default.span, { name: f.name.text, actual: describe(ir.type), expected: describe(type) }), entry.file);
            else if (type.k === 'enum' && typeof def === 'string' && !type.members.includes(def))
              cx.report(diag(M.notAnEnumValue, f.default.span, { value: def, owner: `\`${f.name.text}\``, members: type.members.join(', ') }), entry.file);
          }
          return {
            name: f.name.text,
            type,
            optional: f.optional,
            default: def,
            aliases: f.aliases.map((a) => a.value),
            ...(f.doc ? { doc: f.doc } : {}),
          };
        }),
    };
  });
  const inputRecord = inputRecordOf(cx);
  return {
    records: [...records.filter((r) => r.name === inputRecord), ...records.filter((r) => r.name !== inputRecord)],
    inputRecord,
    inputFields: types.recordTypes.get(inputRecord) ?? new Map<string, Type>(),
  };
}

/** The record named by `input` in the header, or else the last record declared. */
function inputRecordOf(cx: CheckerContext): string {
  const { resolved } = cx;
  const header = resolved.ast.header;
  if (header?.input) {
    const entry = resolved.scope.symbols.get(header.input.text);
    if (entry?.decl.kind === 'RecordDecl') return header.input.text;
    const recordNames = [...resolved.scope.symbols.entries()].filter(([, s]) => s.decl.kind === 'RecordDecl').map(([n]) => n);
    cx.report(diag(M.inputNotARecord, header.input.span, { name: header.input.text }, { help: suggestionHelp(header.input.text, recordNames, 'records') }));
    return '';
  }
  const last = [...resolved.ast.declarations].reverse().find((d): d is RecordDecl => d.kind === 'RecordDecl');
  if (last) return last.name.text;
  if (resolved.rules.length > 0)
    cx.report(diag(M.noInputRecord, header?.span ?? { start: 0, end: 0 }, {}));
  return '';
}
