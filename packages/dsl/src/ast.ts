/**
 * The abstract syntax tree of a policy file.
 *
 * Every node carries a `span` of offsets into the source text; line and column
 * are computed only when something is shown. The tree survives syntax errors:
 * a construct the parser could not read becomes an `ErrorNode` (or a missing
 * optional piece), so later phases and editors keep working on the rest.
 */

/** Half-open range of offsets into the source text: [start, end). */
export interface Span {
  start: number;
  end: number;
}

export interface Node {
  span: Span;
}

/** A name as written, with its own span (for go-to-definition and diagnostics). */
export interface Name extends Node {
  kind: 'Name';
  /** May contain hyphens: `buyer-messaging`, `outside-window`. */
  text: string;
}

export interface PolicyFile extends Node {
  kind: 'PolicyFile';
  header: PolicyHeader | null;
  imports: ImportDecl[];
  declarations: Declaration[];
  /** Comments in source order; the formatter puts them back. */
  comments: Comment[];
}

export interface Comment extends Node {
  kind: 'Comment';
  /** The comment text including the leading `#`. */
  text: string;
}

/**
 * `policy buyer-messaging "Buyer-Seller Messaging"`
 * followed by optional `source "..."`, `version "..."` and `input Message` lines.
 */
export interface PolicyHeader extends Node {
  kind: 'PolicyHeader';
  id: Name;
  title: StringLit | null;
  source: StringLit | null;
  version: StringLit | null;
  /** The record type each input row is read as. Defaults to the last record declared. */
  input: Name | null;
  doc: string | null;
}

/** `import { Attachment, marketingPhrases } from "./common.policy"` */
export interface ImportDecl extends Node {
  kind: 'ImportDecl';
  names: Name[];
  from: StringLit;
}

export type Declaration =
  | RecordDecl
  | EnumDecl
  | ConstDecl
  | LetDecl
  | PhrasesDecl
  | MetricDecl
  | RuleDecl
  | ExampleDecl
  | ErrorNode;

/** A doc comment (`## ...` lines) directly above a declaration or field. */
export interface Documented {
  doc: string | null;
}

/** `record Message { orderId: string from "order-id"  body: text ... }` */
export interface RecordDecl extends Node, Documented {
  kind: 'RecordDecl';
  name: Name;
  fields: FieldDecl[];
}

export interface FieldDecl extends Node, Documented {
  kind: 'FieldDecl';
  name: Name;
  type: TypeRef;
  /** `?` after the type: the field may be missing, null or empty. */
  optional: boolean;
  /** `= expr`: used when the field is missing. */
  default: Expr | null;
  /** `from "purchase-date", "purchase date"`: other keys the value may be read from. */
  aliases: StringLit[];
}

export type TypeRef = NamedType | ListType | MapType | InlineEnumType | ErrorNode;

/** `string`, `text`, `number`, `integer`, `percent`, `boolean`, `date`, `datetime`, `duration`, or a declared record/enum name. */
export interface NamedType extends Node {
  kind: 'NamedType';
  name: Name;
}

/** `list<Attachment>` */
export interface ListType extends Node {
  kind: 'ListType';
  element: TypeRef;
}

/** `map<string>`: an object whose keys are strings and whose values have the given type. */
export interface MapType extends Node {
  kind: 'MapType';
  value: TypeRef;
}

/** `enum(instructions, warranty, invoice, other)` written in place of a type. */
export interface InlineEnumType extends Node {
  kind: 'InlineEnumType';
  members: Name[];
}

/** `enum Purpose { order_issue, additional_info, ... }` */
export interface EnumDecl extends Node, Documented {
  kind: 'EnumDecl';
  name: Name;
  members: Name[];
}

/**
 * `const maxDays = 30 days`
 * `const requiredCertificates: map<list<string>> = { "toys": ["CPC"] }` (a lookup table)
 */
export interface ConstDecl extends Node, Documented {
  kind: 'ConstDecl';
  name: Name;
  type: TypeRef | null;
  value: Expr;
}

/**
 * `let sellerFulfilled = lower(trim(fulfillmentChannel)) in channels`: a named value or
 * condition over the input record, written once and used by name in rules, metrics
 * and other lets. Unlike a `const`, it is computed for each record.
 */
export interface LetDecl extends Node, Documented {
  kind: 'LetDecl';
  name: Name;
  value: Expr;
}

/** `phrases marketing = ["coupon", "promo code", "% off"]`: matched case-insensitively on word boundaries. */
export interface PhrasesDecl extends Node, Documented {
  kind: 'PhrasesDecl';
  name: Name;
  phrases: StringLit[];
}

/**
 * A measure over the whole input (a dataset), computed in one pass:
 * ```
 * metric order-defect-rate "Order defect rate" {
 *   rate negativeFeedback or azClaim or chargeback
 *   where fulfillmentChannel == "MFN"
 *   over 60 days by purchaseDate
 *   group by sku
 * }
 * ```
 */
export interface MetricDecl extends Node, Documented {
  kind: 'MetricDecl';
  name: Name;
  title: StringLit | null;
  aggregate: MetricAggregate | null;
  /** Which records count at all. */
  where: Expr | null;
  /** Only records whose date lies in the last N days up to the as-of day. */
  window: { length: DurationLit; by: Expr; span: Span } | null;
  /** Breakdowns: the metric is also computed per value of each of these. */
  groupBy: Expr[];
}

export interface MetricAggregate extends Node {
  kind: 'Aggregate';
  /** count: records; rate: share of records for which `expr` holds; the others: of `expr`'s values. */
  aggregate: 'count' | 'rate' | 'total' | 'average' | 'minimum' | 'maximum';
  expr: Expr | null;
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * ```
 * rule email-address error "Remove the email address {matched}" {
 *   when purpose != "other"
 *   forbid emails(body)
 *   hint "Buyers reach you through Amazon's messaging; do not give other contact details."
 *   source "Communication guidelines, not permitted: email addresses"
 *   fix remove
 * }
 * ```
 */
export interface RuleDecl extends Node, Documented {
  kind: 'RuleDecl';
  id: Name;
  severity: SeverityNode | null;
  message: TemplateLit | null;
  /**
   * `each m in performanceMetrics`: the rule runs once per item, with the item
   * in scope for its conditions, message and hint; violations point at the item.
   */
  each: EachNode | null;
  when: Expr | null;
  /** Each clause is checked on its own: every failing clause is one violation. */
  clauses: Clause[];
  hint: TemplateLit | null;
  source: StringLit | null;
  fix: FixNode | null;
}

export interface EachNode extends Node {
  kind: 'Each';
  variable: Name;
  collection: Expr;
}

export interface SeverityNode extends Node {
  kind: 'Severity';
  value: Severity;
}

/** `require expr` (must hold) or `forbid expr` (must not hold), with an optional message of its own. */
export interface Clause extends Node {
  kind: 'Clause';
  mode: 'require' | 'forbid';
  condition: Expr;
  message: TemplateLit | null;
}

/**
 * `fix remove`: delete the matched spans.
 * `fix replace <template>`: replace each matched span; `match` is bound to the span's match.
 * `fix insert <template> into <field> at start|end`: add text to a field.
 */
export type FixNode = RemoveFix | ReplaceFix | InsertFix;

export interface RemoveFix extends Node {
  kind: 'RemoveFix';
}

export interface ReplaceFix extends Node {
  kind: 'ReplaceFix';
  with: Expr;
}

export interface InsertFix extends Node {
  kind: 'InsertFix';
  text: Expr;
  into: Expr;
  at: 'start' | 'end';
}

/**
 * ```
 * example "email in body" {
 *   given { orderId: "112-1234567-1234567", body: "write to me at a@b.com" }
 *   expect email-address
 *   expect not phone-number
 * }
 * ```
 * `expect nothing` asserts that no rule fires.
 */
export interface ExampleDecl extends Node {
  kind: 'ExampleDecl';
  name: StringLit;
  /** One record, or a list of records for policies with metrics. */
  given: Expr | null;
  /** `as of 2026-11-20`: the day the example is checked as of (metrics' windows, today()). */
  asOf: DateLit | null;
  expectations: Expectation[];
}

export interface Expectation extends Node {
  kind: 'Expectation';
  /** `fires`: `expect a, b`; `absent`: `expect not a`; `nothing`: `expect nothing`. */
  mode: 'fires' | 'absent' | 'nothing';
  rules: Name[];
}

/** Something the parser could not read. Later phases skip it silently: the parser already reported it. */
export interface ErrorNode extends Node {
  kind: 'Error';
}

// ---------------------------------------------------------------- expressions

export type Expr =
  | NumberLit
  | PercentLit
  | DurationLit
  | DateLit
  | StringLit
  | TemplateLit
  | BoolLit
  | NullLit
  | ListLit
  | ObjectLit
  | Ident
  | Member
  | Index
  | Call
  | Unary
  | Binary
  | Quantifier
  | Conditional
  | Paren
  | ErrorNode;

export interface NumberLit extends Node {
  kind: 'Number';
  value: number;
  raw: string;
}

/** `2.5%`; `value` is the fraction (0.025). */
export interface PercentLit extends Node {
  kind: 'Percent';
  value: number;
  raw: string;
}

export type DurationUnit = 'second' | 'minute' | 'hour' | 'day' | 'week';

/** `30 days`; `ms` is the length in milliseconds. */
export interface DurationLit extends Node {
  kind: 'Duration';
  amount: number;
  unit: DurationUnit;
  ms: number;
  raw: string;
}

/** `2026-11-03` (a date) or `2026-11-03T10:00:00Z` (a datetime); `ms` is milliseconds since the epoch, UTC. */
export interface DateLit extends Node {
  kind: 'Date';
  withTime: boolean;
  ms: number;
  raw: string;
}

/** A string with escapes resolved. `raw` is the text between the quotes as written. */
export interface StringLit extends Node {
  kind: 'String';
  value: string;
  /** The text between the quotes, as written. */
  raw: string;
  /** Written `r"..."`: no escapes, `value` is `raw`. */
  rawString?: true;
}

/** A string with `{expr}` interpolations: messages, hints and fix texts. */
export interface TemplateLit extends Node {
  kind: 'Template';
  /** Alternating literal text and expressions, in order. */
  parts: Array<{ kind: 'Text'; value: string; span: Span } | { kind: 'Interp'; expr: Expr; span: Span }>;
  raw: string;
  /** Written `r"..."`: no escapes; every `{` starts a value. */
  rawString?: true;
}

export interface BoolLit extends Node {
  kind: 'Bool';
  value: boolean;
}

export interface NullLit extends Node {
  kind: 'Null';
}

export interface ListLit extends Node {
  kind: 'List';
  items: Expr[];
}

/** `{ key: value, "other key": value }` */
export interface ObjectLit extends Node {
  kind: 'Object';
  entries: ObjectEntry[];
}

export interface ObjectEntry extends Node {
  kind: 'Entry';
  /** The key as written; quoted keys have their quotes removed. */
  key: Name;
  value: Expr;
}

export interface Ident extends Node {
  kind: 'Ident';
  name: string;
}

/** `a.kind` */
export interface Member extends Node {
  kind: 'Member';
  object: Expr;
  property: Name;
}

/** `requiredCertificates[category]`, `items[0]` */
export interface Index extends Node {
  kind: 'Index';
  object: Expr;
  index: Expr;
}

/** `emails(body)`, `lower(title)`, `phrases(body, marketing)` */
export interface Call extends Node {
  kind: 'Call';
  callee: Name;
  args: Expr[];
}

export type UnaryOp = 'not' | '-';

export interface Unary extends Node {
  kind: 'Unary';
  op: UnaryOp;
  operand: Expr;
}

export type BinaryOp =
  | 'or'
  | 'and'
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'in'
  | 'not in'
  | 'contains'
  | 'startsWith'
  | 'endsWith'
  | 'matches'
  | '+'
  | '-'
  | '*'
  | '/';

export interface Binary extends Node {
  kind: 'Binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
  /** Span of the operator token, for diagnostics that point at it. */
  opSpan: Span;
}

/** `any a in attachments: a.kind == "other"`, `all ...`, `count ...` */
export interface Quantifier extends Node {
  kind: 'Quantifier';
  quantifier: 'any' | 'all' | 'count';
  variable: Name;
  collection: Expr;
  body: Expr;
}

/** `if cond then a else b` */
export interface Conditional extends Node {
  kind: 'Conditional';
  test: Expr;
  then: Expr;
  else: Expr;
}

/** `( expr )`: kept so the formatter can keep the author's parentheses. */
export interface Paren extends Node {
  kind: 'Paren';
  expr: Expr;
}

export type AnyNode =
  | PolicyFile
  | PolicyHeader
  | ImportDecl
  | Declaration
  | FieldDecl
  | TypeRef
  | Clause
  | FixNode
  | Expectation
  | Expr
  | ObjectEntry
  | Name;
