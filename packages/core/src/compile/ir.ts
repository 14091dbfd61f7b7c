/**
 * The intermediate representation: the checked policy with every name
 * resolved and every expression typed. The emitter turns it into JavaScript;
 * the interpreter (explain) walks it. Nothing here refers back to source text
 * except spans, which explain uses to point at the condition that held.
 */
import type { Span } from '@sellguard/dsl';
import type { Severity } from '../types.js';
import type { Type } from './type-system.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type IrExpr =
  /** A literal or a folded constant. */
  | { op: 'lit'; value: JsonValue; type: Type; span: Span }
  /** The input record being checked. */
  | { op: 'root'; type: Type; span: Span }
  /** A quantifier variable (numbered, never named after user text). */
  | { op: 'var'; id: number; type: Type; span: Span }
  /** The value of a metric (rules about the dataset only). */
  | { op: 'metric'; index: number; name: string; type: Type; span: Span }
  /** A compile-time constant held in the constants table. */
  | { op: 'const'; index: number; name: string; type: Type; span: Span }
  | { op: 'field'; object: IrExpr; name: string; type: Type; span: Span }
  | { op: 'index'; object: IrExpr; index: IrExpr; type: Type; span: Span }
  | { op: 'call'; fn: string; args: IrExpr[]; type: Type; span: Span }
  /**
   * A text detector: `emails(body)`. `phrases` is the phrase-list table index
   * for `phrases(body, list)`; `regex` the regex table index for `find(body, "...")`.
   */
  | { op: 'detect'; detector: string; arg: IrExpr; phrases?: number; regex?: number; type: Type; span: Span }
  | { op: 'cond'; test: IrExpr; then: IrExpr; else: IrExpr; type: Type; span: Span }
  | { op: 'not'; operand: IrExpr; type: Type; span: Span }
  | { op: 'neg'; operand: IrExpr; type: Type; span: Span }
  | { op: 'and' | 'or'; left: IrExpr; right: IrExpr; type: Type; span: Span }
  | { op: 'cmp'; cmp: '==' | '!=' | '<' | '<=' | '>' | '>='; left: IrExpr; right: IrExpr; type: Type; span: Span }
  | { op: 'arith'; arith: '+' | '-' | '*' | '/'; left: IrExpr; right: IrExpr; type: Type; span: Span }
  | { op: 'concat'; left: IrExpr; right: IrExpr; type: Type; span: Span }
  | { op: 'in'; negated: boolean; item: IrExpr; collection: IrExpr; type: Type; span: Span }
  | { op: 'strop'; strop: 'contains' | 'startsWith' | 'endsWith'; left: IrExpr; right: IrExpr; type: Type; span: Span }
  | { op: 'listContains'; list: IrExpr; item: IrExpr; type: Type; span: Span }
  /** Regex match; `regex` indexes the policy's regex table. */
  | { op: 'matches'; subject: IrExpr; regex: number; type: Type; span: Span }
  | { op: 'quant'; q: 'any' | 'all' | 'count'; varId: number; collection: IrExpr; body: IrExpr; type: Type; span: Span }
  /** A list of matches (or records) used as a condition: true when non-empty; its items are the witnesses. */
  | { op: 'nonEmpty'; list: IrExpr; type: Type; span: Span }
  | { op: 'list'; items: IrExpr[]; type: Type; span: Span }
  | { op: 'object'; entries: Array<{ key: string; value: IrExpr }>; type: Type; span: Span }
  /** The texts of the matches that made the current rule fire (messages and hints only). */
  | { op: 'matched'; type: Type; span: Span }
  | { op: 'template'; parts: Array<string | IrExpr>; type: Type; span: Span };

export interface IrClause {
  mode: 'require' | 'forbid';
  condition: IrExpr;
  message: IrExpr | null;
  /** The field the clause is about when no witness says otherwise ('' for the record). */
  path: string;
  /** The first field the condition reads (a field chain), for paths inside `each` items. */
  subject: IrExpr | null;
  span: Span;
}

export type IrFix =
  | { kind: 'remove' }
  | { kind: 'replace'; with: IrExpr; matchVar: number }
  | { kind: 'insert'; text: IrExpr; into: IrExpr; at: 'start' | 'end' };

export interface IrRule {
  id: string;
  fullId: string;
  severity: Severity;
  message: IrExpr;
  messageText: string;
  /** `each x in list`: the rule runs once per item; `varId` is the item's variable. */
  each: { varId: number; collection: IrExpr } | null;
  when: IrExpr | null;
  clauses: IrClause[];
  hint: IrExpr | null;
  hintText?: string;
  source?: string;
  fix: IrFix | null;
  /** The rule is about metrics: it runs once, after all records are counted. */
  dataset: boolean;
  doc?: string;
  span: Span;
}

export interface IrExample {
  name: string;
  /** One record, or a list of records (policies with metrics). */
  given: JsonValue;
  /** The day the example is checked as of (UTC midnight, ms), when given. */
  asOf: number | null;
  fires: string[];
  absent: string[];
  nothing: boolean;
  span: Span;
}

export interface IrPolicy {
  id: string;
  title: string;
  source?: string;
  version?: string;
  inputRecord: string;
  records: IrRecord[];
  enums: Array<{ name: string; members: string[] }>;
  /** Constant values, referenced by index from the code. */
  constants: JsonValue[];
  /** Phrase lists, referenced by index. */
  phrases: Array<{ name: string; phrases: string[] }>;
  /** Regex sources, referenced by index. */
  regexes: Array<{ source: string; flags: string }>;
  metrics: IrMetric[];
  rules: IrRule[];
  examples: IrExample[];
}

export interface IrMetric {
  name: string;
  title: string;
  kind: 'count' | 'rate' | 'total' | 'average' | 'minimum' | 'maximum';
  /** The condition of a rate, the value of total/average/minimum/maximum; null for count. */
  expr: IrExpr | null;
  where: IrExpr | null;
  window: { days: number; by: IrExpr; byText: string } | null;
  groupBy: Array<{ expr: IrExpr; text: string }>;
  /** The metric's value type (always nullable: no data). */
  type: Type;
  span: Span;
}

export interface IrField {
  name: string;
  type: Type;
  optional: boolean;
  default: JsonValue | undefined;
  aliases: string[];
  doc?: string;
}

export interface IrRecord {
  name: string;
  fields: IrField[];
  doc?: string;
}
