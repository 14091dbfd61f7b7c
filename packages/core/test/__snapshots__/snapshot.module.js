// Policy "snapshot", compiled by sellguard. Do not edit: change the .policy file and compile again.
import * as rt from '@sellguard/core/runtime';

// Input schema of policy "snapshot"
// record Message
function record_0(opts) {
  return rt.s.recordOf("Message", [
    { name: "orderId", schema: rt.s.primitive("string"), aliases: ["order-id"] },
    { name: "subject", schema: rt.s.primitive("text", { default: "" }) },
    { name: "body", schema: rt.s.primitive("text") },
    { name: "sentAt", schema: rt.s.primitive("datetime", { optional: true }) },
    { name: "orderCompletedAt", schema: rt.s.primitive("date", { optional: true }) },
    { name: "attachments", schema: rt.s.listOf(record_1(), { default: [] }) },
    { name: "score", schema: rt.s.primitive("percent", { optional: true }) },
    { name: "parameters", schema: rt.s.mapOf(rt.s.primitive("string"), { default: {} }) },
  ], opts);
}
// record Attachment
function record_1(opts) {
  return rt.s.recordOf("Attachment", [
    { name: "fileName", schema: rt.s.primitive("string"), aliases: ["name"] },
    { name: "kind", schema: rt.s.enumOf(["instructions","warranty","other"], { default: "other" }) },
  ], opts);
}
const schema = record_0();

// Rules of policy "snapshot": Snapshot policy
const K = [2592000000];
const PH = [
  rt.phraseMatcher(["coupon","promo code"]), // marketing
];
const RX = [
  rt.regex("(?i)\\d+% off"),
];
const RULES = [
  { id: "outside-window", fullId: "snapshot/outside-window", severity: "error" },
  { id: "marketing", fullId: "snapshot/marketing", severity: "warning" },
  { id: "bad-attachment", fullId: "snapshot/bad-attachment", severity: "error" },
  { id: "parameter-blank", fullId: "snapshot/parameter-blank", severity: "info" },
  { id: "order-id", fullId: "snapshot/order-id", severity: "error" },
];

// snapshot/outside-window (error)
function rule_0(r, out, ctx) {
  // when exists(sentAt) and exists(orderCompletedAt)
  if (!((rt.exists(r["sentAt"]) && rt.exists(r["orderCompletedAt"])))) return;
  let W;
  // require dateOf(sentAt) - orderCompletedAt <= window
  W = [];
  if (!(rt.le(rt.sub(rt.dateOf(r["sentAt"]), r["orderCompletedAt"]), K[0] /* window */))) {
    out.push(rt.violation(RULES[0], "sentAt", W,
      "Sent " + rt.show(rt.days(rt.sub(rt.dateOf(r["sentAt"]), r["orderCompletedAt"])), "number") + " days after completion",
      null,
      undefined));
  }
}

// snapshot/marketing (warning)
function rule_1(r, out, ctx) {
  let W;
  // forbid phrases(body, marketing) or find(body, "(?i)\\d+% off")
  W = [];
  if ((rt.nonEmpty(rt.phrases(PH[0], r["body"], "body"), W, null) || rt.nonEmpty(rt.find(RX[0], r["body"], "body"), W, null))) {
    out.push(rt.violation(RULES[1], "body", W,
      "Marketing: " + rt.matched(W),
      null,
      rt.fixRemove(r, W)));
  }
}

// snapshot/bad-attachment (error)
function rule_2(r, out, ctx) {
  // each item of attachments
  rt.each(r["attachments"], "attachments", (v1, p1) => {
    let W;
    // forbid a.kind == "other"
    W = [];
    if ((v1["kind"] === "other")) {
      out.push(rt.violation(RULES[2], p1 + ".kind", W,
        "Attachment not allowed: " + rt.show(v1["fileName"], "string"),
        null,
        undefined));
    }
  });
}

// snapshot/parameter-blank (info)
function rule_3(r, out, ctx) {
  let W;
  // forbid any k in keys(parameters): empty(parameters[k])
  W = [];
  if (rt.any(rt.keys(r["parameters"]), "parameters", (v2, p2) => rt.empty(rt.at(r["parameters"], v2)), W, true)) {
    out.push(rt.violation(RULES[3], "parameters", W,
      "Blank parameters: " + rt.matched(W),
      null,
      undefined));
  }
}

// snapshot/order-id (error)
function rule_4(r, out, ctx) {
  let W;
  // require orderId in subject or orderId in body
  W = [];
  if (!((rt.contains(r["subject"], r["orderId"]) || rt.contains(r["body"], r["orderId"])))) {
    out.push(rt.violation(RULES[4], "orderId", W,
      "Mention the order id",
      null,
      rt.fixInsert(r, "subject", "Order " + rt.show(r["orderId"], "string") + ": ", "start")));
  }
}

function evaluate(r, ctx) {
  const out = [];
  rule_0(r, out, ctx); // snapshot/outside-window
  rule_1(r, out, ctx); // snapshot/marketing
  rule_2(r, out, ctx); // snapshot/bad-attachment
  rule_3(r, out, ctx); // snapshot/parameter-blank
  rule_4(r, out, ctx); // snapshot/order-id
  return out;
}

const METRICS = [];
function metricsAdd(r, S, ctx) {}
function evaluateDataset(M, ctx) {
  return [];
}

const policy = {"id":"snapshot","title":"Snapshot policy","source":"tests","version":"2"};
const rules = [
  {
    "id": "outside-window",
    "fullId": "snapshot/outside-window",
    "severity": "error",
    "message": "Sent {days(dateOf(sentAt) - orderCompletedAt)} days after completion",
    "hasFix": false
  },
  {
    "id": "marketing",
    "fullId": "snapshot/marketing",
    "severity": "warning",
    "message": "Marketing: {matched}",
    "hasFix": true
  },
  {
    "id": "bad-attachment",
    "fullId": "snapshot/bad-attachment",
    "severity": "error",
    "message": "Attachment not allowed: {a.fileName}",
    "hasFix": false
  },
  {
    "id": "parameter-blank",
    "fullId": "snapshot/parameter-blank",
    "severity": "info",
    "message": "Blank parameters: {matched}",
    "hasFix": false
  },
  {
    "id": "order-id",
    "fullId": "snapshot/order-id",
    "severity": "error",
    "message": "Mention the order id",
    "hasFix": true
  }
];
function decode(raw) {
  return rt.s.decode(schema, raw);
}
/** ctx: the evaluation context, rt.evalContext({ asOf, dictionary }); without one: today, no spelling dictionary. */
function check(raw, ctx = rt.evalContext()) {
  const decoded = decode(raw);
  return decoded.ok ? { ok: true, violations: evaluate(decoded.value, ctx) } : decoded;
}

// Metrics over a whole input: const state = rt.startMetrics(metrics, ctx); metricsAdd(record, state, ctx) per decoded record;
// then evaluateDataset(rt.metricValues(metrics, state), ctx) gives the violations of the rules about metrics.
export { policy, rules, schema, decode, evaluate, check, METRICS as metrics, metricsAdd, evaluateDataset };
