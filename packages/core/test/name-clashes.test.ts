/** A rule named like a metric it does not check, and names that hide other names. */
import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.js';

const HEADER = `policy orders "Orders" source "tests"
record Order {
  orderId: string
  purchaseDate: date
  channel: string
  items: list<string> = []
}
`;

const found = (rest: string) => compile(HEADER + rest).diagnostics.map((d) => [d.code, d.severity, d.message]);

describe('name clashes', () => {
  it('accepts a rule that sets the target of the metric with its name', () => {
    expect(found('metric orders "Orders" { count }\nrule orders "Too many orders: {orders}" { require orders < 100 }\n')).toEqual([]);
  });

  it('rejects a rule named like a metric that it does not check', () => {
    expect(found('metric orders "Orders" { count }\nrule orders "No channel" { forbid channel == "" }\n')).toEqual([
      ['SG2019', 'error', 'the rule `orders` has the name of a metric but does not check that metric'],
    ]);
  });

  it('warns when a field hides a let, and when a field, let or constant hides a metric', () => {
    expect(found('let channel = 1\nconst total = 2\nlet busy = true\nmetric orderId "A" { count }\nmetric busy "B" { count }\nmetric total "C" { count }\n')).toEqual([
      ['SG2020', 'warning', 'the field `channel` of `Order` hides the let `channel`: rules and metrics read the field `channel` instead'],
      ['SG2020', 'warning', 'the field `orderId` of `Order` hides the metric `orderId`: rules and metrics read the field `orderId` instead'],
      ['SG2020', 'warning', 'the let `busy` hides the metric `busy`: rules and metrics read the let `busy` instead'],
      ['SG2020', 'warning', 'the constant `total` hides the metric `total`: rules and metrics read the constant `total` instead'],
    ]);
  });

  it('warns when a quantifier or each variable hides a field', () => {
    expect(found('rule r "R" {\n  each channel in items\n  forbid any orderId in items: orderId == ""\n}\n')).toEqual([
      ['SG2020', 'warning', 'the variable `channel` hides the field `channel` of `Order` in this condition'],
      ['SG2020', 'warning', 'the variable `orderId` hides the field `orderId` of `Order` in this condition'],
    ]);
  });

  it('says nothing about variables with names of their own', () => {
    expect(found('rule r "R" {\n  each item in items\n  forbid any i in items: i == item\n}\n')).toEqual([]);
  });
});
