/**
 * Names that collide without an error from the resolver:
 *
 * - a rule named like a metric it does not check (SG2019). A rule that sets the
 *   target of the metric of the same name (`rule order-defect-rate { require
 *   order-defect-rate < 1% }`) is the intended pairing and is fine;
 * - a name that hides another (SG2020, a warning): in an expression a name is
 *   looked up as a quantifier or `each` variable, then a field of the input
 *   record, then a let, then a constant, then a metric; whatever comes later
 *   under the same name is never read there.
 *
 * Checker stage 7 (after rules): it reads the rules' IR to see which metrics they check.
 */
import type { Diagnostic, Expr, MetricDecl, Name, PolicyFile, RuleDecl } from '@sellguard/dsl';
import { M, diag } from '../codes.js';
import type { IrRule } from '../ir.js';
import { findAll, ruleConditions } from '../ir-walk.js';
import type { Scope } from '../resolve.js';
import type { Type } from '../type-system.js';
import type { LetTable } from './lets.js';

export interface NameClashInput {
  ast: PolicyFile;
  scope: Scope;
  inputRecord: string;
  inputFields: Map<string, Type>;
  lets: LetTable;
  rules: IrRule[];
  ruleDecls: RuleDecl[];
  metricDecls: MetricDecl[];
  diagnostics: Diagnostic[];
}

export function reportNameClashes(input: NameClashInput): void {
  reportRulesNamedLikeMetrics(input);
  reportHiddenNames(input);
}

function reportRulesNamedLikeMetrics({ rules, ruleDecls, metricDecls, diagnostics }: NameClashInput): void {
  for (const metric of metricDecls) {
    const name = metric.name.text;
    const rule = rules.find((r) => r.id === name);
    const decl = ruleDecls.find((d) => d.id.text === name);
    if (!rule || !decl) continue;
    const checksIt = ruleConditions(rule).some((c) => findAll(c, (x) => x.op === 'metric' && x.name === name).length > 0);
    if (checksIt) continue;
    diagnostics.push({
      ...diag(M.ruleNamedLikeMetric, decl.id.span, { name }),
      related: [{ message: 'the metric with this name', span: metric.name.span }],
    });
  }
}

/** What a name means where it hides another: `what` names it fully, `short` in a sentence that already says where. */
type Meaning = { what: string; short: string; span?: Name['span'] };

function reportHiddenNames(input: NameClashInput): void {
  const { scope, inputRecord, inputFields, lets, metricDecls, diagnostics } = input;
  const field = (name: string): Meaning | undefined =>
    inputFields.has(name) ? { what: `the field \`${name}\` of \`${inputRecord}\``, short: `the field \`${name}\`` } : undefined;
  const letNamed = (name: string): Meaning | undefined => {
    const decl = lets.declaration(name);
    return decl ? { what: `the let \`${name}\``, short: `the let \`${name}\``, span: decl.name.span } : undefined;
  };
  const constant = (name: string): Meaning | undefined => {
    const entry = scope.symbols.get(name);
    if (entry?.decl.kind !== 'ConstDecl') return undefined;
    return { what: `the constant \`${name}\``, short: `the constant \`${name}\``, ...(entry.file ? {} : { span: entry.decl.name.span }) };
  };
  const hide = (hidden: Name, kind: string, by: Meaning) =>
    diagnostics.push({
      ...diag(M.declaredHidden, hidden.span, { what: by.what, kind, name: hidden.text, short: by.short }),
      ...(by.span ? { related: [{ message: `${by.short} is declared here`, span: by.span }] } : {}),
    });

  for (const decl of input.ast.declarations) {
    if (decl.kind === 'ConstDecl' && decl.name.text) {
      const by = field(decl.name.text);
      if (by) hide(decl.name, 'constant', by);
    } else if (decl.kind === 'LetDecl' && decl.name.text && lets.declaration(decl.name.text) === decl) {
      const by = field(decl.name.text);
      if (by) hide(decl.name, 'let', by);
    }
  }
  for (const metric of metricDecls) {
    const by = field(metric.name.text) ?? letNamed(metric.name.text) ?? constant(metric.name.text);
    if (by) hide(metric.name, 'metric', by);
  }
  // A variable hides the others only inside its own condition, but there it does so silently.
  const variableHides = (variable: Name) => {
    const hidden = field(variable.text) ?? letNamed(variable.text) ?? constant(variable.text);
    if (!hidden) return;
    diagnostics.push(diag(M.variableHides, variable.span, { name: variable.text, what: hidden.what, renamed: `${variable.text.charAt(0)}1`, short: hidden.short }));
  };
  for (const decl of input.ast.declarations) {
    if (decl.kind !== 'RuleDecl' && decl.kind !== 'MetricDecl' && decl.kind !== 'LetDecl') continue;
    if (decl.kind === 'RuleDecl' && decl.each) variableHides(decl.each.variable);
    for (const q of quantifiersIn(decl)) variableHides(q.variable);
  }
}

/** Every quantifier (`any x in ...`) inside a declaration, at any depth. */
function quantifiersIn(node: unknown, out: Array<Extract<Expr, { kind: 'Quantifier' }>> = []): Array<Extract<Expr, { kind: 'Quantifier' }>> {
  if (Array.isArray(node)) {
    for (const n of node) quantifiersIn(n, out);
  } else if (node && typeof node === 'object') {
    if ((node as { kind?: string }).kind === 'Quantifier') out.push(node as Extract<Expr, { kind: 'Quantifier' }>);
    // for…in rather than Object.entries: no array of pairs per node (this walks every rule of a large policy).
    for (const k in node) if (k !== 'span' && k !== 'opSpan') quantifiersIn((node as Record<string, unknown>)[k], out);
  }
  return out;
}
