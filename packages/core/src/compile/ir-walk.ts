/**
 * Questions asked of IR expressions by several stages: what is below a node,
 * the first or every node of a kind, and which field a value is read from.
 * One walker here instead of a recursive function per question.
 */
import type { IrExpr, IrRule } from './ir.js';
import type { Type } from './type-system.js';

export function children(e: IrExpr): IrExpr[] {
  switch (e.op) {
    case 'field':
      return [e.object];
    case 'index':
      return [e.object, e.index];
    case 'call':
      return e.args;
    case 'detect':
      return [e.arg];
    case 'cond':
      return [e.test, e.then, e.else];
    case 'not':
    case 'neg':
      return [e.operand];
    case 'and':
    case 'or':
    case 'cmp':
    case 'arith':
    case 'concat':
    case 'strop':
      return [e.left, e.right];
    case 'in':
      return [e.item, e.collection];
    case 'listContains':
      return [e.list, e.item];
    case 'matches':
      return [e.subject];
    case 'quant':
      return [e.collection, e.body];
    case 'nonEmpty':
      return [e.list];
    case 'list':
      return e.items;
    case 'object':
      return e.entries.map((en) => en.value);
    case 'template':
      return e.parts.filter((p): p is IrExpr => typeof p !== 'string');
    default:
      return [];
  }
}

/** The static field path an expression reads, when it is a plain field chain from the record. */
export function staticPath(e: IrExpr): string | undefined {
  if (e.op === 'root') return '';
  if (e.op === 'field') {
    const base = staticPath(e.object);
    if (base === undefined) return undefined;
    return base ? `${base}.${e.name}` : e.name;
  }
  if (e.op === 'index' && e.index.op === 'lit' && typeof e.index.value === 'number') {
    const base = staticPath(e.object);
    return base === undefined ? undefined : `${base}[${e.index.value}]`;
  }
  return undefined;
}

/** A field chain: `a.b.c` from the record or from a variable. */
function isFieldChain(e: IrExpr): boolean {
  if (e.op === 'field') return e.object.op === 'root' || e.object.op === 'var' || isFieldChain(e.object);
  return false;
}

/** The first record field a condition reads: what a violation of it is "about". */
export function primarySubject(e: IrExpr): IrExpr | null {
  return findFirst(e, isFieldChain) ?? null;
}

/** The first node, in reading order, that satisfies `test`. */
export function findFirst<T extends IrExpr>(e: IrExpr, test: ((x: IrExpr) => x is T) | ((x: IrExpr) => boolean)): T | undefined {
  if (test(e)) return e as T;
  for (const c of children(e)) {
    const found = findFirst<T>(c, test);
    if (found) return found;
  }
  return undefined;
}

/** Every node that satisfies `test`, in reading order. */
export function findAll<T extends IrExpr>(e: IrExpr, test: ((x: IrExpr) => x is T) | ((x: IrExpr) => boolean), out: T[] = []): T[] {
  if (test(e)) out.push(e as T);
  for (const c of children(e)) findAll(c, test, out);
  return out;
}

/** Whether an expression contains a node of the given kind. */
export function contains(e: IrExpr, op: IrExpr['op']): boolean {
  return findFirst(e, (x) => x.op === op) !== undefined;
}

/** A rule's conditions: its `when`, then each clause's. */
export function ruleConditions(rule: Pick<IrRule, 'when' | 'clauses'>): IrExpr[] {
  return [...(rule.when ? [rule.when] : []), ...rule.clauses.map((c) => c.condition)];
}


/** The metrics a rule reads, by index. */
export function metricsUsed(rule: IrRule): number[] {
  const found = ruleConditions(rule).flatMap((c) => findAll<Extract<IrExpr, { op: 'metric' }>>(c, (x) => x.op === 'metric').map((m) => m.index));
  return [...new Set(found)].sort((a, b) => a - b);
}

/** How a value of this type is shown to people (the runtime's `show` kinds). */
export function showKind(t: Type): string {
  if (t.k === 'list') return 'list';
  if (t.k === 'text' || t.k === 'enum') return 'string';
  if (['string', 'number', 'integer', 'percent', 'boolean', 'date', 'datetime', 'duration'].includes(t.k)) return t.k;
  return 'other';
}
