/**
 * Workload A: seller performance reports, the four rate rules.
 * Every contender starts from the JSON text of a report, as read from a
 * JSONL file, and ends with the list of violations (rule and path).
 */
import { createRequire } from 'node:module';
import { compile, evalContext } from '@sellguard/core';
import * as rt from '@sellguard/core/runtime';
import { z } from 'zod';
import Ajv from 'ajv';
import { Engine } from 'json-rules-engine';
import { parse as celParse } from '@marcbachmann/cel-js';
import { ratesPolicySource } from './rates-policy.mjs';
import { REPORTS_AS_OF } from '../data/reports.mjs';

const require = createRequire(import.meta.url);

const TARGETS = { odr: 0.01, cancel: 0.025, late: 0.04, tracking: 0.95 };
const ODR = 'account-health/order-defect-rate';
const CANCEL = 'account-health/pre-fulfillment-cancel-rate';
const LATE = 'account-health/late-shipment-rate';
const TRACKING = 'account-health/valid-tracking-rate';

// ------------------------------------------------------------ the floor
/** A percent as a fraction: 0.0137 or "1.37%"; anything else is absent. */
function fraction(v) {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const t = v.trim();
    const n = t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
    return t !== '' && Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}
const rateOf = (metric) => (metric && typeof metric === 'object' ? fraction(metric.rate) : undefined);

/** What a careful engineer writes: parse, coerce the four rates, compare. */
export function floorCheck(doc) {
  const out = [];
  const list = Array.isArray(doc?.performanceMetrics) ? doc.performanceMetrics : [];
  for (let i = 0; i < list.length; i++) {
    const m = list[i];
    if (!m || typeof m !== 'object' || typeof m.marketplaceId !== 'string') continue;
    const p = `performanceMetrics[${i}]`;
    const odr = m.orderDefectRate;
    const mfn = rateOf(odr?.mfn);
    if (mfn !== undefined && mfn >= TARGETS.odr) out.push({ rule: ODR, path: `${p}.orderDefectRate.mfn.rate`, message: `seller-fulfilled order defect rate is ${mfn} in ${m.marketplaceId}` });
    const afn = rateOf(odr?.afn);
    if (afn !== undefined && afn >= TARGETS.odr) out.push({ rule: ODR, path: `${p}.orderDefectRate.afn.rate`, message: `Amazon-fulfilled order defect rate is ${afn} in ${m.marketplaceId}` });
    const cancel = rateOf(m.preFulfillmentCancellationRate ?? m.prefulfillmentCancelRate);
    if (cancel !== undefined && cancel >= TARGETS.cancel) out.push({ rule: CANCEL, path: `${p}.preFulfillmentCancellationRate.rate`, message: `cancellation rate is ${cancel} in ${m.marketplaceId}` });
    const late = rateOf(m.lateShipmentRate);
    if (late !== undefined && late >= TARGETS.late) out.push({ rule: LATE, path: `${p}.lateShipmentRate.rate`, message: `late shipment rate is ${late} in ${m.marketplaceId}` });
    const tracking = rateOf(m.validTrackingRate);
    if (tracking !== undefined && !(tracking > TARGETS.tracking)) out.push({ rule: TRACKING, path: `${p}.validTrackingRate.rate`, message: `valid tracking rate is ${tracking} in ${m.marketplaceId}` });
  }
  return out;
}

// ------------------------------------------------------------ zod + JS
const zRate = z.object({ rate: z.union([z.number(), z.string().transform(fraction)]).optional().nullable() }).passthrough().optional().nullable();
const zReport = z.object({
  performanceMetrics: z
    .array(
      z.object({
        marketplaceId: z.string(),
        orderDefectRate: z.object({ mfn: zRate, afn: zRate }).optional().nullable(),
        preFulfillmentCancellationRate: zRate,
        prefulfillmentCancelRate: zRate,
        lateShipmentRate: zRate,
        validTrackingRate: zRate,
      }),
    )
    .default([]),
});
function zodCheck(doc) {
  const parsed = zReport.safeParse(doc);
  return parsed.success ? floorCheck(parsed.data) : [{ rule: 'invalid', path: '' }];
}

// ------------------------------------------------------------ ajv
const ajvRate = (bound) => ({ type: ['object', 'null'], properties: { rate: { type: ['number', 'null'], ...bound } } });
const ajvSchema = {
  type: 'object',
  properties: {
    performanceMetrics: {
      type: 'array',
      items: {
        type: 'object',
        required: ['marketplaceId'],
        properties: {
          marketplaceId: { type: 'string' },
          orderDefectRate: { type: ['object', 'null'], properties: { mfn: ajvRate({ exclusiveMaximum: TARGETS.odr }), afn: ajvRate({ exclusiveMaximum: TARGETS.odr }) } },
          preFulfillmentCancellationRate: ajvRate({ exclusiveMaximum: TARGETS.cancel }),
          prefulfillmentCancelRate: ajvRate({ exclusiveMaximum: TARGETS.cancel }),
          lateShipmentRate: ajvRate({ exclusiveMaximum: TARGETS.late }),
          validTrackingRate: ajvRate({ exclusiveMinimum: TARGETS.tracking }),
        },
      },
    },
  },
};
const AJV_RULE = { orderDefectRate: ODR, preFulfillmentCancellationRate: CANCEL, prefulfillmentCancelRate: CANCEL, lateShipmentRate: LATE, validTrackingRate: TRACKING };
function ajvChecker() {
  const validate = new Ajv({ allErrors: true }).compile(ajvSchema);
  return (doc) => {
    if (validate(doc)) return [];
    return validate.errors.map((e) => {
      const [, , i, field, sub] = e.instancePath.split('/');
      const rule = AJV_RULE[field];
      const path = rule === ODR ? `performanceMetrics[${i}].orderDefectRate.${sub}.rate` : `performanceMetrics[${i}].${rule === CANCEL ? 'preFulfillmentCancellationRate' : field}.rate`;
      return { rule, path, message: e.message };
    });
  };
}

// ------------------------------------------------------------ cel-js
const celRate = (f, op, target) => `has(m.${f}) && m.${f} != null && has(m.${f}.rate) && m.${f}.rate != null && ${op.replace('$', `m.${f}.rate`)}${target}`;
const CEL = [
  [ODR, 'orderDefectRate.mfn', `has(m.orderDefectRate) && m.orderDefectRate != null && ${celRate('orderDefectRate.mfn', '$ >= ', TARGETS.odr)}`],
  [ODR, 'orderDefectRate.afn', `has(m.orderDefectRate) && m.orderDefectRate != null && ${celRate('orderDefectRate.afn', '$ >= ', TARGETS.odr)}`],
  [CANCEL, 'preFulfillmentCancellationRate', `${celRate('preFulfillmentCancellationRate', '$ >= ', TARGETS.cancel)} || ${celRate('prefulfillmentCancelRate', '$ >= ', TARGETS.cancel)}`],
  [LATE, 'lateShipmentRate', celRate('lateShipmentRate', '$ >= ', TARGETS.late)],
  [TRACKING, 'validTrackingRate', celRate('validTrackingRate', '!($ > ', TARGETS.tracking) + ')'],
];
function celChecker() {
  const programs = CEL.map(([rule, field, expr]) => ({ rule, field, run: celParse(expr) }));
  return (doc) => {
    const out = [];
    doc.performanceMetrics.forEach((m, i) => {
      for (const p of programs) if (p.run({ m })) out.push({ rule: p.rule, path: `performanceMetrics[${i}].${p.field}.rate` });
    });
    return out;
  };
}

// ------------------------------------------------------------ json-rules-engine
function rulesEngineChecker() {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const rule = (name, path, operator, value) => engine.addRule({ name, conditions: { all: [{ fact: 'm', path, operator, value }] }, event: { type: name, params: { path } } });
  rule(`${ODR}|orderDefectRate.mfn`, '$.orderDefectRate.mfn.rate', 'greaterThanInclusive', TARGETS.odr);
  rule(`${ODR}|orderDefectRate.afn`, '$.orderDefectRate.afn.rate', 'greaterThanInclusive', TARGETS.odr);
  rule(`${CANCEL}|preFulfillmentCancellationRate`, '$.cancel.rate', 'greaterThanInclusive', TARGETS.cancel);
  rule(`${LATE}|lateShipmentRate`, '$.lateShipmentRate.rate', 'greaterThanInclusive', TARGETS.late);
  engine.addRule({
    name: `${TRACKING}|validTrackingRate`,
    conditions: { all: [{ fact: 'm', path: '$.validTrackingRate.rate', operator: 'lessThanInclusive', value: TARGETS.tracking }] },
    event: { type: TRACKING },
  });
  return async (doc) => {
    const out = [];
    for (let i = 0; i < doc.performanceMetrics.length; i++) {
      const m = doc.performanceMetrics[i];
      const { events } = await engine.run({ m: { ...m, cancel: m.preFulfillmentCancellationRate ?? m.prefulfillmentCancelRate } });
      for (const e of events) {
        const [rule, field] = e.type.includes('|') ? e.type.split('|') : [e.type, 'validTrackingRate'];
        out.push({ rule, path: `performanceMetrics[${i}].${field}.rate` });
      }
    }
    return out;
  };
}

// ------------------------------------------------------------ Cedar
const CEDAR_POLICIES = [
  [ODR, 'orderDefectRate.mfn', 'context has odrMfn && context.odrMfn.greaterThanOrEqual(decimal("0.01"))'],
  [ODR, 'orderDefectRate.afn', 'context has odrAfn && context.odrAfn.greaterThanOrEqual(decimal("0.01"))'],
  [CANCEL, 'preFulfillmentCancellationRate', 'context has cancel && context.cancel.greaterThanOrEqual(decimal("0.025"))'],
  [LATE, 'lateShipmentRate', 'context has late && context.late.greaterThanOrEqual(decimal("0.04"))'],
  [TRACKING, 'validTrackingRate', 'context has tracking && context.tracking.lessThanOrEqual(decimal("0.95"))'],
];
function cedarChecker() {
  const cedar = require('@cedar-policy/cedar-wasm/nodejs');
  const staticPolicies = { permit: 'permit(principal, action, resource);' };
  CEDAR_POLICIES.forEach(([, , when], i) => (staticPolicies[`p${i}`] = `forbid(principal, action, resource) when { ${when} };`));
  const loaded = cedar.preparsePolicySet('rates', { staticPolicies });
  if (loaded.type !== 'success') throw new Error(`Cedar policies: ${JSON.stringify(loaded.errors)}`);
  // Cedar has no floating point numbers: rates go in as decimals (four places, as Amazon reports them).
  const dec = (v) => (typeof v === 'number' ? { __extn: { fn: 'decimal', arg: v.toFixed(4) } } : undefined);
  const who = { type: 'Seller', id: 's' };
  return (doc) => {
    const out = [];
    doc.performanceMetrics.forEach((m, i) => {
      const context = {};
      const put = (k, v) => { const d = dec(v); if (d) context[k] = d; };
      put('odrMfn', m.orderDefectRate?.mfn?.rate);
      put('odrAfn', m.orderDefectRate?.afn?.rate);
      put('cancel', (m.preFulfillmentCancellationRate ?? m.prefulfillmentCancelRate)?.rate);
      put('late', m.lateShipmentRate?.rate);
      put('tracking', m.validTrackingRate?.rate);
      const answer = cedar.statefulIsAuthorized({ principal: who, action: { type: 'Action', id: 'check' }, resource: who, context, entities: [], preparsedPolicySetId: 'rates' });
      if (answer.type !== 'success') throw new Error(JSON.stringify(answer.errors));
      for (const id of answer.response.diagnostics.reason) {
        if (id === 'permit') continue;
        const [rule, field] = CEDAR_POLICIES[Number(id.slice(1))];
        out.push({ rule, path: `performanceMetrics[${i}].${field}.rate` });
      }
    });
    return out;
  };
}

// ------------------------------------------------------------ the workload
/**
 * Contenders for workload A. Each `check(line)` takes one JSON text line and
 * returns its violations; `checkDecoded` (when given) starts from a value
 * already decoded by that contender, to time evaluation alone. `pace` marks
 * the alternatives ('alternative') and the engines a hundred times slower
 * than the floor ('slow'): a full run times them on fewer records per
 * repetition (bench/src/sizes.mjs) and compares them per record.
 */
export function rateContenders(root) {
  const { policy, diagnostics } = compile(ratesPolicySource(root));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`the rates policy does not compile: ${errors[0].message}`);
  const ctx = evalContext({ asOf: REPORTS_AS_OF });
  const sellguard = (line) => {
    const d = policy.decode(JSON.parse(line));
    return d.ok ? policy.evaluate(d.value, ctx) : [{ rule: 'invalid', path: '' }];
  };
  // The way every record was read before generated decoders: through the zod schema alone.
  const viaSchema = (line) => {
    const d = rt.s.decode(policy.schema, JSON.parse(line));
    return d.ok ? policy.evaluate(d.value, ctx) : [{ rule: 'invalid', path: '' }];
  };
  const ajv = ajvChecker();
  const cel = celChecker();
  const rulesEngine = rulesEngineChecker();
  let cedar;
  let cedarProblem;
  try {
    cedar = cedarChecker();
  } catch (e) {
    cedarProblem = e instanceof Error ? e.message : String(e);
  }
  const list = [
    { name: 'hand-written JavaScript (floor)', check: (line) => floorCheck(JSON.parse(line)) },
    { name: 'Sellguard decode + evaluate', check: sellguard },
    { name: 'Sellguard evaluate alone', prepare: (line) => policy.decode(JSON.parse(line)).value, checkDecoded: (v) => policy.evaluate(v, ctx) },
    { name: 'Sellguard decode alone', check: (line) => (policy.decode(JSON.parse(line)).ok ? [] : null), noAgreement: true },
    { name: 'Sellguard through the zod schema (before generated decoders)', check: viaSchema, pace: 'slow' },
    { name: 'hand-written checks alone (floor, parsed)', prepare: (line) => JSON.parse(line), checkDecoded: floorCheck },
    { name: 'zod safeParse + JavaScript', check: (line) => zodCheck(JSON.parse(line)), pace: 'alternative' },
    { name: 'ajv', check: (line) => ajv(JSON.parse(line)), pace: 'alternative' },
    { name: '@marcbachmann/cel-js', check: (line) => cel(JSON.parse(line)), pace: 'alternative' },
    { name: 'json-rules-engine', checkAsync: (line) => rulesEngine(JSON.parse(line)), pace: 'slow' },
  ];
  if (cedar) list.push({ name: '@cedar-policy/cedar-wasm', check: (line) => cedar(JSON.parse(line)), pace: 'slow' });
  return { contenders: list, cedarProblem };
}
