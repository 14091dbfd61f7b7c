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

// Decoders of policy "snapshot": plain reads and coercions; the schema above words the errors
const keys_0 = rt.d.keys([["orderId",["order-id"]],["subject",[]],["body",[]],["sentAt",[]],["orderCompletedAt",[]],["attachments",[]],["score",[]],["parameters",[]]]);
const item_1 = (v) => rt.d.list(v, decode_1);
const item_2 = (v) => rt.d.map(v, rt.d.string);
const keys_3 = rt.d.keys([["fileName",["name"]],["kind",[]]]);
const members_4 = rt.d.members(["instructions","warranty","other"]);
const item_5 = (v) => rt.d.member(v, members_4);
// record Message
function decode_0(v) {
  if (!rt.d.isObject(v)) return rt.d.BAD;
  const a = rt.d.pick(v, keys_0);
  const out = {};
  let x;
  // orderId: string
  x = a[0];
  if ((x = rt.d.string(x)) === rt.d.BAD) return rt.d.BAD;
  out["orderId"] = x;
  // subject: text = ""
  x = a[1];
  if (x === undefined || x === null || x === "") x = "";
  else if ((x = rt.d.string(x)) === rt.d.BAD) return rt.d.BAD;
  out["subject"] = x;
  // body: text
  x = a[2];
  if ((x = rt.d.string(x)) === rt.d.BAD) return rt.d.BAD;
  out["body"] = x;
  // sentAt: datetime?
  x = a[3];
  if (rt.d.isBlank(x)) x = null;
  else if ((x = rt.d.datetime(x)) === rt.d.BAD) return rt.d.BAD;
  out["sentAt"] = x;
  // orderCompletedAt: date?
  x = a[4];
  if (rt.d.isBlank(x)) x = null;
  else if ((x = rt.d.date(x)) === rt.d.BAD) return rt.d.BAD;
  out["orderCompletedAt"] = x;
  // attachments: list<Attachment> = []
  x = a[5];
  if (rt.d.isBlank(x)) x = [];
  else if ((x = item_1(x)) === rt.d.BAD) return rt.d.BAD;
  out["attachments"] = x;
  // score: percent?
  x = a[6];
  if (rt.d.isBlank(x)) x = null;
  else if ((x = rt.d.percent(x)) === rt.d.BAD) return rt.d.BAD;
  out["score"] = x;
  // parameters: map<string> = {}
  x = a[7];
  if (rt.d.isBlank(x)) x = {};
  else if ((x = item_2(x)) === rt.d.BAD) return rt.d.BAD;
  out["parameters"] = x;
  return out;
}
// record Attachment
function decode_1(v) {
  if (!rt.d.isObject(v)) return rt.d.BAD;
  const a = rt.d.pick(v, keys_3);
  const out = {};
  let x;
  // fileName: string
  x = a[0];
  if ((x = rt.d.string(x)) === rt.d.BAD) return rt.d.BAD;
  out["fileName"] = x;
  // kind: enum(instructions, warranty, other) = "other"
  x = a[1];
  if (rt.d.isBlank(x)) x = "other";
  else if ((x = item_5(x)) === rt.d.BAD) return rt.d.BAD;
  out["kind"] = x;
  return out;
}
const decodeInput = decode_0;

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
