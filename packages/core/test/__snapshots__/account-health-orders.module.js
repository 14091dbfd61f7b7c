// Policy "account-health-orders", compiled by sellguard. Do not edit: change the .policy file and compile again.
import * as rt from '@sellguard/core/runtime';

// Input schema of policy "account-health-orders"
// record Order
function record_0(opts) {
  return rt.s.recordOf("Order", [
    { name: "orderId", schema: rt.s.primitive("string"), aliases: ["amazon-order-id","AmazonOrderId","order-id"] },
    { name: "purchaseDate", schema: rt.s.primitive("datetime"), aliases: ["purchase-date","PurchaseDate"] },
    { name: "fulfillmentChannel", schema: rt.s.primitive("string"), aliases: ["fulfillment-channel","FulfillmentChannel"] },
    { name: "orderStatus", schema: rt.s.primitive("string", { optional: true }), aliases: ["order-status","OrderStatus"] },
    { name: "cancelledBy", schema: rt.s.enumOf(["seller","buyer"], { optional: true }), aliases: ["cancelled-by","canceled-by","cancelledBy"] },
    { name: "expectedShipDate", schema: rt.s.primitive("datetime", { optional: true }), aliases: ["expected-ship-date","latest-ship-date","LatestShipDate"] },
    { name: "shipDate", schema: rt.s.primitive("datetime", { optional: true }), aliases: ["ship-date","shipment-date"] },
    { name: "trackingId", schema: rt.s.primitive("string", { optional: true }), aliases: ["tracking-id","tracking-number"] },
    { name: "trackingValid", schema: rt.s.primitive("boolean", { optional: true }), aliases: ["tracking-valid"] },
    { name: "negativeFeedback", schema: rt.s.primitive("boolean", { default: false }), aliases: ["negative-feedback"] },
    { name: "azClaim", schema: rt.s.primitive("boolean", { default: false }), aliases: ["az-claim","a-to-z-claim"] },
    { name: "chargeback", schema: rt.s.primitive("boolean", { default: false }) },
    { name: "sku", schema: rt.s.primitive("string", { optional: true }) },
    { name: "asin", schema: rt.s.primitive("string", { optional: true }) },
  ], opts);
}
const schema = record_0();

// Decoders of policy "account-health-orders": plain reads and coercions; the schema above words the errors
const keys_0 = rt.d.keys([["orderId",["amazon-order-id","AmazonOrderId","order-id"]],["purchaseDate",["purchase-date","PurchaseDate"]],["fulfillmentChannel",["fulfillment-channel","FulfillmentChannel"]],["orderStatus",["order-status","OrderStatus"]],["cancelledBy",["cancelled-by","canceled-by","cancelledBy"]],["expectedShipDate",["expected-ship-date","latest-ship-date","LatestShipDate"]],["shipDate",["ship-date","shipment-date"]],["trackingId",["tracking-id","tracking-number"]],["trackingValid",["tracking-valid"]],["negativeFeedback",["negative-feedback"]],["azClaim",["az-claim","a-to-z-claim"]],["chargeback",[]],["sku",[]],["asin",[]]]);
const members_1 = rt.d.members(["seller","buyer"]);
const item_2 = (v) => rt.d.member(v, members_1);
// record Order
function decode_0(v) {
  if (!rt.d.isObject(v)) return rt.d.BAD;
  const a = rt.d.pick(v, keys_0);
  const out = {};
  let x;
  // orderId: string
  x = a[0];
  if ((x = rt.d.string(x)) === rt.d.BAD) return rt.d.BAD;
  out["orderId"] = x;
  // purchaseDate: datetime
  x = a[1];
  if ((x = rt.d.datetime(x)) === rt.d.BAD) return rt.d.BAD;
  out["purchaseDate"] = x;
  // fulfillmentChannel: string
  x = a[2];
  if ((x = rt.d.string(x)) === rt.d.BAD) return rt.d.BAD;
  out["fulfillmentChannel"] = x;
  // orderStatus: string?
  x = a[3];
  if (x === undefined || x === null || x === "") x = null;
  else if ((x = rt.d.string(x)) === rt.d.BAD) return rt.d.BAD;
  out["orderStatus"] = x;
  // cancelledBy: enum(seller, buyer)?
  x = a[4];
  if (rt.d.isBlank(x)) x = null;
  else if ((x = item_2(x)) === rt.d.BAD) return rt.d.BAD;
  out["cancelledBy"] = x;
  // expectedShipDate: datetime?
  x = a[5];
  if (rt.d.isBlank(x)) x = null;
  else if ((x = rt.d.datetime(x)) === rt.d.BAD) return rt.d.BAD;
  out["expectedShipDate"] = x;
  // shipDate: datetime?
  x = a[6];
  if (rt.d.isBlank(x)) x = null;
  else if ((x = rt.d.datetime(x)) === rt.d.BAD) return rt.d.BAD;
  out["shipDate"] = x;
  // trackingId: string?
  x = a[7];
  if (x === undefined || x === null || x === "") x = null;
  else if ((x = rt.d.string(x)) === rt.d.BAD) return rt.d.BAD;
  out["trackingId"] = x;
  // trackingValid: boolean?
  x = a[8];
  if (rt.d.isBlank(x)) x = null;
  else if ((x = rt.d.boolean(x)) === rt.d.BAD) return rt.d.BAD;
  out["trackingValid"] = x;
  // negativeFeedback: boolean = false
  x = a[9];
  if (rt.d.isBlank(x)) x = false;
  else if ((x = rt.d.boolean(x)) === rt.d.BAD) return rt.d.BAD;
  out["negativeFeedback"] = x;
  // azClaim: boolean = false
  x = a[10];
  if (rt.d.isBlank(x)) x = false;
  else if ((x = rt.d.boolean(x)) === rt.d.BAD) return rt.d.BAD;
  out["azClaim"] = x;
  // chargeback: boolean = false
  x = a[11];
  if (rt.d.isBlank(x)) x = false;
  else if ((x = rt.d.boolean(x)) === rt.d.BAD) return rt.d.BAD;
  out["chargeback"] = x;
  // sku: string?
  x = a[12];
  if (x === undefined || x === null || x === "") x = null;
  else if ((x = rt.d.string(x)) === rt.d.BAD) return rt.d.BAD;
  out["sku"] = x;
  // asin: string?
  x = a[13];
  if (x === undefined || x === null || x === "") x = null;
  else if ((x = rt.d.string(x)) === rt.d.BAD) return rt.d.BAD;
  out["asin"] = x;
  return out;
}
const decodeInput = decode_0;

// Rules of policy "account-health-orders": Account health from order reports
const K = [["mfn","merchant","seller"],{"orderId":"114-0000000-0000001","purchaseDate":"2026-11-10T09:00:00Z","fulfillmentChannel":"MFN","expectedShipDate":"2026-11-12T23:59:59Z","shipDate":"2026-11-11T15:00:00Z","trackingId":"1Z999AA10123456784","trackingValid":true,"sku":"LAMP-1"}];
const PH = [];
const RX = [];
const RULES = [
  { id: "order-defect-rate", fullId: "account-health-orders/order-defect-rate", severity: "error" },
  { id: "pre-fulfillment-cancel-rate", fullId: "account-health-orders/pre-fulfillment-cancel-rate", severity: "error" },
  { id: "late-shipment-rate-10d", fullId: "account-health-orders/late-shipment-rate-10d", severity: "error" },
  { id: "late-shipment-rate-30d", fullId: "account-health-orders/late-shipment-rate-30d", severity: "error" },
  { id: "valid-tracking-rate", fullId: "account-health-orders/valid-tracking-rate", severity: "error" },
];

// account-health-orders/order-defect-rate (error)
function rule_0(M, out, ctx) {
  // a metric with no data passes: there is nothing to judge
  if (M[0] === null) return;
  let W;
  // require order-defect-rate < 1%
  W = [];
  if (!(rt.lt(M[0] /* order-defect-rate */, 0.01))) {
    out.push(rt.violation(RULES[0], "metrics.order-defect-rate", W,
      "The order defect rate is " + rt.show(M[0] /* order-defect-rate */, "percent") + " over the last 60 days; Amazon's target is under 1%",
      "Find the orders with negative feedback, A-to-z claims or chargebacks (the breakdown by SKU shows where they are) and fix their causes: answer buyers fast, ship on time, describe products accurately.",
      undefined));
  }
}

// account-health-orders/pre-fulfillment-cancel-rate (error)
function rule_1(M, out, ctx) {
  // a metric with no data passes: there is nothing to judge
  if (M[1] === null) return;
  let W;
  // require pre-fulfillment-cancel-rate < 2.5%
  W = [];
  if (!(rt.lt(M[1] /* pre-fulfillment-cancel-rate */, 0.025))) {
    out.push(rt.violation(RULES[1], "metrics.pre-fulfillment-cancel-rate", W,
      "The pre-fulfillment cancel rate is " + rt.show(M[1] /* pre-fulfillment-cancel-rate */, "percent") + " over the last 7 days; Amazon's target is under 2.5%",
      "Cancelling orders because of missing stock counts here. Keep inventory in sync and take out of stock items offline.",
      undefined));
  }
}

// account-health-orders/late-shipment-rate-10d (error)
function rule_2(M, out, ctx) {
  // a metric with no data passes: there is nothing to judge
  if (M[2] === null) return;
  let W;
  // require late-shipment-rate-10d < 4%
  W = [];
  if (!(rt.lt(M[2] /* late-shipment-rate-10d */, 0.04))) {
    out.push(rt.violation(RULES[2], "metrics.late-shipment-rate-10d", W,
      "The late shipment rate is " + rt.show(M[2] /* late-shipment-rate-10d */, "percent") + " over the last 10 days; Amazon's target is under 4%",
      "Confirm shipment by the expected ship date; lengthen your handling time if you cannot meet it.",
      undefined));
  }
}

// account-health-orders/late-shipment-rate-30d (error)
function rule_3(M, out, ctx) {
  // a metric with no data passes: there is nothing to judge
  if (M[3] === null) return;
  let W;
  // require late-shipment-rate-30d < 4%
  W = [];
  if (!(rt.lt(M[3] /* late-shipment-rate-30d */, 0.04))) {
    out.push(rt.violation(RULES[3], "metrics.late-shipment-rate-30d", W,
      "The late shipment rate is " + rt.show(M[3] /* late-shipment-rate-30d */, "percent") + " over the last 30 days; Amazon's target is under 4%",
      "Confirm shipment by the expected ship date; add staff before peak season.",
      undefined));
  }
}

// account-health-orders/valid-tracking-rate (error)
function rule_4(M, out, ctx) {
  // a metric with no data passes: there is nothing to judge
  if (M[4] === null) return;
  let W;
  // require valid-tracking-rate > 95%
  W = [];
  if (!(rt.gt(M[4] /* valid-tracking-rate */, 0.95))) {
    out.push(rt.violation(RULES[4], "metrics.valid-tracking-rate", W,
      "The valid tracking rate is " + rt.show(M[4] /* valid-tracking-rate */, "percent") + " over the last 30 days; Amazon's target is above 95%",
      "Give a valid tracking number from a supported carrier with every shipment confirmation.",
      undefined));
  }
}

function evaluate(r, ctx) {
  const out = [];
  return out;
}

const METRICS = [
  {
    "name": "order-defect-rate",
    "title": "Order defect rate",
    "kind": "rate",
    "days": 60,
    "by": "purchaseDate",
    "groups": [
      "sku",
      "asin"
    ],
    "show": "percent"
  },
  {
    "name": "pre-fulfillment-cancel-rate",
    "title": "Pre-fulfillment cancel rate",
    "kind": "rate",
    "days": 7,
    "by": "purchaseDate",
    "groups": [
      "sku"
    ],
    "show": "percent"
  },
  {
    "name": "late-shipment-rate-10d",
    "title": "Late shipment rate (10 days)",
    "kind": "rate",
    "days": 10,
    "by": "expectedShipDate",
    "groups": [
      "sku"
    ],
    "show": "percent"
  },
  {
    "name": "late-shipment-rate-30d",
    "title": "Late shipment rate (30 days)",
    "kind": "rate",
    "days": 30,
    "by": "expectedShipDate",
    "groups": [
      "sku"
    ],
    "show": "percent"
  },
  {
    "name": "valid-tracking-rate",
    "title": "Valid tracking rate",
    "kind": "rate",
    "days": 30,
    "by": "shipDate",
    "groups": [
      "sku"
    ],
    "show": "percent"
  }
];

// Counts one record into every metric.
function metricsAdd(r, S, ctx) {
  // metric order-defect-rate: where lower(trim(fulfillmentChannel)) in sellerChannels; last 60 days by purchaseDate
  if (rt.inList(rt.lower(rt.trim(r["fulfillmentChannel"])), K[0] /* sellerChannels */) && rt.inWindow(S, 0, r["purchaseDate"])) rt.tallyRate(S, 0, Boolean(((r["negativeFeedback"] || r["azClaim"]) || r["chargeback"])), [r["sku"], r["asin"]]);
  // metric pre-fulfillment-cancel-rate: where lower(trim(fulfillmentChannel)) in sellerChannels; last 7 days by purchaseDate
  if (rt.inList(rt.lower(rt.trim(r["fulfillmentChannel"])), K[0] /* sellerChannels */) && rt.inWindow(S, 1, r["purchaseDate"])) rt.tallyRate(S, 1, Boolean(rt.equal(r["cancelledBy"], "seller")), [r["sku"]]);
  // metric late-shipment-rate-10d: where sellerFulfilled and exists(shipDate); last 10 days by expectedShipDate
  if ((rt.inList(rt.lower(rt.trim(r["fulfillmentChannel"])), K[0] /* sellerChannels */) && rt.exists(r["shipDate"])) && rt.inWindow(S, 2, r["expectedShipDate"])) rt.tallyRate(S, 2, Boolean(rt.gt(r["shipDate"], r["expectedShipDate"])), [r["sku"]]);
  // metric late-shipment-rate-30d: where sellerFulfilled and exists(shipDate); last 30 days by expectedShipDate
  if ((rt.inList(rt.lower(rt.trim(r["fulfillmentChannel"])), K[0] /* sellerChannels */) && rt.exists(r["shipDate"])) && rt.inWindow(S, 3, r["expectedShipDate"])) rt.tallyRate(S, 3, Boolean(rt.gt(r["shipDate"], r["expectedShipDate"])), [r["sku"]]);
  // metric valid-tracking-rate: where sellerFulfilled and exists(shipDate); last 30 days by shipDate
  if ((rt.inList(rt.lower(rt.trim(r["fulfillmentChannel"])), K[0] /* sellerChannels */) && rt.exists(r["shipDate"])) && rt.inWindow(S, 4, r["shipDate"])) rt.tallyRate(S, 4, Boolean((!(rt.empty(r["trackingId"])) && !(rt.equal(r["trackingValid"], false)))), [r["sku"]]);
}

function evaluateDataset(M, ctx) {
  const out = [];
  rule_0(M, out, ctx); // account-health-orders/order-defect-rate
  rule_1(M, out, ctx); // account-health-orders/pre-fulfillment-cancel-rate
  rule_2(M, out, ctx); // account-health-orders/late-shipment-rate-10d
  rule_3(M, out, ctx); // account-health-orders/late-shipment-rate-30d
  rule_4(M, out, ctx); // account-health-orders/valid-tracking-rate
  return out;
}

const policy = {"id":"account-health-orders","title":"Account health from order reports","source":"Amazon Seller Central: Customer service performance and Shipping performance (targets and time windows); Amazon Account Health Rating","version":"1.0"};
const rules = [
  {
    "id": "order-defect-rate",
    "fullId": "account-health-orders/order-defect-rate",
    "severity": "error",
    "message": "The order defect rate is {order-defect-rate} over the last 60 days; Amazon's target is under 1%",
    "hint": "Find the orders with negative feedback, A-to-z claims or chargebacks (the breakdown by SKU shows where they are) and fix their causes: answer buyers fast, ship on time, describe products accurately.",
    "source": "Amazon Seller Central: Customer service performance (Order Defect Rate: target under 1%); Amazon Account Health Rating",
    "hasFix": false
  },
  {
    "id": "pre-fulfillment-cancel-rate",
    "fullId": "account-health-orders/pre-fulfillment-cancel-rate",
    "severity": "error",
    "message": "The pre-fulfillment cancel rate is {pre-fulfillment-cancel-rate} over the last 7 days; Amazon's target is under 2.5%",
    "hint": "Cancelling orders because of missing stock counts here. Keep inventory in sync and take out of stock items offline.",
    "source": "Amazon Seller Central: Shipping performance (Pre-fulfillment Cancel Rate: target under 2.5%); Amazon Account Health Rating",
    "hasFix": false
  },
  {
    "id": "late-shipment-rate-10d",
    "fullId": "account-health-orders/late-shipment-rate-10d",
    "severity": "error",
    "message": "The late shipment rate is {late-shipment-rate-10d} over the last 10 days; Amazon's target is under 4%",
    "hint": "Confirm shipment by the expected ship date; lengthen your handling time if you cannot meet it.",
    "source": "Amazon Seller Central: Shipping performance (Late Shipment Rate: target under 4%); Amazon Account Health Rating",
    "hasFix": false
  },
  {
    "id": "late-shipment-rate-30d",
    "fullId": "account-health-orders/late-shipment-rate-30d",
    "severity": "error",
    "message": "The late shipment rate is {late-shipment-rate-30d} over the last 30 days; Amazon's target is under 4%",
    "hint": "Confirm shipment by the expected ship date; add staff before peak season.",
    "source": "Amazon Seller Central: Shipping performance (Late Shipment Rate: target under 4%); Amazon Account Health Rating",
    "hasFix": false
  },
  {
    "id": "valid-tracking-rate",
    "fullId": "account-health-orders/valid-tracking-rate",
    "severity": "error",
    "message": "The valid tracking rate is {valid-tracking-rate} over the last 30 days; Amazon's target is above 95%",
    "hint": "Give a valid tracking number from a supported carrier with every shipment confirmation.",
    "source": "Amazon Seller Central: Shipping performance (Valid Tracking Rate: target above 95%); Amazon Account Health Rating",
    "hasFix": false
  }
];
function decode(raw) {
  const value = decodeInput(raw);
  // Only a record that does not fit goes through the schema, which says why.
  return value === rt.d.BAD ? rt.s.decode(schema, raw) : { ok: true, value };
}
/** ctx: the evaluation context, rt.evalContext({ asOf, dictionary }); without one: today, no spelling dictionary. */
function check(raw, ctx = rt.evalContext()) {
  const decoded = decode(raw);
  return decoded.ok ? { ok: true, violations: evaluate(decoded.value, ctx) } : decoded;
}

// Metrics over a whole input: const state = rt.startMetrics(metrics, ctx); metricsAdd(record, state, ctx) per decoded record;
// then evaluateDataset(rt.metricValues(metrics, state), ctx) gives the violations of the rules about metrics.
export { policy, rules, schema, decode, evaluate, check, METRICS as metrics, metricsAdd, evaluateDataset };
