/**
 * Stage 3c: emit the generated decoders. One function per record type reads
 * each field inline (exact key, alias or loose spelling, via rt.d.pick),
 * applies presence (default, null or required) and coerces with the same
 * readers as the zod schema. A decoder returns rt.d.BAD at the first value
 * that does not fit; `decode` then runs the zod schema to word the errors.
 * Field names, aliases, enum members and defaults enter only through
 * JSON.stringify; functions and tables are named by position.
 */
import type { IrField, IrPolicy } from './ir.js';
import type { Type } from './type-system.js';

const str = (s: string) => JSON.stringify(s);

const TEXTUAL = new Set(['string', 'text', 'match', 'phrases', 'null', 'unknown']);
const COERCER: Record<string, string> = {
  number: 'rt.d.number',
  integer: 'rt.d.integer',
  percent: 'rt.d.percent',
  boolean: 'rt.d.boolean',
  date: 'rt.d.date',
  datetime: 'rt.d.datetime',
  duration: 'rt.d.duration',
};

class DecoderEmitter {
  /** Tables and item readers, declared before the decoders that use them. */
  private readonly tables: string[] = [];
  private readonly index: Map<string, number>;

  constructor(private readonly ir: IrPolicy) {
    this.index = new Map(ir.records.map((r, i) => [r.name, i]));
  }

  private table(kind: 'keys' | 'members' | 'item', code: string): string {
    const name = `${kind}_${this.tables.length}`;
    this.tables.push(`const ${name} = ${code};`);
    return name;
  }

  /** A function (v) => value | BAD reading a value of type `t` that must be there. */
  private reader(t: Type): string {
    if (TEXTUAL.has(t.k)) return 'rt.d.string';
    if (t.k in COERCER) return COERCER[t.k];
    switch (t.k) {
      case 'enum':
        return this.table('item', `(v) => rt.d.member(v, ${this.table('members', `rt.d.members(${JSON.stringify(t.members)})`)})`);
      case 'record':
        return `decode_${this.index.get(t.name)}`;
      case 'list':
        return this.table('item', `(v) => rt.d.list(v, ${this.reader(t.element)})`);
      case 'map':
        return this.table('item', `(v) => rt.d.map(v, ${this.reader(t.value)})`);
      default:
        return 'rt.d.string';
    }
  }

  private field(f: IrField, at: number): string[] {
    const read = this.reader(f.type);
    const lines = [`  // ${f.name}: ${describe(f).replace(/[\r\n\u2028\u2029]/g, ' ')}`, `  x = a[${at}];`];
    if (f.optional || f.default !== undefined) {
      const missing = TEXTUAL.has(f.type.k) ? 'x === undefined || x === null || x === ""' : 'rt.d.isBlank(x)';
      lines.push(`  if (${missing}) x = ${f.default !== undefined ? JSON.stringify(f.default) : 'null'};`);
      lines.push(`  else if ((x = ${read}(x)) === rt.d.BAD) return rt.d.BAD;`);
    } else lines.push(`  if ((x = ${read}(x)) === rt.d.BAD) return rt.d.BAD;`);
    lines.push(`  out[${str(f.name)}] = x;`);
    return lines;
  }

  emit(): string {
    const decoders: string[] = [];
    this.ir.records.forEach((record, i) => {
      const keys = this.table('keys', `rt.d.keys(${JSON.stringify(record.fields.map((f) => [f.name, f.aliases]))})`);
      decoders.push(`// record ${record.name}`);
      decoders.push(`function decode_${i}(v) {`);
      decoders.push('  if (!rt.d.isObject(v)) return rt.d.BAD;');
      decoders.push(`  const a = rt.d.pick(v, ${keys});`);
      decoders.push('  const out = {};');
      decoders.push('  let x;');
      record.fields.forEach((f, at) => decoders.push(...this.field(f, at)));
      decoders.push('  return out;');
      decoders.push('}');
    });
    const input = this.index.get(this.ir.inputRecord);
    return [
      `// Decoders of policy ${str(this.ir.id)}: plain reads and coercions; the schema above words the errors`,
      ...this.tables,
      ...decoders,
      `const decodeInput = ${input === undefined ? '(v) => (rt.d.isObject(v) ? {} : rt.d.BAD)' : `decode_${input}`};`,
    ].join('\n');
  }
}

/** "datetime?", "boolean = false" — the declaration as the policy writes it, for readers of the code. */
function describe(f: IrField): string {
  const type = typeName(f.type);
  if (f.default !== undefined) return `${type} = ${JSON.stringify(f.default)}`;
  return f.optional ? `${type}?` : type;
}

function typeName(t: Type): string {
  switch (t.k) {
    case 'enum':
      return t.name ?? `enum(${t.members.join(', ')})`;
    case 'list':
      return `list<${typeName(t.element)}>`;
    case 'map':
      return `map<${typeName(t.value)}>`;
    case 'record':
      return t.name;
    default:
      return t.k;
  }
}

export function emitDecoder(ir: IrPolicy): string {
  return new DecoderEmitter(ir).emit();
}
