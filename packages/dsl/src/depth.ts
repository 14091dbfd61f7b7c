/**
 * A limit on how deeply a policy's syntax tree may nest. Every later stage
 * (name resolution, type checking, code generation, the interpreter, the
 * formatter) walks expressions recursively, so a flat chain of thousands of
 * `and` or `+` terms would overflow the call stack somewhere down the line.
 * The tree is measured here once, without recursion, and a part nested too
 * deeply is reported and replaced by an error node that later stages skip.
 */
import type { Span } from './ast.js';
import { expressionTooDeepError } from './syntax-messages.js';
import type { Diagnostic } from './diagnostics.js';

/** Levels of nesting allowed: far beyond any real policy (a rule with 450 `and` terms still fits). */
export const MAX_NESTING = 500;

/** The kinds of expression nodes: a part nested too deeply takes its whole expression with it. */
const EXPRESSION_KINDS = new Set(['Number', 'Percent', 'Duration', 'Date', 'String', 'Template', 'Bool', 'Null', 'List', 'Object', 'Entry', 'Ident', 'Member', 'Index', 'Call', 'Unary', 'Binary', 'Quantifier', 'Conditional', 'Paren', 'Error']);

/** Where a node hangs, so that it can be replaced. */
interface Place {
  node: Record<string, unknown> & { span?: Span };
  holder: Record<string | number, unknown>;
  key: string | number;
}

interface Visit {
  node: Record<string, unknown>;
  depth: number;
  place?: Place;
  /** The outermost expression this node is part of. */
  expression?: Place;
}

function isNode(value: unknown): value is Record<string, unknown> & { kind: string; span: Span } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { kind?: unknown }).kind === 'string';
}

/**
 * Replace every expression that nests deeper than MAX_NESTING by an error
 * node over the same text, and return one diagnostic for each. `root` is
 * changed in place.
 */
export function limitNesting(root: object): Diagnostic[] {
  // Nearly every policy nests far less: one quick measure spares the bookkeeping below.
  if (!nestsDeeperThan(root, MAX_NESTING)) return [];
  const diagnostics: Diagnostic[] = [];
  const replaced = new Set<Place>();
  const stack: Visit[] = [{ node: root as Record<string, unknown>, depth: 0 }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { node, depth } = visit;
    const expression = visit.expression ?? (isNode(node) && EXPRESSION_KINDS.has(node.kind) ? visit.place : undefined);
    if (depth > MAX_NESTING && expression !== undefined) {
      if (replaced.has(expression)) continue;
      replaced.add(expression);
      const span = expression.node.span ?? { start: 0, end: 0 };
      expression.holder[expression.key] = { kind: 'Error', span };
      diagnostics.push(expressionTooDeepError(span, MAX_NESTING));
      continue;
    }
    const push = (child: unknown, holder: Record<string | number, unknown>, key: string | number) => {
      if (typeof child !== 'object' || child === null) return;
      const next = child as Record<string, unknown>;
      stack.push({ node: next, depth: isNode(child) ? depth + 1 : depth, place: { node: next, holder, key }, ...(expression ? { expression } : {}) });
    };
    for (const [k, child] of Object.entries(node)) {
      if (k === 'span') continue;
      if (Array.isArray(child)) child.forEach((item, i) => push(item, child as unknown as Record<number, unknown>, i));
      else push(child, node, k);
    }
  }
  return diagnostics;
}

/**
 * Whether any node lies more than `limit` nodes below `root`, counted as
 * limitNesting() counts them (objects without a `kind` and arrays add no level).
 * No allocation per node: this runs on every parse.
 */
function nestsDeeperThan(root: object, limit: number): boolean {
  const pending: object[] = [root];
  const depths: number[] = [0];
  while (pending.length > 0) {
    const node = pending.pop() as Record<string, unknown>;
    const depth = depths.pop()!;
    if (depth > limit) return true;
    for (const key in node) {
      if (key === 'span') continue;
      const child = node[key];
      if (typeof child !== 'object' || child === null) continue;
      if (Array.isArray(child)) {
        for (const item of child) {
          if (typeof item !== 'object' || item === null) continue;
          pending.push(item as object);
          depths.push(isNode(item) ? depth + 1 : depth);
        }
      } else {
        pending.push(child);
        depths.push(isNode(child) ? depth + 1 : depth);
      }
    }
  }
  return false;
}
