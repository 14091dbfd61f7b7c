/**
 * The types of the policy language, as the checker reasons about them.
 * `nullable` marks values that may be missing (optional fields and what is
 * computed from them); the emitter uses it to pick null-safe operations.
 */
export type PrimitiveKind =
  | 'string'
  | 'text'
  | 'number'
  | 'integer'
  | 'percent'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'duration';

export type Type =
  | { k: PrimitiveKind; nullable?: boolean }
  | { k: 'enum'; name?: string; members: string[]; nullable?: boolean }
  | { k: 'list'; element: Type; nullable?: boolean }
  | { k: 'map'; value: Type; nullable?: boolean }
  | { k: 'record'; name: string; nullable?: boolean }
  | { k: 'match'; detector: string; nullable?: boolean }
  | { k: 'phrases'; nullable?: boolean }
  | { k: 'null'; nullable?: boolean }
  /** The type of something already reported as wrong: fits everywhere, so one mistake gives one diagnostic. */
  | { k: 'unknown'; nullable?: boolean };

export const PRIMITIVES: readonly PrimitiveKind[] = [
  'string',
  'text',
  'number',
  'integer',
  'percent',
  'boolean',
  'date',
  'datetime',
  'duration',
];

export const T = Object.freeze({
  string: { k: 'string' } as Type,
  text: { k: 'text' } as Type,
  number: { k: 'number' } as Type,
  integer: { k: 'integer' } as Type,
  percent: { k: 'percent' } as Type,
  boolean: { k: 'boolean' } as Type,
  date: { k: 'date' } as Type,
  datetime: { k: 'datetime' } as Type,
  duration: { k: 'duration' } as Type,
  null: { k: 'null' } as Type,
  unknown: { k: 'unknown' } as Type,
  list: (element: Type): Type => ({ k: 'list', element }),
  match: (detector: string): Type => ({ k: 'match', detector }),
});

export function nullable(t: Type, yes = true): Type {
  if (!yes || t.nullable) return t;
  return { ...t, nullable: true };
}

export function nonNull(t: Type): Type {
  if (!t.nullable) return t;
  const { nullable: _ignored, ...rest } = t;
  return rest as Type;
}

export const isNumeric = (t: Type) => t.k === 'number' || t.k === 'integer' || t.k === 'percent';
export const isStringy = (t: Type) => t.k === 'string' || t.k === 'text' || t.k === 'enum';
export const isTemporal = (t: Type) => t.k === 'date' || t.k === 'datetime';
export const isUnknown = (t: Type) => t.k === 'unknown';

/** Plain words for a type, as a seller would read it in a message. */
export function describe(t: Type): string {
  switch (t.k) {
    case 'enum':
      return t.name ? `${t.name} (one of ${t.members.join(', ')})` : `one of ${t.members.join(', ')}`;
    case 'list':
      return `list of ${describe(t.element)}`;
    case 'map':
      return `map of ${describe(t.value)}`;
    case 'record':
      return t.name;
    case 'match':
      return `${t.detector} match`;
    case 'phrases':
      return 'phrase list';
    case 'null':
      return 'null';
    case 'unknown':
      return 'unknown';
    default:
      return t.k;
  }
}

/** Whether a value of type `from` may be used where `to` is expected. */
export function assignable(from: Type, to: Type): boolean {
  if (isUnknown(from) || isUnknown(to)) return true;
  if (from.k === 'null') return true;
  if (from.k === to.k) {
    if (from.k === 'list' && to.k === 'list') return assignable(from.element, to.element);
    if (from.k === 'map' && to.k === 'map') return assignable(from.value, to.value);
    if (from.k === 'record' && to.k === 'record') return from.name === to.name;
    if (from.k === 'enum' && to.k === 'enum') return from.members.every((m) => to.members.includes(m));
    return true;
  }
  if (to.k === 'number' && (from.k === 'integer' || from.k === 'percent')) return true;
  if (to.k === 'percent' && (from.k === 'number' || from.k === 'integer')) return true;
  if (to.k === 'datetime' && from.k === 'date') return true;
  if ((to.k === 'string' || to.k === 'text') && isStringy(from)) return true;
  if (to.k === 'enum' && (from.k === 'string' || from.k === 'text')) return true;
  return false;
}

/** Whether two types can be compared with ==, <, and so on. */
export function comparable(a: Type, b: Type): boolean {
  if (isUnknown(a) || isUnknown(b) || a.k === 'null' || b.k === 'null') return true;
  if (isNumeric(a) && isNumeric(b)) return true;
  if (isTemporal(a) && isTemporal(b)) return true;
  if (isStringy(a) && isStringy(b)) return true;
  return a.k === b.k;
}
