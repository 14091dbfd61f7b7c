/**
 * Each stage of the checker, run alone on a small policy: what it builds and
 * what it reports. Expected values are written out by hand from the policy text.
 */
import { parse } from '@sellguard/dsl';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/compile/check.js';
import { checkConstants } from '../../src/compile/checker/constants.js';
import { checkerContext, envFactory, type CheckerContext } from '../../src/compile/checker/context.js';
import { checkExamples } from '../../src/compile/checker/examples.js';
import { checkLets, withLets } from '../../src/compile/checker/lets.js';
import { checkMetrics } from '../../src/compile/checker/metrics.js';
import { reportNameClashes } from '../../src/compile/checker/name-clashes.js';
import { checkRecords } from '../../src/compile/checker/records.js';
import { checkRules } from '../../src/compile/checker/rules.js';
import { checkTypes } from '../../src/compile/checker/types.js';
import { resolve } from '../../src/compile/resolve.js';

function contextOf(source: string): CheckerContext {
  const { ast } = parse(source);
  return checkerContext(resolve(ast, {}).resolved, source);
}

/** Run the stages up to records, the common ground of the later ones. */
function upToRecords(cx: CheckerContext) {
  const types = checkTypes(cx);
  const constants = checkConstants(cx, types);
  const envFor = envFactory(cx, types, () => constants);
  return { types, constants, envFor, ...checkRecords(cx, types, envFor) };
}

const codes = (cx: CheckerContext) => cx.diagnostics.map((d) => d.code);

/** Freeze a value and everything in it, so a stage that changed it would throw. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const HEADER = 'policy shop "Shop"\n  input Order\n';

describe('types stage', () => {
  it('reads field types, makes optional fields nullable, and reports unknown types and repeated fields', () => {
    const cx = contextOf(`${HEADER}record Order {\n  id: string\n  note: text?\n  qty: integr\n  id: string\n}\n`);
    const { recordTypes } = checkTypes(cx);
    const fields = recordTypes.get('Order')!;
    expect([...fields.keys()]).toEqual(['id', 'note', 'qty']);
    expect(fields.get('note')).toEqual({ k: 'text', nullable: true });
    expect(fields.get('qty')).toEqual({ k: 'unknown' });
    expect(codes(cx)).toEqual(['SG2003', 'SG2013']);
    expect(cx.diagnostics[0].help).toBe('did you mean `integer`?');
  });

  it('reports a record that contains itself', () => {
    const cx = contextOf(`${HEADER}record Order {\n  parent: Order\n}\n`);
    checkTypes(cx);
    expect(cx.diagnostics.map((d) => [d.code, d.message])).toEqual([['SG3020', 'the record `Order` contains itself']]);
  });
});

describe('constants stage', () => {
  it('folds every constant of the file into the table, used or not, and reports one defined by itself', () => {
    const cx = contextOf(`${HEADER}record Order { id: string }\nconst limits = [1, 2]\nconst loop = loop\n`);
    const table = checkConstants(cx, checkTypes(cx));
    expect(cx.tables.constants).toEqual([[1, 2]]);
    expect(table.constant(cx.resolved.scope, 'limits')).toEqual({ index: 0, type: { k: 'list', element: { k: 'integer' } } });
    // The cycle is reported where it closes; the constant that fails then has no written-out value either.
    expect(cx.diagnostics.map((d) => d.message)).toEqual(['the constant `loop` is defined in terms of itself', 'the value of `loop` must be written out, not computed']);
  });
});

describe('records stage', () => {
  it('puts the input record first and checks defaults against their field', () => {
    const cx = contextOf(`${HEADER}record Order {\n  id: string\n  qty: integer = "one"\n}\nrecord Item { sku: string }\n`);
    const { records, inputRecord, inputFields } = upToRecords(cx);
    expect(inputRecord).toBe('Order');
    expect(records.map((r) => r.name)).toEqual(['Order', 'Item']);
    expect([...inputFields.keys()]).toEqual(['id', 'qty']);
    expect(cx.diagnostics.map((d) => [d.code, d.message])).toEqual([['SG3009', 'the default of `qty` is string, but the field is integer']]);
  });
});

describe('lets stage', () => {
  it('checks each let once, reports one defined by itself, and rules read a let as its value', () => {
    const source = `${HEADER}record Order {\n  late: boolean\n  sku: string\n}\nlet lateOne = late and sku == "A"\nlet loop = not loop\nrule r error "m" {\n  forbid lateOne\n}\n`;
    const cx = contextOf(source);
    const { envFor, inputFields } = upToRecords(cx);
    const lets = checkLets(cx, envFor, inputFields);
    expect(lets.names).toEqual(['lateOne', 'loop']);
    expect(cx.diagnostics.map((d) => [d.code, d.message])).toEqual([['SG2018', '`loop` is defined in terms of itself']]);
    const [rule] = checkRules(cx, withLets(envFor, lets), inputFields, []);
    const condition = rule.clauses[0].condition;
    // The rule's condition is the let's expression itself: `late and sku == "A"`.
    expect([condition.op, condition.type.k]).toEqual(['and', 'boolean']);
  });
});

describe('names stage', () => {
  it('reports a rule named like a metric it does not check, and a constant hidden by a field', () => {
    const source = `${HEADER}record Order {\n  late: boolean\n  limit: number\n}\nconst limit = 3\nmetric late-rate "Late" {\n  rate late\n}\nrule late-rate error "m" {\n  forbid late\n}\n`;
    const cx = contextOf(source);
    const { envFor, inputFields, inputRecord } = upToRecords(cx);
    const lets = checkLets(cx, envFor, inputFields);
    const metrics = checkMetrics(cx, withLets(envFor, lets), inputFields);
    const rules = checkRules(cx, withLets(envFor, lets), inputFields, metrics);
    const before = cx.diagnostics.length;
    const { ast, scope, rules: ruleDecls, metrics: metricDecls } = cx.resolved;
    reportNameClashes({ ast, scope, inputRecord, inputFields, lets, rules, ruleDecls, metricDecls, diagnostics: cx.diagnostics });
    expect(cx.diagnostics.slice(before).map((d) => [d.code, d.severity, d.message])).toEqual([
      ['SG2019', 'error', 'the rule `late-rate` has the name of a metric but does not check that metric'],
      ['SG2020', 'warning', 'the field `limit` of `Order` hides the constant `limit`: rules and metrics read the field `limit` instead'],
    ]);
  });
});

describe('metrics stage', () => {
  it('reads the aggregate, the window in days and the groups', () => {
    const source = `${HEADER}record Order {\n  placed: date\n  late: boolean\n  sku: string\n}\nmetric late-rate "Late" {\n  rate late\n  over 2 weeks by placed\n  group by sku\n}\nmetric nothing "Nothing" {\n  where late\n}\n`;
    const cx = contextOf(source);
    const { envFor, inputFields } = upToRecords(cx);
    const [late, nothing] = checkMetrics(cx, envFor, inputFields);
    expect([late.kind, late.window?.days, late.window?.byText, late.groupBy.map((g) => g.text), late.type.k]).toEqual(['rate', 14, 'placed', ['sku'], 'percent']);
    expect(nothing.kind).toBe('count');
    expect(cx.diagnostics.map((d) => d.message)).toEqual(['the metric `nothing` does not say what it measures']);
  });
});

describe('rules stage', () => {
  const source = `${HEADER}record Order {\n  id: string\n  body: text\n}\nmetric orders "Orders" {\n  count\n}\nrule no-email error "No email" {\n  forbid emails(body)\n  fix remove\n}\nrule few error "Few" {\n  require orders > 10\n}\nrule odd warning "Odd" {\n  require id != ""\n  fix remove\n}\n`;

  it('gives each clause its path, marks rules about metrics, and reports a fix with nothing to act on', () => {
    const cx = contextOf(source);
    const { envFor, inputFields } = upToRecords(cx);
    const metrics = deepFreeze(checkMetrics(cx, envFor, inputFields));
    const rules = checkRules(cx, envFor, inputFields, metrics);
    expect(rules.map((r) => [r.fullId, r.dataset, r.clauses.map((c) => c.path), r.fix?.kind ?? null])).toEqual([
      ['shop/no-email', false, ['body'], 'remove'],
      ['shop/few', true, [''], null],
      ['shop/odd', false, ['id'], 'remove'],
    ]);
    expect(cx.diagnostics.map((d) => [d.code, d.severity])).toEqual([['SG3012', 'warning']]);
  });
});

describe('examples stage', () => {
  it('writes given records out as data and reports unknown rules and fields', () => {
    const source = `${HEADER}record Order {\n  id: string\n  placed: date\n}\nrule r error "R" {\n  require id != ""\n}\nexample "one" {\n  given { id: "1", placed: 2026-11-20, colour: "red" }\n  expect nothing\n  expect not rr\n}\n`;
    const cx = contextOf(source);
    const { records, inputRecord, envFor, inputFields } = upToRecords(cx);
    const rules = deepFreeze(checkRules(cx, envFor, inputFields, []));
    const [example] = checkExamples(cx, deepFreeze({ rules, records, inputRecord, hasMetrics: false }));
    expect(example.given).toEqual({ id: '1', placed: '2026-11-20', colour: 'red' });
    expect(example.nothing).toBe(true);
    expect(cx.diagnostics.map((d) => [d.code, d.message, d.help])).toEqual([
      ['SG2015', 'this policy has no rule `rr`', 'did you mean `r`?'],
      ['SG3015', "Order has no field `colour`; the example's value for it is ignored", 'the fields are `id`, `placed`'],
    ]);
  });
});

describe('check', () => {
  it('runs the stages in order and gives the same IR every time for the same input', () => {
    const source = `${HEADER}record Order {\n  id: string\n}\nconst blocked = ["x"]\nrule r error "R" {\n  forbid id in blocked\n}\n`;
    const { ast } = parse(source);
    const { resolved } = resolve(ast, {});
    const first = check(resolved, source);
    const second = check(resolved, source);
    expect(first.diagnostics).toEqual([]);
    expect(second.ir).toEqual(first.ir);
    expect(first.ir.constants).toEqual([['x']]);
    expect(first.ir.rules[0].clauses[0].condition.op).toBe('in');
  });
});
