/**
 * Stage 3b: emit the input schema as JavaScript that builds zod schemas
 * from the runtime's building blocks (rt.s). One function per record type,
 * named by position; field names and aliases enter only through JSON.stringify.
 */
import type { IrField, IrPolicy } from './ir.js';
import type { Type } from './type-system.js';

const str = (s: string) => JSON.stringify(s);

export function emitSchema(ir: IrPolicy): string {
  const index = new Map(ir.records.map((r, i) => [r.name, i]));
  const lines: string[] = [`// Input schema of policy ${str(ir.id)}`];
  ir.records.forEach((record, i) => {
    lines.push(`// record ${record.name}`);
    lines.push(`function record_${i}(opts) {`);
    lines.push(`  return rt.s.recordOf(${str(record.name)}, [`);
    for (const f of record.fields) lines.push(`    ${fieldCode(f, index)},`);
    lines.push('  ], opts);');
    lines.push('}');
  });
  const input = index.get(ir.inputRecord);
  lines.push(`const schema = ${input === undefined ? 'rt.s.recordOf("Record", [])' : `record_${input}()`};`);
  return lines.join('\n');
}

function fieldCode(f: IrField, index: Map<string, number>): string {
  const opts: string[] = [];
  if (f.optional) opts.push('optional: true');
  if (f.default !== undefined) opts.push(`default: ${JSON.stringify(f.default)}`);
  const aliases = f.aliases.length ? `, aliases: ${JSON.stringify(f.aliases)}` : '';
  return `{ name: ${str(f.name)}, schema: ${typeCode(f.type, index, opts.length ? `{ ${opts.join(', ')} }` : '')}${aliases} }`;
}

function typeCode(t: Type, index: Map<string, number>, opts: string): string {
  const o = opts ? `, ${opts}` : '';
  switch (t.k) {
    case 'enum':
      return `rt.s.enumOf(${JSON.stringify(t.members)}${o})`;
    case 'list':
      return `rt.s.listOf(${typeCode({ ...t.element, nullable: false }, index, '')}${o})`;
    case 'map':
      return `rt.s.mapOf(${typeCode({ ...t.value, nullable: false }, index, '')}${o})`;
    case 'record':
      return `record_${index.get(t.name)}(${opts})`;
    case 'match':
    case 'phrases':
    case 'null':
    case 'unknown':
      return `rt.s.primitive("string"${o})`;
    default:
      return `rt.s.primitive(${str(t.k)}${o})`;
  }
}
