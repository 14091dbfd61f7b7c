/**
 * Stage 3a: emit the evaluator as plain JavaScript.
 *
 * One function per rule, named by its position (`rule_3`), with the rule id
 * and the condition's source in comments. Values that came from the policy
 * enter the code only through JSON.stringify or as indexes into the
 * constants (K), phrase-list (PH) and regex (RX) tables; identifiers are
 * never built from user text. Everything a run depends on besides the record
 * (the as-of day, the speller) comes in as `ctx`, the evaluation context.
 */
import { FUNCTIONS } from './builtins.js';
import { findAll, findFirst, metricsUsed, showKind, staticPath } from './ir-walk.js';
import type { IrExpr, IrFix, IrMetric, IrPolicy, IrRule } from './ir.js';
import type { Type } from './type-system.js';

const str = (s: string) => JSON.stringify(s);

/** A `//` comment made safe: one line, trimmed. */
function comment(text: string, max = 110): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

interface Ctx {
  /** The witness buffer expression ('W', or '[]' where witnesses are not wanted). */
  w: string;
  /** Quantifier variables whose items have a path. */
  varPaths: Set<number>;
  /** The scans several rules run (scanKey), shared through the record's `scans`; none in metrics. */
  shared: ReadonlySet<string>;
}

export function emitEvaluator(ir: IrPolicy, source: string): string {
  const lines: string[] = [];
  lines.push(`// Rules of policy ${str(ir.id)}: ${comment(ir.title, 80)}`);
  // In an object literal the key `__proto__` would set the prototype, not add an entry: such tables are parsed from JSON text.
  const constants = JSON.stringify(ir.constants);
  lines.push(constants.includes('"__proto__"') ? `const K = JSON.parse(${JSON.stringify(constants)});` : `const K = ${constants};`);
  lines.push(
    ir.phrases.length === 0
      ? 'const PH = [];'
      : `const PH = [\n${ir.phrases.map((p) => `  rt.phraseMatcher(${JSON.stringify(p.phrases)}), // ${comment(p.name)}`).join('\n')}\n];`,
  );
  lines.push(ir.regexes.length === 0 ? 'const RX = [];' : `const RX = [\n${ir.regexes.map((r) => `  rt.regex(${str(r.source)}),`).join('\n')}\n];`);
  lines.push(
    `const RULES = [\n${ir.rules.map((r) => `  { id: ${str(r.id)}, fullId: ${str(r.fullId)}, severity: ${str(r.severity)} },`).join('\n')}\n];`,
  );
  // Each rule's scans are looked up once: deciding what is shared and emitting both need them.
  const scans = ir.rules.map(scansOf);
  const shared = sharedScans(scans);
  const sharing = scans.map((s) => usesShared(s, shared));
  ir.rules.forEach((rule, i) => {
    lines.push('');
    for (const line of emitRule(rule, i, source, sharing[i] ? shared : null)) lines.push(line);
  });
  lines.push('');
  lines.push('function evaluate(r, ctx) {');
  lines.push('  const out = [];');
  if (shared.size > 0) lines.push('  const scans = rt.recordScans(); // a field several rules scan is scanned once');
  ir.rules.forEach((rule, i) => {
    if (!rule.dataset) lines.push(`  rule_${i}(r, out, ctx${sharing[i] ? ', scans' : ''}); // ${rule.fullId}`);
  });
  lines.push('  return out;');
  lines.push('}');
  lines.push(...emitMetrics(ir, source));
  return lines.join('\n');
}

/** Metrics: their definitions, one function that counts a record into them, and the rules about them. */
function emitMetrics(ir: IrPolicy, source: string): string[] {
  if (ir.metrics.length === 0) return ['', 'const METRICS = [];', 'function metricsAdd(r, S, ctx) {}', 'function evaluateDataset(M, ctx) {', '  return [];', '}'];
  const defs = ir.metrics.map((m) => ({
    name: m.name,
    title: m.title,
    kind: m.kind,
    days: m.window?.days ?? 0,
    by: m.window?.byText ?? '',
    groups: m.groupBy.map((g) => g.text),
    show: m.kind === 'rate' ? 'percent' : m.kind === 'count' ? 'integer' : showKind(m.type),
  }));
  const out = ['', `const METRICS = ${JSON.stringify(defs, null, 2)};`, '', '// Counts one record into every metric.', 'function metricsAdd(r, S, ctx) {'];
  ir.metrics.forEach((m, i) => out.push(...emitMetricAdd(m, i, source)));
  out.push('}', '');
  const datasetRules = ir.rules.map((rule, i) => [rule, i] as const).filter(([rule]) => rule.dataset);
  out.push('function evaluateDataset(M, ctx) {', '  const out = [];');
  for (const [rule, i] of datasetRules) out.push(`  rule_${i}(M, out, ctx); // ${rule.fullId}`);
  out.push('  return out;', '}');
  return out;
}

function emitMetricAdd(m: IrMetric, i: number, source: string): string[] {
  const ctx: Ctx = { w: '[]', varPaths: new Set(), shared: new Set() };
  const text = (e: IrExpr) => comment(source.slice(e.span.start, e.span.end));
  const keys = `[${m.groupBy.map((g) => expr(g.expr, ctx)).join(', ')}]`;
  const tally =
    m.kind === 'count'
      ? `rt.tallyCount(S, ${i}, ${keys});`
      : m.kind === 'rate'
        ? `rt.tallyRate(S, ${i}, Boolean(${m.expr ? expr(m.expr, ctx) : 'false'}), ${keys});`
        : `rt.tallyValue(S, ${i}, ${m.expr ? expr(m.expr, ctx) : 'null'}, ${keys});`;
  const conditions: string[] = [];
  if (m.where) conditions.push(expr(m.where, ctx));
  if (m.window) conditions.push(`rt.inWindow(S, ${i}, ${expr(m.window.by, ctx)})`);
  const out = [`  // metric ${m.name}${m.where ? `: where ${text(m.where)}` : ''}${m.window ? `; last ${m.window.days} days by ${m.window.byText}` : ''}`];
  if (conditions.length === 0) out.push(`  ${tally}`);
  else out.push(`  if (${conditions.join(' && ')}) ${tally}`);
  return out;
}

/** `shared`: the scans shared between rules, when this rule runs one of them (null when it runs none). */
function emitRule(rule: IrRule, index: number, source: string, shared: ReadonlySet<string> | null): string[] {
  const out: string[] = [];
  const scans = shared !== null;
  const ctx: Ctx = { w: 'W', varPaths: new Set(), shared: shared ?? new Set() };
  let pad = '  ';
  out.push(`// ${rule.fullId} (${rule.severity})`);
  const metrics = rule.dataset ? metricsUsed(rule) : [];
  out.push(`function rule_${index}(${rule.dataset ? 'M' : 'r'}, out, ctx${scans ? ', scans' : ''}) {`);
  if (rule.dataset) {
    out.push('  // a metric with no data passes: there is nothing to judge');
    out.push(`  if (${metrics.map((m) => `M[${m}] === null`).join(' || ')}) return;`);
  }
  if (rule.each) {
    const { base } = collectionPath(rule.each.collection, ctx);
    if (base !== null) ctx.varPaths.add(rule.each.varId);
    const id = rule.each.varId;
    out.push(`  // each item of ${comment(source.slice(rule.each.collection.span.start, rule.each.collection.span.end))}`);
    out.push(`  rt.each(${expr(rule.each.collection, ctx)}, ${base ?? 'null'}, (v${id}, p${id}) => {`);
    pad = '    ';
  }
  if (rule.when) {
    out.push(`${pad}// when ${comment(source.slice(rule.when.span.start, rule.when.span.end))}`);
    out.push(`${pad}if (!(${expr(rule.when, { ...ctx, w: '[]' })})) return;`);
  }
  out.push(`${pad}let W;`);
  for (const clause of rule.clauses) {
    out.push(`${pad}// ${clause.mode} ${comment(source.slice(clause.condition.span.start, clause.condition.span.end))}`);
    out.push(`${pad}W = [];`);
    const cond = expr(clause.condition, ctx);
    out.push(clause.mode === 'forbid' ? `${pad}if (${cond}) {` : `${pad}if (!(${cond})) {`);
    const message = expr(clause.message ?? rule.message, ctx);
    const hint = rule.hint ? expr(rule.hint, ctx) : 'null';
    const fix = rule.fix ? fixCode(rule.fix, ctx) : 'undefined';
    const eachPath = rule.each && ctx.varPaths.has(rule.each.varId) ? `p${rule.each.varId}` : null;
    const path = (clause.subject && pathCode(clause.subject, ctx)) ?? eachPath ?? str(clause.path || (rule.dataset ? `metrics.${datasetSubject(clause.condition)}` : ''));
    out.push(`${pad}  out.push(rt.violation(RULES[${index}], ${path}, W,`);
    out.push(`${pad}    ${message},`);
    out.push(`${pad}    ${hint},`);
    out.push(`${pad}    ${fix}));`);
    out.push(`${pad}}`);
  }
  if (rule.each) out.push(rule.each && collectionPath(rule.each.collection, ctx).keyed ? '  }, true);' : '  });');
  out.push('}');
  return out;
}

type Detect = Extract<IrExpr, { op: 'detect' }>;

/** What a scan looks for: a detector, a phrase list or a pattern. */
function scanKey(e: Detect): string {
  return e.phrases !== undefined ? `phrases ${e.phrases}` : e.regex !== undefined ? `pattern ${e.regex}` : `detector ${e.detector}`;
}

/** The text scans in a rule about a record (none in a rule about metrics). */
function scansOf(rule: IrRule): Detect[] {
  if (rule.dataset) return [];
  const fix = rule.fix?.kind === 'replace' ? [rule.fix.with] : rule.fix?.kind === 'insert' ? [rule.fix.text, rule.fix.into] : [];
  const parts = [rule.each?.collection, rule.when, rule.message, rule.hint, ...rule.clauses.flatMap((c) => [c.condition, c.message]), ...fix];
  return parts.flatMap((e) => (e == null ? [] : findAll<Detect>(e, (x) => x.op === 'detect')));
}

/**
 * The scans that appear more than once in the rules: only those are worth remembering for the record
 * (a scan written once runs once, and remembering it would cost more than it saves).
 */
function sharedScans(scansByRule: readonly Detect[][]): ReadonlySet<string> {
  const seen = new Map<string, number>();
  for (const scans of scansByRule) for (const e of scans) seen.set(scanKey(e), (seen.get(scanKey(e)) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n > 1).map(([key]) => key));
}

function usesShared(scans: readonly Detect[], shared: ReadonlySet<string>): boolean {
  return scans.some((e) => shared.has(scanKey(e)));
}

/** The first metric a condition reads, for the violation's path. */
function datasetSubject(e: IrExpr): string {
  return findFirst<Extract<IrExpr, { op: 'metric' }>>(e, (x) => x.op === 'metric')?.name ?? '';
}

/** Where the items of a list live: `attachments` ([i] per item), or a table whose keys are the items. */
function collectionPath(e: IrExpr, ctx: Ctx): { base: string | null; keyed: boolean } {
  if (e.op === 'call' && e.fn === 'keys') return { base: pathCode(e.args[0], ctx), keyed: true };
  return { base: pathCode(e, ctx), keyed: false };
}

function fixCode(fix: IrFix, ctx: Ctx): string {
  switch (fix.kind) {
    case 'remove':
      return 'rt.fixRemove(r, W)';
    case 'replace':
      return `rt.fixReplace(W, (v${fix.matchVar}) => ${expr(fix.with, ctx)})`;
    case 'insert':
      return `rt.fixInsert(r, ${str(staticPath(fix.into) ?? '')}, ${expr(fix.text, ctx)}, ${str(fix.at)})`;
  }
}

/** The JavaScript for the path of a value, when it is known (a field chain); null otherwise. */
function pathCode(e: IrExpr, ctx: Ctx): string | null {
  const fixed = staticPath(e);
  if (fixed !== undefined) return str(fixed);
  if (e.op === 'var') return ctx.varPaths.has(e.id) ? `p${e.id}` : null;
  if (e.op === 'field') {
    const base = pathCode(e.object, ctx);
    return base === null ? null : `${base} + ${str(`.${e.name}`)}`;
  }
  if (e.op === 'index') {
    const base = pathCode(e.object, ctx);
    if (base === null) return null;
    if (e.object.type.k === 'map') return `${base} + "." + ${expr(e.index, ctx)}`;
    return `${base} + "[" + ${expr(e.index, ctx)} + "]"`;
  }
  return null;
}

const SIMPLE = new Set(['number', 'integer', 'percent', 'string', 'text', 'enum', 'boolean', 'date', 'datetime', 'duration']);
const plainValue = (t: Type) => SIMPLE.has(t.k) && !t.nullable;

function literal(value: unknown, type: Type): string {
  const json = JSON.stringify(value);
  if (type.k === 'duration' && typeof value === 'number') return `${json} /* ${value / 86_400_000} days */`;
  if ((type.k === 'date' || type.k === 'datetime') && typeof value === 'number')
    return `${json} /* ${new Date(value).toISOString().replace('T00:00:00.000Z', '')} */`;
  return json;
}

const CMP_FN = { '==': 'equal', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' } as const;
const ARITH_FN = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div' } as const;

export function expr(e: IrExpr, ctx: Ctx): string {
  switch (e.op) {
    case 'lit':
      return literal(e.value, e.type);
    case 'root':
      return 'r';
    case 'var':
      return `v${e.id}`;
    case 'const':
      return `K[${e.index}] /* ${e.name} */`;
    case 'metric':
      return `M[${e.index}] /* ${e.name} */`;
    case 'field': {
      const object = expr(e.object, ctx);
      if (e.object.type.k === 'map') return `rt.at(${object}, ${str(e.name)})`;
      return `${object}${e.object.type.nullable ? '?.' : ''}[${str(e.name)}]`;
    }
    case 'index':
      return `rt.at(${expr(e.object, ctx)}, ${expr(e.index, ctx)})`;
    case 'call': {
      const args = e.args.map((a) => expr(a, ctx));
      if (e.fn === 'count') {
        const { base, keyed } = collectionPath(e.args[0], ctx);
        return `rt.countAll(${args[0]}, ${ctx.w}, ${base ?? 'null'}${keyed ? ', true' : ''})`;
      }
      // Built-ins that depend on the run (today()) take the evaluation context first.
      return `rt.${e.fn}(${(FUNCTIONS[e.fn]?.usesContext ? ['ctx', ...args] : args).join(', ')})`;
    }
    case 'detect': {
      const path = pathCode(e.arg, ctx) ?? '""';
      const scans = ctx.shared.has(scanKey(e)) ? ', scans' : '';
      if (e.phrases !== undefined) return `rt.phrases(PH[${e.phrases}], ${expr(e.arg, ctx)}, ${path}${scans})`;
      if (e.regex !== undefined) return `rt.find(RX[${e.regex}], ${expr(e.arg, ctx)}, ${path}${scans})`;
      return `rt.detect(${str(e.detector)}, ${expr(e.arg, ctx)}, ${path}, ctx${scans})`;
    }
    case 'cond':
      return `(${expr(e.test, ctx)} ? ${expr(e.then, ctx)} : ${expr(e.else, ctx)})`;
    case 'not':
      return `!${wrap(expr(e.operand, ctx))}`;
    case 'neg':
      return e.operand.type.nullable ? `rt.neg(${expr(e.operand, ctx)})` : `-${wrap(expr(e.operand, ctx))}`;
    case 'and':
      return `(${expr(e.left, ctx)} && ${expr(e.right, ctx)})`;
    case 'or':
      return `(${expr(e.left, ctx)} || ${expr(e.right, ctx)})`;
    case 'cmp': {
      const l = expr(e.left, ctx);
      const r = expr(e.right, ctx);
      // `x == null` / `x != null` test presence; every other comparison with a missing value is false (rt.equal, rt.ne).
      if ((e.cmp === '==' || e.cmp === '!=') && (isNullLiteral(e.left) || isNullLiteral(e.right))) return `(${l} ${e.cmp} ${r})`;
      if (plainValue(e.left.type) && plainValue(e.right.type)) return `(${l} ${e.cmp === '==' ? '===' : e.cmp === '!=' ? '!==' : e.cmp} ${r})`;
      return `rt.${CMP_FN[e.cmp]}(${l}, ${r})`;
    }
    case 'arith': {
      const l = expr(e.left, ctx);
      const r = expr(e.right, ctx);
      if (e.arith !== '/' && !e.left.type.nullable && !e.right.type.nullable && e.type.k !== 'unknown') return `(${l} ${e.arith} ${r})`;
      return `rt.${ARITH_FN[e.arith]}(${l}, ${r})`;
    }
    case 'concat':
      return e.type.k === 'list' ? `rt.concatLists(${expr(e.left, ctx)}, ${expr(e.right, ctx)})` : `rt.concat(${expr(e.left, ctx)}, ${expr(e.right, ctx)})`;
    case 'in': {
      const item = expr(e.item, ctx);
      const coll = expr(e.collection, ctx);
      const t = e.collection.type.k;
      const test = t === 'map' ? `rt.hasKey(${coll}, ${item})` : t === 'list' ? `rt.inList(${item}, ${coll})` : `rt.contains(${coll}, ${item})`;
      return e.negated ? `!${test}` : test;
    }
    case 'strop':
      return `rt.${e.strop}(${expr(e.left, ctx)}, ${expr(e.right, ctx)})`;
    case 'listContains':
      return `rt.listContains(${expr(e.list, ctx)}, ${expr(e.item, ctx)})`;
    case 'matches':
      return `RX[${e.regex}].test(${expr(e.subject, ctx)})`;
    case 'quant': {
      const { base, keyed } = collectionPath(e.collection, ctx);
      const inner: Ctx = { ...ctx, varPaths: new Set(ctx.varPaths) };
      if (base !== null) inner.varPaths.add(e.varId);
      const fn = e.q === 'any' ? 'any' : e.q === 'all' ? 'all' : 'countWhere';
      return `rt.${fn}(${expr(e.collection, ctx)}, ${base ?? 'null'}, (v${e.varId}, p${e.varId}) => ${expr(e.body, inner)}, ${ctx.w}${keyed ? ', true' : ''})`;
    }
    case 'nonEmpty': {
      const { base, keyed } = collectionPath(e.list, ctx);
      return `rt.nonEmpty(${expr(e.list, ctx)}, ${ctx.w}, ${base ?? 'null'}${keyed ? ', true' : ''})`;
    }
    case 'list':
      return `[${e.items.map((i) => expr(i, ctx)).join(', ')}]`;
    case 'object':
      // Computed keys: a literal `"__proto__": …` would set the prototype instead of an entry.
      return `{ ${e.entries.map((en) => `[${str(en.key)}]: ${expr(en.value, ctx)}`).join(', ')} }`;
    case 'matched':
      return `rt.matched(${ctx.w})`;
    case 'template':
      return e.parts
        .map((p) => (typeof p === 'string' ? str(p) : p.op === 'matched' ? expr(p, ctx) : `rt.show(${expr(p, ctx)}, ${str(showKind(p.type))})`))
        .join(' + ');
  }
}

function isNullLiteral(e: IrExpr): boolean {
  return e.op === 'lit' && e.value === null;
}

function wrap(code: string): string {
  return /^[\w.$]+$/.test(code) ? code : `(${code})`;
}
