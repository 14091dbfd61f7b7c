/**
 * The SQL of a dataset policy: one query that reads every row once and
 * returns, for each combination of group values, every metric's parts
 * (records counted, numerator, sum, minimum, maximum). Summing the rows gives
 * a metric's overall value; summing them by a group column gives its
 * breakdown. One scan whatever the number of metrics and groups, and no CTEs
 * or grouping sets, so ClickHouse 18 and every warehouse run the same shape.
 *
 * Layers, inside out: `parts` (regex pieces of each cell, and the as-of day),
 * `typed` (each field in the runtime's form, and whether the row is
 * unreadable), `per_record` (group values, and which metrics count the row),
 * then the aggregate. Inner names (sg_f0, sg_k0, sg_m0...) are generated with
 * a prefix no source column starts with (names.ts); names from the policy
 * appear only as quoted column aliases and in comments.
 */
import type { IrMetric, IrPolicy, IrRule } from '../compile/ir.js';
import { castField } from './casts.js';
import type { SourceColumn } from './columns.js';
import { mapColumns } from './columns.js';
import type { Dialect } from './dialect.js';
import { condition, value, type ExprScope } from './expr.js';
import { NotPushable } from './not-pushable.js';
import { queryNames, type QueryNames } from './names.js';

export interface QuerySource {
  /** A table expression, already safe SQL: a quoted table name or a reader call built by an engine. */
  from: string;
  /** The source's columns (names as the source spells them). */
  columns: readonly SourceColumn[];
  /**
   * Columns to carry through unchanged to the row query (e.g. an engine's row number), as safe SQL
   * names; made with `queryNames(columns)` so that no source column has their names.
   */
  carry?: readonly string[];
}

export interface QueryOptions {
  /** The as-of day, YYYY-MM-DD: a literal for dialects without parameters, and the example value in the comment. */
  asOfDay: string;
  /** The policy text, for the comment above each metric. */
  policySource?: string;
}

/** Where each part of the result is, by column position. */
export interface QueryLayout {
  /** Group columns: the group text as written, and its position. */
  groups: Array<{ text: string; column: number }>;
  records: number;
  unreadable: number;
  metrics: Array<{ name: string; kind: IrMetric['kind']; den: number; num?: number; sum?: number; min?: number; max?: number; groups: number[] }>;
}

/** A policy part with no SQL form, named for people: which rule or metric, and what in it. */
export class NotPushableError extends Error {
  override name = 'NotPushableError';
  constructor(
    readonly where: string,
    readonly construct: string,
  ) {
    super(`${where} cannot run as SQL: it uses ${construct}, which has no SQL form`);
  }
}

function inside<T>(where: string, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof NotPushable) throw new NotPushableError(where, e.construct);
    throw e;
  }
}

interface Layers {
  scope: ExprScope;
  name: QueryNames;
  /** `SELECT ... FROM (SELECT ... FROM source) AS parts` giving the fields, the unreadable flag, the as-of day and the carried columns. */
  typedSql: string[];
  /** The same layers as named expressions (`expr AS alias`), inner first, without the carried columns: for a single-level query. */
  named: string[];
}

function typedLayers(ir: IrPolicy, d: Dialect, source: QuerySource, asOfDay: string, withRaw = false): Layers {
  const record = ir.records.find((r) => r.name === ir.inputRecord);
  if (!record) throw new Error(`the input record ${ir.inputRecord} is not declared`);
  const columns = mapColumns(record, source.columns);
  const name = queryNames(source.columns);
  const asOfMs = name('as_of_ms');
  const casts = record.fields.map((f, i) => inside(`the record field '${f.name}'`, () => castField(d, f, i, columns[i], columns[i] ? d.ident(columns[i]!.name) : null, name)));
  const raw = withRaw ? source.columns.map((_, i) => name(`raw${i}`)) : [];
  const carry = [...(source.carry ?? []), ...raw];
  const parts = [
    ...casts.flatMap((c) => c.parts.map((p) => `${p.sql} AS ${p.alias}`)),
    `${d.dayMs(d.asOfParam(asOfDay))} AS ${asOfMs}`,
    ...(source.carry ?? []),
    ...source.columns.filter(() => withRaw).map((c, i) => `${d.ident(c.name)} AS ${raw[i]}`),
  ];
  const typed = [
    ...casts.map((c, i) => `${c.value} AS ${name(`f${i}`)}`),
    `${casts.length > 0 ? casts.map((c) => c.invalid).join(' OR ') : d.bool(false)} AS ${name('invalid')}`,
    asOfMs,
    ...carry,
  ];
  const fieldIndex = new Map(record.fields.map((f, i) => [f.name, i]));
  const scope: ExprScope = { d, policy: ir, asOfMs, fieldColumn: (field) => (fieldIndex.has(field) ? name(`f${fieldIndex.get(field)}`) : undefined) };
  const numbers = casts.flatMap((c) => (c.numbers ?? []).map((n) => `${n.sql} AS ${n.alias}`));
  const named = [
    ...casts.flatMap((c) => c.parts.map((p) => `${p.sql} AS ${p.alias}`)),
    `${d.dayMs(d.asOfParam(asOfDay))} AS ${asOfMs}`,
    ...numbers,
    ...typed.slice(0, casts.length + 1),
  ];
  const partsSql = [`      SELECT`, indent(parts, 8), `      FROM ${source.from}`];
  // Numbers read from the parts get a layer of their own, between the parts and the typed fields.
  const inner = numbers.length > 0 ? [`      SELECT *,`, indent(numbers, 8), `      FROM (`, ...partsSql.map((l) => `  ${l}`), `      ) AS ${name('cells')}`] : partsSql;
  return {
    scope,
    name,
    named,
    typedSql: [`    SELECT`, indent(typed, 6), `    FROM (`, ...inner, `    ) AS ${name('parts')}`],
  };
}

const indent = (items: string[], n: number) => items.map((x, i) => `${' '.repeat(n)}${x}${i < items.length - 1 ? ',' : ''}`).join('\n');

/** The metric query of a policy (throws NotPushableError naming the metric and construct without a SQL form). */
export function metricQuery(ir: IrPolicy, d: Dialect, source: QuerySource, opts: QueryOptions): { sql: string; layout: QueryLayout } {
  const { scope, name, typedSql, named: layerExprs } = typedLayers(ir, d, source, opts.asOfDay);
  const invalid = name('invalid');
  const groupTexts: string[] = [];
  const groupSql: string[] = [];
  const perRecord: string[] = [];
  /** The result columns: an aggregate (or group key) and its name. */
  const outer: Array<[string, string]> = [];
  const layout: QueryLayout = { groups: [], records: 0, unreadable: 0, metrics: [] };
  for (const m of ir.metrics) {
    for (const g of m.groupBy) {
      if (groupTexts.includes(g.text)) continue;
      groupSql.push(inside(`the metric '${m.name}' (group by ${g.text})`, () => value(g.expr, scope)));
      groupTexts.push(g.text);
    }
  }
  groupSql.forEach((sql, k) => {
    perRecord.push(`${sql} AS ${name(`k${k}`)}`);
    layout.groups.push({ text: groupTexts[k], column: outer.length });
    outer.push([name(`k${k}`), groupTexts[k]]);
  });
  layout.records = outer.length;
  outer.push(['count(*)', 'records']);
  layout.unreadable = outer.length;
  outer.push([`sum(CASE WHEN ${invalid} THEN 1 ELSE 0 END)`, 'unreadable']);
  const comments: string[] = [];
  ir.metrics.forEach((m, i) => {
    const where = `the metric '${m.name}'`;
    const conditions = [`NOT ${invalid}`];
    if (m.where) conditions.push(inside(where, () => condition(m.where!, scope)));
    if (m.window) {
      const by = inside(where, () => value(m.window!.by, scope));
      conditions.push(`${by} >= ${scope.asOfMs} - ${(m.window.days - 1) * 86_400_000}`, `${by} < ${scope.asOfMs} + 86400000`);
    }
    const [mi, hi, vi] = [name(`m${i}`), name(`h${i}`), name(`v${i}`)];
    perRecord.push(`${conditions.join(' AND ')} AS ${mi}`);
    const alias = (part: string) => `${m.name} ${part}`;
    const entry: QueryLayout['metrics'][number] = { name: m.name, kind: m.kind, den: 0, groups: m.groupBy.map((g) => groupTexts.indexOf(g.text)) };
    if (m.kind === 'count' || m.kind === 'rate') {
      entry.den = outer.length;
      outer.push([`sum(CASE WHEN ${mi} THEN 1 ELSE 0 END)`, alias('records')]);
    }
    if (m.kind === 'rate') {
      perRecord.push(`${inside(where, () => condition(m.expr!, scope))} AS ${hi}`);
      entry.num = outer.length;
      outer.push([`sum(CASE WHEN ${mi} AND ${hi} THEN 1 ELSE 0 END)`, alias('numerator')]);
    }
    if (m.kind !== 'count' && m.kind !== 'rate') {
      perRecord.push(`${inside(where, () => value(m.expr!, scope))} AS ${vi}`);
      entry.den = outer.length;
      outer.push([`sum(CASE WHEN ${mi} AND ${vi} IS NOT NULL THEN 1 ELSE 0 END)`, alias('values')]);
      entry.sum = outer.length;
      outer.push([`sum(CASE WHEN ${mi} THEN ${vi} END)`, alias('sum')]);
      entry.min = outer.length;
      outer.push([`min(CASE WHEN ${mi} THEN ${vi} END)`, alias('minimum')]);
      entry.max = outer.length;
      outer.push([`max(CASE WHEN ${mi} THEN ${vi} END)`, alias('maximum')]);
    }
    layout.metrics.push(entry);
    comments.push(...metricComment(d, m, opts.policySource));
  });
  perRecord.push(invalid);
  const head = [
    d.comment(`Metrics of the policy ${ir.id} (${ir.title}).`),
    ...(ir.source ? [d.comment(`Source: ${ir.source}`)] : []),
    d.comment(d.paramNote ? `Parameter ${d.paramNote}.` : `As of ${opts.asOfDay} (this engine has no query parameters: the day is written into the query).`),
    d.comment('One row per combination of group values. Sum a metric column over all rows for its overall value,'),
    d.comment('and by a group column for its breakdown. A rate is numerator / records; an average is sum / values.'),
    ...comments,
  ];
  const groupBy = groupSql.length > 0 ? [`GROUP BY ${groupSql.map((_, k) => name(`k${k}`)).join(', ')}`] : [];
  if (d.name === 'clickhouse') {
    // A Distributed table aggregates on its shards only when the query aggregates over it directly:
    // every layer becomes a WITH expression (an alias ClickHouse substitutes, not a CTE), so each
    // shard returns one row per group with partial sums and the first server merges them.
    // ClickHouse 18 resolves WITH aliases only at the top level and loses them when a group key is
    // renamed, so group columns keep their generated names (a comment says which is which); a
    // result name that is also a source column would shadow it, so it gets a suffix.
    const sourceNames = new Set(source.columns.map((c) => c.name));
    const resultName = (name: string) => d.ident(sourceNames.has(name) ? `${name} (result)` : name);
    const isGroup = (j: number) => layout.groups.some((g) => g.column === j);
    const sql = [
      ...head,
      ...layout.groups.map((g, k) => d.comment(`${name(`k${k}`)}: the group ${g.text}`)),
      'WITH',
      indent([...layerExprs, ...perRecord.filter((x) => x !== invalid)], 2),
      'SELECT',
      indent(outer.map(([expr, name], j) => (isGroup(j) ? expr : `${expr} AS ${resultName(name)}`)), 2),
      `FROM ${source.from}`,
      ...groupBy,
    ].join('\n');
    return { sql, layout };
  }
  const sql = [
    ...head,
    'SELECT',
    indent(outer.map(([expr, name]) => `${expr} AS ${d.ident(name)}`), 2),
    'FROM (',
    '  SELECT',
    indent(perRecord, 4),
    '  FROM (',
    ...typedSql,
    `  ) AS ${name('typed')}`,
    `) AS ${name('per_record')}`,
    ...groupBy,
  ].join('\n');
  return { sql, layout };
}

function metricComment(d: Dialect, m: IrMetric, source: string | undefined): string[] {
  const out = [d.comment(`metric ${m.name} "${m.title}": ${m.kind}${m.window ? `, last ${m.window.days} days by ${m.window.byText}` : ''}${m.groupBy.length ? `, by ${m.groupBy.map((g) => g.text).join(', ')}` : ''}`)];
  if (source) {
    const line = source.slice(0, m.span.start).split('\n').length;
    out.push(d.comment(`  policy line ${line}:`));
    for (const text of source.slice(m.span.start, m.span.end).split('\n')) out.push(d.comment(`    ${text.trimEnd()}`));
  }
  return out;
}

/** A record rule's firing condition: `when` holds and some clause is broken. Throws NotPushableError naming the rule. */
function ruleFires(rule: IrRule, scope: ExprScope): string {
  return inside(`the rule '${rule.id}'`, () => {
    if (rule.each) throw new NotPushable("'each' over a list");
    const broken = rule.clauses.map((c) => (c.mode === 'require' ? `(NOT ${condition(c.condition, scope)})` : condition(c.condition, scope)));
    const any = broken.length > 0 ? `(${broken.join(' OR ')})` : scope.d.bool(false);
    return rule.when ? `(${condition(rule.when, scope)} AND ${any})` : any;
  });
}

/**
 * The rows that need a closer look: unreadable ones, and those where a
 * record rule fires. Returns the carried columns and the raw source columns
 * (in `source.columns` order), so the caller can decode and evaluate exactly
 * these rows with the policy's own code.
 */
export function rowsQuery(ir: IrPolicy, d: Dialect, source: QuerySource, opts: QueryOptions): string {
  const { scope, name, typedSql } = typedLayers(ir, d, source, opts.asOfDay, true);
  const rules = ir.rules.filter((r) => !r.dataset);
  const fires = rules.map((r) => ruleFires(r, scope));
  const picked = [...(source.carry ?? []), ...source.columns.map((_, i) => name(`raw${i}`))];
  return ['SELECT', indent(picked, 2), 'FROM (', ...typedSql, `) AS ${name('typed')}`, `WHERE ${name('invalid')}${fires.map((f) => ` OR ${f}`).join('')}`].join('\n');
}

/** Whether every record rule has a SQL form; the first that has none, named. */
export function recordRulesPushable(ir: IrPolicy, d: Dialect): NotPushableError | null {
  const record = ir.records.find((r) => r.name === ir.inputRecord);
  const fieldIndex = new Map((record?.fields ?? []).map((f, i) => [f.name, i]));
  // Only whether each rule has a SQL form matters here, not the names.
  const scope: ExprScope = { d, policy: ir, asOfMs: 'as_of_ms', fieldColumn: (name) => (fieldIndex.has(name) ? `f${fieldIndex.get(name)}` : undefined) };
  for (const rule of ir.rules.filter((r) => !r.dataset)) {
    try {
      ruleFires(rule, scope);
    } catch (e) {
      if (e instanceof NotPushableError) return e;
      throw e;
    }
  }
  return null;
}
