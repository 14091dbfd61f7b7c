/**
 * `let`: a named value or condition, checked once and used by name in rules,
 * metrics and other lets. Expected outcomes follow from the policy text.
 */
import { describe, expect, it } from 'vitest';
import { checkRecordsSync, compile, evalContext } from '../src/index.js';

const HEADER = `policy orders "Orders" source "tests"
record Order {
  orderId: string
  channel: string
  cancelledBy: string = ""
  body: text = ""
  total: number = 0
}
const channels = ["mfn", "merchant"]
`;

function compiled(rest: string) {
  const result = compile(HEADER + rest);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  return { ...result, errors };
}

function firing(rest: string, raw: Record<string, unknown>): string[] {
  const { policy, errors } = compiled(rest);
  if (!policy) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join('\n'));
  const decoded = policy.decode({ orderId: '1', ...raw });
  if (!decoded.ok) throw new Error(JSON.stringify(decoded.problems));
  const fromCode = policy.evaluate(decoded.value, evalContext()).map((v) => v.rule);
  // The interpreter behind `explain` must agree with the generated code.
  const fromInterpreter = policy.explain(decoded.value, evalContext()).flatMap((e) => e.violations.map((v) => v.rule));
  expect(fromInterpreter).toEqual(fromCode);
  return fromCode;
}

describe('let', () => {
  const rules = `
let sellerFulfilled = lower(trim(channel)) in channels
let cancelledBySeller = sellerFulfilled and lower(cancelledBy) == "seller"

rule seller-cancelled warning "Order {orderId} was cancelled by the seller ({sellerFulfilled})" {
  forbid cancelledBySeller
}
rule big-seller-order info "Big order shipped by the seller" {
  when sellerFulfilled
  forbid total > 100
}
`;

  it('is read by name in conditions, in other lets and in messages', () => {
    expect(firing(rules, { channel: ' MFN ', cancelledBy: 'Seller', total: 500 })).toEqual(['orders/seller-cancelled', 'orders/big-seller-order']);
    expect(firing(rules, { channel: 'AFN', cancelledBy: 'seller', total: 500 })).toEqual([]);
    expect(firing(rules, { channel: 'merchant', cancelledBy: 'buyer', total: 50 })).toEqual([]);
    const { policy } = compiled(rules);
    const decoded = policy!.decode({ orderId: '7', channel: 'mfn', cancelledBy: 'seller' });
    expect(decoded.ok && policy!.evaluate(decoded.value, evalContext())[0].message).toBe('Order 7 was cancelled by the seller (yes)');
  });

  it('is counted by metrics, once per record', () => {
    const { policy } = compiled(`
let sellerFulfilled = lower(trim(channel)) in channels
metric seller-cancel-rate "Seller cancel rate" {
  rate lower(cancelledBy) == "seller"
  where sellerFulfilled
}
`);
    const rows = [
      { channel: 'mfn', cancelledBy: 'seller' },
      { channel: 'Merchant', cancelledBy: '' },
      { channel: 'mfn', cancelledBy: 'buyer' },
      { channel: 'afn', cancelledBy: 'seller' },
    ];
    const report = checkRecordsSync(policy!, rows.map((r, index) => ({ index, raw: { orderId: String(index), ...r } })), evalContext());
    // Three seller-fulfilled orders, one of them cancelled by the seller.
    expect(report.metrics?.['seller-cancel-rate']).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('reports a mistake inside a let once, at the let, however often it is used', () => {
    const { errors } = compiled(`
let wrong = total + body
rule a "A" { forbid wrong > 1 }
rule b "B" { forbid wrong > 2 }
`);
    expect(errors).toHaveLength(1);
    expect(errors[0].code).toBe('SG3002');
    expect(HEADER.length).toBeLessThan(errors[0].span.start);
  });

  it('reports a let defined in terms of itself', () => {
    const { errors } = compiled(`
let a = b and total > 1
let b = not a
rule r "R" { forbid a }
`);
    expect(errors.map((d) => [d.code, d.message])).toEqual([['SG2018', '`a` is defined in terms of itself']]);
  });

  it('is declared once: a let named like a constant or another let is an error', () => {
    const { errors } = compiled('let channels = 1\nlet x = 1\nlet x = 2\nrule r "R" { forbid x > 1 and "mfn" in channels }\n');
    expect(errors.map((d) => [d.code, d.message])).toEqual([
      ['SG2002', '`channels` is declared twice'],
      ['SG2002', '`x` is declared twice'],
    ]);
  });

  it('suggests a let for a misspelt name', () => {
    const { errors } = compiled('let sellerFulfilled = channel == "mfn"\nrule r "R" { forbid sellerFulfiled }\n');
    expect(errors[0].code).toBe('SG2001');
    expect(errors[0].help).toContain('sellerFulfilled');
  });

  it('reading fields, it cannot be mixed into a rule about a metric', () => {
    const { errors } = compiled(`
let sellerFulfilled = channel == "mfn"
metric orders "Orders" { count }
rule too-many "Too many" { forbid orders > 10 and sellerFulfilled }
`);
    expect(errors.map((d) => d.code)).toEqual(['SG3022']);
  });
});
