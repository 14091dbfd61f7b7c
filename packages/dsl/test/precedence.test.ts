/**
 * Operators that share a grammar level ('and' with 'or'; '+', '-' with '*', '/') are grouped by
 * precedence when the syntax tree is built. Random chains of operators are parsed and compared
 * with an independent reading: precedence climbing over the same operands and operators.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr } from '../src/ast.js';
import { parseExpression } from '../src/index.js';

/** Binding strength, loosest first; every level groups from the left (comparisons are read that way too, and reported). */
const PRECEDENCE: Record<string, number> = { or: 1, and: 2, '==': 3, '<': 3, '+': 4, '-': 4, '*': 5, '/': 5 };
const OPERATORS = Object.keys(PRECEDENCE);
const OPERANDS = ['a', 'b', 'n', '1', '2.5', 'x.y', 'f(a)', '-a', '(a or b)'];

/** The expected grouping, fully parenthesised: precedence climbing, written here without the parser. */
function reference(operands: string[], ops: string[]): string {
  let pos = 0;
  const primary = (): string => shown(operands[pos]);
  const climb = (minPrec: number): string => {
    let left = primary();
    while (pos < ops.length && PRECEDENCE[ops[pos]] >= minPrec) {
      const op = ops[pos];
      pos++;
      let right = primary();
      while (pos < ops.length && PRECEDENCE[ops[pos]] > PRECEDENCE[op]) right = climbFrom(right, PRECEDENCE[op] + 1);
      left = `(${left} ${op} ${right})`;
    }
    return left;
  };
  // Continue a right operand that binds tighter than the operator before it.
  const climbFrom = (left: string, minPrec: number): string => {
    let acc = left;
    while (pos < ops.length && PRECEDENCE[ops[pos]] >= minPrec) {
      const op = ops[pos];
      pos++;
      let right = primary();
      while (pos < ops.length && PRECEDENCE[ops[pos]] > PRECEDENCE[op]) right = climbFrom(right, PRECEDENCE[op] + 1);
      acc = `(${acc} ${op} ${right})`;
    }
    return acc;
  };
  return climb(1);
}

/** How an operand reads once parsed (the reference's spelling of it). */
function shown(operand: string): string {
  if (operand === '-a') return '(-a)';
  if (operand === '(a or b)') return '(a or b)';
  return operand;
}

/** The parsed tree, fully parenthesised; parentheses written in the source are not shown. */
function grouping(e: Expr): string {
  switch (e.kind) {
    case 'Binary':
      return `(${grouping(e.left)} ${e.op} ${grouping(e.right)})`;
    case 'Unary':
      return `(${e.op}${grouping(e.operand)})`;
    case 'Paren':
      return grouping(e.expr);
    case 'Ident':
      return e.name;
    case 'Number':
      return e.raw;
    case 'Member':
      return `${grouping(e.object)}.${e.property.text}`;
    case 'Call':
      return `${e.callee.text}(${e.args.map(grouping).join(', ')})`;
    default:
      return `<${e.kind}>`;
  }
}

const chains = fc
  .array(fc.tuple(fc.constantFrom(...OPERATORS), fc.constantFrom(...OPERANDS)), { maxLength: 8 })
  .chain((rest) => fc.constantFrom(...OPERANDS).map((first) => ({ operands: [first, ...rest.map(([, o]) => o)], ops: rest.map(([op]) => op) })));

describe('operator precedence', () => {
  it('groups every chain of operators as precedence climbing does', () => {
    fc.assert(
      fc.property(chains, ({ operands, ops }) => {
        const text = operands.map((o, i) => (i === 0 ? o : `${ops[i - 1]} ${o}`)).join(' ');
        const { expr } = parseExpression(text);
        expect(grouping(expr)).toBe(reference(operands, ops));
      }),
      { numRuns: 500 },
    );
  });

  it('reads the usual cases as written in arithmetic and logic', () => {
    const read = (text: string) => grouping(parseExpression(text).expr);
    expect(read('a or b and c')).toBe('(a or (b and c))');
    expect(read('a and b or c and d')).toBe('((a and b) or (c and d))');
    expect(read('1 + 2 * 3 - 4 / 2')).toBe('((1 + (2 * 3)) - (4 / 2))');
    expect(read('a - b - c')).toBe('((a - b) - c)');
    expect(read('a * b + c < 2 and n == 1 or b')).toBe('(((((a * b) + c) < 2) and (n == 1)) or b)');
  });
});
