/**
 * Stage 4: load the emitted code in this process and assemble the
 * CompiledPolicy every front end uses. The same source text is what
 * `sellguard compile` writes, so the CLI, the TUI, the playground and a
 * compiled module all run identical code.
 */
import * as rt from '../runtime/index.js';
import type { CompiledPolicy, FieldType, RecordInfo, Violation } from '../types.js';
import { explainRecord } from '../explain/explain.js';
import { runExamples } from './examples.js';
import type { IrPolicy } from './ir.js';
import { ruleInfos } from './rule-info.js';
import type { Type } from './type-system.js';

interface Loaded {
  evaluate: (record: unknown) => Violation[];
  schema: import('zod').ZodType;
}

export function load(ir: IrPolicy, code: { schema: string; evaluator: string; module: string; dts: string }, source: string): CompiledPolicy {
  const factory = new Function('rt', `"use strict";\n${code.schema}\n${code.evaluator}\nreturn { evaluate, schema };`) as (runtime: typeof rt) => Loaded;
  const loaded = factory(rt);
  const policy: CompiledPolicy = {
    id: ir.id,
    title: ir.title,
    ...(ir.source ? { source: ir.source } : {}),
    ...(ir.version ? { version: ir.version } : {}),
    recordType: ir.inputRecord,
    records: ir.records.map(
      (r): RecordInfo => ({
        name: r.name,
        ...(r.doc ? { doc: r.doc } : {}),
        fields: r.fields.map((f) => ({
          name: f.name,
          type: fieldType(f.type),
          optional: f.optional,
          hasDefault: f.default !== undefined,
          aliases: f.aliases,
          ...(f.doc ? { doc: f.doc } : {}),
        })),
      }),
    ),
    rules: ruleInfos(ir),
    schema: loaded.schema,
    decode: (raw) => rt.s.decode(loaded.schema, raw) as ReturnType<CompiledPolicy['decode']>,
    evaluate: loaded.evaluate,
    explain: (record) => explainRecord(ir, source, record),
    runExamples: () => runExamples(ir, policy),
    output: { module: code.module, dts: code.dts, schema: code.schema },
  };
  return policy;
}

function fieldType(t: Type): FieldType {
  switch (t.k) {
    case 'enum':
      return t.name ? { kind: 'enum', name: t.name, members: t.members } : { kind: 'enum', members: t.members };
    case 'list':
      return { kind: 'list', element: fieldType(t.element) };
    case 'map':
      return { kind: 'map', value: fieldType(t.value) };
    case 'record':
      return { kind: 'record', name: t.name };
    case 'match':
    case 'phrases':
    case 'null':
    case 'unknown':
      return { kind: 'string' };
    default:
      return { kind: t.k };
  }
}
