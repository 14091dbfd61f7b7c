/**
 * Policy expressions to SQL, with the runtime's meaning: a comparison with a
 * missing value is false (`x == null` tests presence), text
 * search ignores case, division by zero gives no value. Conditions come out
 * two-valued (never NULL), so NOT means what `not` means in a policy.
 *
 * Expressions read the typed layer of the query, where each field of the
 * input record and the as-of day (epoch ms) are columns with generated names
 * (the scope says which).
 * Constructs without a SQL form throw NotPushable, naming the construct.
 */
import type { IrExpr, IrPolicy } from '../compile/ir.js';
import type { Dialect } from './dialect.js';
import { dayFloor, definitely, numberLiteral } from './casts.js';
import { NotPushable } from './not-pushable.js';

export interface ExprScope {
  d: Dialect;
  policy: IrPolicy;
  /** The typed column of each field of the input record, by field name. */
  fieldColumn: (name: string) => string | undefined;
  /** The column holding the as-of day, in epoch milliseconds. */
  asOfMs: string;
}

const DESCRIBE: Partial<Record<IrExpr['op'], string>> = {
  detect: 'a text detector',
  quant: 'any/all/count over a list',
  nonEmpty: 'a list used as a condition',
  index: 'indexing into a list or table',
  matched: 'the matched texts',
  template: 'a message template',
  object: 'a table value',
  listContains: 'a list lookup',
  metric: 'a metric value',
  var: 'a list item',
};

/** A condition, never NULL. */
export function condition(e: IrExpr, s: ExprScope): string {
  const { d } = s;
  switch (e.op) {
    case 'and':
      return `(${condition(e.left, s)} AND ${condition(e.right, s)})`;
    case 'or':
      return `(${condition(e.left, s)} OR ${condition(e.right, s)})`;
    case 'not':
      return `(NOT ${condition(e.operand, s)})`;
    case 'cmp':
      return comparison(e, s);
    case 'in':
      return membership(e, s);
    case 'strop': {
      const h = d.lower(value(e.left, s));
      const n = d.lower(value(e.right, s));
      if (e.strop === 'contains') return definitely(d, `${d.position(h, n)} > 0`);
      const len = d.length(n);
      return definitely(d, `${e.strop === 'startsWith' ? d.left(h, len) : d.right(h, len)} = ${n}`);
    }
    case 'matches': {
      const rx = s.policy.regexes[e.regex];
      if (!d.re2 || rx.flags) throw new NotPushable(`the regular expression match 'matches "${rx.source}"' (${d.name} does not run RE2 patterns)`);
      return definitely(d, d.matches(value(e.subject, s), rx.source));
    }
    case 'call':
      if (e.fn === 'exists') return `(${value(e.args[0], s)} IS NOT NULL)`;
      if (e.fn === 'empty') {
        const k = e.args[0].type.k;
        if (k !== 'string' && k !== 'text' && k !== 'enum') {
          if (k === 'list' || k === 'map') throw new NotPushable('empty() of a list or table');
          return `(${value(e.args[0], s)} IS NULL)`;
        }
        const v = value(e.args[0], s);
        return `(${v} IS NULL OR ${d.trim(v)} = '')`;
      }
      return definitely(d, value(e, s));
    default:
      return definitely(d, value(e, s));
  }
}

function comparison(e: Extract<IrExpr, { op: 'cmp' }>, s: ExprScope): string {
  const { d } = s;
  const l = value(e.left, s);
  const r = value(e.right, s);
  const isNull = (x: IrExpr) => x.op === 'lit' && x.value === null;
  if (e.cmp === '==' || e.cmp === '!=') {
    // `x == null` and `x != null` test presence; any other comparison with a missing value is false.
    const other = isNull(e.left) ? r : isNull(e.right) ? l : null;
    if (other !== null) return `(${other} ${e.cmp === '==' ? 'IS NULL' : 'IS NOT NULL'})`;
    return definitely(d, `${l} ${e.cmp === '==' ? '=' : '<>'} ${r}`);
  }
  return definitely(d, `${l} ${e.cmp} ${r}`);
}

function membership(e: Extract<IrExpr, { op: 'in' }>, s: ExprScope): string {
  const { d } = s;
  const item = value(e.item, s);
  const k = e.collection.type.k;
  let test: string;
  if (k === 'list') {
    const items = listItems(e.collection, s);
    const present = items.filter((x) => x !== null);
    const inList = present.length > 0 ? definitely(d, `${item} IN (${present.map((x) => scalar(x, s)).join(', ')})`) : d.bool(false);
    test = items.includes(null) ? `(${item} IS NULL OR ${inList})` : inList;
  } else if (k === 'string' || k === 'text') {
    test = definitely(d, `${d.position(d.lower(value(e.collection, s)), d.lower(item))} > 0`);
  } else throw new NotPushable(`'in' over a ${k}`);
  return e.negated ? `(NOT ${test})` : test;
}

/** The literal items of a list constant or list literal. */
function listItems(e: IrExpr, s: ExprScope): Array<string | number | boolean | null> {
  const raw = e.op === 'const' ? s.policy.constants[e.index] : e.op === 'lit' ? e.value : e.op === 'list' ? e.items.map((i) => (i.op === 'lit' ? i.value : undefined)) : undefined;
  if (!Array.isArray(raw) || raw.some((x) => x !== null && typeof x === 'object')) throw new NotPushable('a list that is not a list of plain values');
  return raw as Array<string | number | boolean | null>;
}

function scalar(v: string | number | boolean | null, s: ExprScope): string {
  if (v === null) return 'NULL';
  if (typeof v === 'string') return s.d.str(v);
  if (typeof v === 'boolean') return s.d.bool(v);
  return numberLiteral(v);
}

const BOOLEAN_OPS = new Set(['and', 'or', 'not', 'cmp', 'in', 'strop', 'matches']);

/** A value (NULL when missing). Conditions used as values are two-valued booleans. */
export function value(e: IrExpr, s: ExprScope): string {
  const { d } = s;
  if (BOOLEAN_OPS.has(e.op)) return condition(e, s);
  switch (e.op) {
    case 'lit':
      if (Array.isArray(e.value) || (e.value !== null && typeof e.value === 'object')) throw new NotPushable('a list or table literal');
      return scalar(e.value as string | number | boolean | null, s);
    case 'const': {
      const v = s.policy.constants[e.index];
      if (Array.isArray(v) || (v !== null && typeof v === 'object')) throw new NotPushable(`the constant '${e.name}' (a list or table) outside 'in'`);
      return scalar(v, s);
    }
    case 'field': {
      if (e.object.op !== 'root') throw new NotPushable('a field of a nested record');
      const column = s.fieldColumn(e.name);
      if (column === undefined) throw new NotPushable(`the field '${e.name}'`);
      return column;
    }
    case 'cond':
      return `CASE WHEN ${condition(e.test, s)} THEN ${value(e.then, s)} ELSE ${value(e.else, s)} END`;
    case 'neg':
      return `(-${value(e.operand, s)})`;
    case 'arith': {
      const l = value(e.left, s);
      const r = value(e.right, s);
      if (e.arith === '/') return `(${d.toDouble(l)} / nullif(${r}, 0))`;
      return `(${l} ${e.arith} ${r})`;
    }
    case 'concat':
      if (e.type.k === 'list') throw new NotPushable('joining lists');
      return d.concat(`coalesce(${value(e.left, s)}, '')`, `coalesce(${value(e.right, s)}, '')`);
    case 'call':
      return call(e, s);
    case 'root':
      throw new NotPushable('the whole record as a value');
    default:
      throw new NotPushable(DESCRIBE[e.op] ?? e.op);
  }
}

function call(e: Extract<IrExpr, { op: 'call' }>, s: ExprScope): string {
  const { d } = s;
  const arg = (i: number) => value(e.args[i], s);
  switch (e.fn) {
    case 'lower':
      return d.lower(arg(0));
    case 'upper':
      return d.upper(arg(0));
    case 'trim':
      return d.trim(arg(0));
    case 'length':
      if (e.args[0].type.k !== 'string' && e.args[0].type.k !== 'text') throw new NotPushable('length() of a list or table');
      return `coalesce(${d.length(arg(0))}, 0)`;
    case 'abs':
      return `abs(${arg(0)})`;
    case 'round': {
      const digits = e.args[1];
      const places = digits === undefined ? 0 : digits.op === 'lit' && typeof digits.value === 'number' ? digits.value : undefined;
      if (places === undefined) throw new NotPushable('round() to a number of places that is not written in the policy');
      const f = 10 ** places;
      // Math.round: halves go up (towards +infinity), unlike SQL's round().
      return `(floor(${arg(0)} * ${f} + 0.5) / ${f})`;
    }
    case 'days':
      return `(${arg(0)} / 86400000.0)`;
    case 'hours':
      return `(${arg(0)} / 3600000.0)`;
    case 'dateOf':
      return dayFloor(arg(0));
    case 'today':
      return s.asOfMs;
    case 'exists':
    case 'empty':
      return condition(e, s);
    default:
      throw new NotPushable(`the function ${e.fn}()`);
  }
}
