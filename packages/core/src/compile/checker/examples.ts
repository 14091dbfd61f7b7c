/**
 * Checker stage 6, examples: the rules each example expects, its `given`
 * records written out as data (dates as ISO text), and fields the input
 * record does not have.
 */
import type { ExampleDecl, Expr } from '@sellguard/dsl';
import { M, diag } from '../codes.js';
import type { IrExample, IrRecord, IrRule, JsonValue } from '../ir.js';
import { suggestionHelp } from '../suggest.js';
import type { CheckerContext } from './context.js';

export interface ExamplesInput {
  rules: readonly IrRule[];
  records: readonly IrRecord[];
  inputRecord: string;
  /** Whether the policy has metrics: then an example may be given a list of records. */
  hasMetrics: boolean;
}

export function checkExamples(cx: CheckerContext, input: ExamplesInput): IrExample[] {
  const ruleIds = new Set(input.rules.map((r) => r.id));
  return cx.resolved.examples.map((decl) => checkExample(cx, decl, ruleIds, input));
}

function checkExample(cx: CheckerContext, decl: ExampleDecl, ruleIds: Set<string>, input: ExamplesInput): IrExample {
  const fires: string[] = [];
  const absent: string[] = [];
  let nothing = false;
  for (const ex of decl.expectations) {
    if (ex.mode === 'nothing') nothing = true;
    for (const r of ex.rules) {
      if (!ruleIds.has(r.text)) {
        cx.report(diag(M.unknownRuleInExample, r.span, { name: r.text }, { help: suggestionHelp(r.text, [...ruleIds], 'rules') }));
        continue;
      }
      (ex.mode === 'absent' ? absent : fires).push(r.text);
    }
  }
  if (decl.expectations.length === 0)
    cx.report(diag(M.exampleNoExpectation, decl.name.span, { name: decl.name.value }));
  let given: JsonValue = {};
  if (decl.given) {
    given = exampleValue(cx, decl.given);
    const records = Array.isArray(given) && input.hasMetrics ? given : [given];
    for (const one of records) checkGiven(cx, one, decl, input);
  }
  return { name: decl.name.value, given, asOf: decl.asOf ? decl.asOf.ms : null, fires, absent, nothing, span: decl.span };
}

function checkGiven(cx: CheckerContext, given: JsonValue, decl: ExampleDecl, input: ExamplesInput): void {
  if (!decl.given) return;
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    cx.report(diag(input.hasMetrics ? M.exampleGivenRecords : M.exampleGivenRecord, decl.given.span, {}));
    return;
  }
  const known = new Set(input.records.find((r) => r.name === input.inputRecord)?.fields.flatMap((f) => [f.name, ...f.aliases]) ?? []);
  const written = decl.given.kind === 'Object' ? decl.given.entries : [];
  for (const key of Object.keys(given)) {
    if (known.has(key)) continue;
    const at = written.find((en) => en.key.text === key)?.key.span ?? decl.given.span;
    cx.report(diag(M.exampleUnknownField, at, { record: input.inputRecord, name: key }, { help: suggestionHelp(key, [...known], 'fields') }));
  }
}

/** Example inputs are written like data: dates become ISO text, durations and percents keep their written form. */
function exampleValue(cx: CheckerContext, e: Expr): JsonValue {
  switch (e.kind) {
    case 'Date':
    case 'Duration':
    case 'Percent':
      return e.raw;
    case 'Number':
      return e.value;
    case 'String':
      return e.value;
    case 'Template':
      return e.raw;
    case 'Bool':
      return e.value;
    case 'Null':
      return null;
    case 'Paren':
      return exampleValue(cx, e.expr);
    case 'List':
      return e.items.map((item) => exampleValue(cx, item));
    case 'Object':
      return Object.fromEntries(e.entries.map((en) => [en.key.text, exampleValue(cx, en.value)]));
    case 'Unary':
      if (e.op === '-' && e.operand.kind === 'Number') return -e.operand.value;
      break;
    case 'Binary': {
      // `given baseMessage + { body: "..." }`: a shared record with some fields changed.
      if (e.op !== '+') break;
      const left = exampleValue(cx, e.left);
      const right = exampleValue(cx, e.right);
      if (isObject(left) && isObject(right)) return { ...left, ...right };
      break;
    }
    case 'Ident': {
      const entry = cx.resolved.scope.symbols.get(e.name);
      if (entry?.decl.kind === 'ConstDecl') return exampleValue(cx, entry.decl.value);
      break;
    }
  }
  cx.report(diag(M.exampleNotWrittenOut, e.span, {}));
  return null;
}

function isObject(v: JsonValue): v is { [key: string]: JsonValue } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
