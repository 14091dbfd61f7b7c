/**
 * An interpreter over the IR, used only to explain: it evaluates a rule the
 * way the generated code does and records the value of every condition, so a
 * person can see why a rule fired or did not. A differential test keeps it in
 * agreement with the generated evaluator.
 */
import { FUNCTIONS } from '../compile/builtins.js';
import type { IrExpr } from '../compile/ir.js';
import { showKind, staticPath } from '../compile/ir-walk.js';
import * as rt from '../runtime/index.js';
import type { Witnesses } from '../runtime/witnesses.js';
import type { EvalContext, TraceNode } from '../types.js';

export type { TraceNode };

export interface Env {
  record: unknown;
  /** The run's context: as-of day and speller, as the generated code gets it. */
  ctx: EvalContext;
  vars: Map<number, { value: unknown; path: string | null }>;
  w: Witnesses;
  tables: { constants: unknown[]; phrases: rt.PhraseMatcher[]; regexes: rt.UserRegex[] };
  /** Collect a trace (explain) or not (plain evaluation). */
  trace: TraceNode[] | null;
}

const isNullLiteral = (e: IrExpr) => e.op === 'lit' && e.value === null;
const CMP = { '==': rt.equal, '!=': rt.ne, '<': rt.lt, '<=': rt.le, '>': rt.gt, '>=': rt.ge } as const;
const ARITH = { '+': rt.add, '-': rt.sub, '*': rt.mul, '/': rt.div } as const;

/** Evaluate an expression; when tracing, record a node for it under `env.trace`. */
export function evaluate(e: IrExpr, env: Env): unknown {
  if (!env.trace || !traced(e)) return compute(e, env);
  const children: TraceNode[] = [];
  const value = compute(e, { ...env, trace: children });
  const node: TraceNode = { span: e.span, value: rt.show(value, showKind(e.type) as rt.ShowKind), children };
  if (e.type.k === 'boolean') node.held = value === true;
  env.trace.push(node);
  return value;
}

/** Literals and plain references add nothing to an explanation. */
function traced(e: IrExpr): boolean {
  return e.op !== 'lit' && e.op !== 'root' && e.op !== 'const' && e.op !== 'var' && e.op !== 'template';
}

export function pathOf(e: IrExpr, env: Env): string | null {
  const fixed = staticPath(e);
  if (fixed !== undefined) return fixed;
  if (e.op === 'var') return env.vars.get(e.id)?.path ?? null;
  if (e.op === 'field') {
    const base = pathOf(e.object, env);
    return base === null ? null : `${base}.${e.name}`;
  }
  if (e.op === 'index') {
    const base = pathOf(e.object, env);
    if (base === null) return null;
    const key = compute(e.index, { ...env, trace: null });
    return e.object.type.k === 'map' ? `${base}.${String(key)}` : `${base}[${String(key)}]`;
  }
  return null;
}

/** Where the items of a list live (see the emitter's collectionPath). */
export function collectionPath(e: IrExpr, env: Env): { base: string | null; keyed: boolean } {
  if (e.op === 'call' && e.fn === 'keys') return { base: pathOf(e.args[0], env), keyed: true };
  return { base: pathOf(e, env), keyed: false };
}

function compute(e: IrExpr, env: Env): unknown {
  const ev = (x: IrExpr) => evaluate(x, env);
  switch (e.op) {
    case 'lit':
      return e.value;
    case 'root':
      return env.record;
    case 'var':
      return env.vars.get(e.id)?.value ?? null;
    case 'const':
      return env.tables.constants[e.index];
    case 'metric':
      return null; // metrics exist only for the whole input; explain works on one record
    case 'field': {
      const object = ev(e.object) as Record<string, unknown> | null;
      if (e.object.type.k === 'map') return rt.at(object, e.name);
      return object == null ? null : (object[e.name] ?? null);
    }
    case 'index':
      return rt.at(ev(e.object), ev(e.index));
    case 'call': {
      const args = e.args.map(ev);
      if (e.fn === 'count') {
        const { base, keyed } = collectionPath(e.args[0], env);
        return rt.countAll(args[0] as unknown[], env.w, base, keyed);
      }
      // The table's implementation: the same function the generated code calls as rt.<name>.
      const fn = FUNCTIONS[e.fn].run as (...a: unknown[]) => unknown;
      return FUNCTIONS[e.fn].usesContext ? fn(env.ctx, ...args) : fn(...args);
    }
    case 'detect': {
      const text = ev(e.arg) as string | null;
      const path = pathOf(e.arg, env) ?? '';
      if (e.phrases !== undefined) return rt.phrases(env.tables.phrases[e.phrases], text, path);
      if (e.regex !== undefined) return rt.find(env.tables.regexes[e.regex], text, path);
      return rt.detect(e.detector, text, path, env.ctx);
    }
    case 'cond':
      return ev(e.test) ? ev(e.then) : ev(e.else);
    case 'not':
      return !ev(e.operand);
    case 'neg':
      return rt.neg(ev(e.operand) as number | null);
    case 'and':
      return Boolean(ev(e.left)) && Boolean(ev(e.right));
    case 'or':
      return Boolean(ev(e.left)) || Boolean(ev(e.right));
    case 'cmp':
      // `x == null` / `x != null` test presence, as in generated code; other comparisons with a missing value are false.
      if ((e.cmp === '==' || e.cmp === '!=') && (isNullLiteral(e.left) || isNullLiteral(e.right))) {
        const present = (isNullLiteral(e.left) ? ev(e.right) : ev(e.left)) != null;
        return e.cmp === '==' ? !present : present;
      }
      return CMP[e.cmp](ev(e.left) as never, ev(e.right) as never);
    case 'arith':
      return ARITH[e.arith](ev(e.left) as number | null, ev(e.right) as number | null);
    case 'concat':
      if (e.type.k === 'list') return rt.concatLists(ev(e.left) as unknown[] | null, ev(e.right) as unknown[] | null);
      return rt.concat(ev(e.left) as string | null, ev(e.right) as string | null);
    case 'in': {
      const item = ev(e.item);
      const coll = ev(e.collection);
      const k = e.collection.type.k;
      const found =
        k === 'map' ? rt.hasKey(coll as Record<string, unknown>, item as string) : k === 'list' ? rt.inList(item, coll as unknown[]) : rt.contains(coll as string, item as string);
      return e.negated ? !found : found;
    }
    case 'strop':
      return rt[e.strop](ev(e.left) as string | null, ev(e.right) as string | null);
    case 'listContains':
      return rt.listContains(ev(e.list) as unknown[], ev(e.item));
    case 'matches':
      return env.tables.regexes[e.regex].test(ev(e.subject) as string | null);
    case 'quant': {
      const list = ev(e.collection) as unknown[] | null;
      const { base, keyed } = collectionPath(e.collection, env);
      const body = (value: unknown, path: string | null) => {
        const vars = new Map(env.vars);
        vars.set(e.varId, { value, path });
        return Boolean(evaluate(e.body, { ...env, vars }));
      };
      if (e.q === 'any') return rt.any(list, base, body, env.w, keyed);
      if (e.q === 'all') return rt.all(list, base, body, env.w, keyed);
      return rt.countWhere(list, base, body, env.w, keyed);
    }
    case 'nonEmpty': {
      const { base, keyed } = collectionPath(e.list, env);
      return rt.nonEmpty(ev(e.list) as unknown[], env.w, base, keyed);
    }
    case 'list':
      return e.items.map(ev);
    case 'object':
      return Object.fromEntries(e.entries.map((en) => [en.key, ev(en.value)]));
    case 'matched':
      return rt.matched(env.w);
    case 'template':
      return e.parts
        .map((p) => (typeof p === 'string' ? p : p.op === 'matched' ? rt.matched(env.w) : rt.show(ev(p), showKind(p.type) as rt.ShowKind)))
        .join('');
  }
}
