/**
 * The checker: type-check the resolved policy and lower it to IR, in stages
 * around one checker context (checker/context.ts). The stages, in order:
 *
 *   header    the policy's id and title (a missing header is reported)
 *   types     record fields and enum members                 checker/types.ts
 *   constants constant values and phrase lists               checker/constants.ts
 *   records   fields with defaults; the input record          checker/records.ts
 *   lets      named values and conditions, checked once       checker/lets.ts
 *   metrics   what each metric measures, its window, groups   checker/metrics.ts
 *   rules     conditions, messages, hints, fixes              checker/rules.ts
 *   names     rules named like metrics, names hiding others   checker/name-clashes.ts
 *   examples  expectations and given records                  checker/examples.ts
 *
 * Each stage returns what it built and is tested alone; the IR is assembled
 * here from their results and never changed afterwards. Expressions are
 * checked by check-expr.ts.
 */
import type { Diagnostic, EnumDecl } from '@sellguard/dsl';
import { M, diag } from './codes.js';
import { checkConstants } from './checker/constants.js';
import { checkerContext, envFactory, type CheckerContext } from './checker/context.js';
import { checkExamples } from './checker/examples.js';
import { checkLets, withLets } from './checker/lets.js';
import { checkMetrics } from './checker/metrics.js';
import { reportNameClashes } from './checker/name-clashes.js';
import { checkRecords } from './checker/records.js';
import { checkRules } from './checker/rules.js';
import { checkTypes } from './checker/types.js';
import type { DetectorCache } from './detector-cache.js';
import type { IrPolicy } from './ir.js';
import type { ResolvedPolicy } from './resolve.js';
import type { SemanticRecorder } from './semantic-recorder.js';

export type { CheckerContext };

/** `semantic`, when given, is told every name use with its declaration and type (editors build their model from it). */
export function check(resolved: ResolvedPolicy, source = '', semantic?: SemanticRecorder, detectors?: DetectorCache): { ir: IrPolicy; diagnostics: Diagnostic[] } {
  const cx = checkerContext(resolved, source, semantic, detectors);
  const header = resolved.ast.header;
  if (!header) cx.report(diag(M.missingHeader, { start: 0, end: 0 }, {}));
  const types = checkTypes(cx);
  const constants = checkConstants(cx, types);
  const envFor = envFactory(cx, types, () => constants);
  const { records, inputRecord, inputFields } = checkRecords(cx, types, envFor);
  if (semantic) semantic.inputRecord = inputRecord;
  const lets = checkLets(cx, envFor, inputFields);
  const metrics = checkMetrics(cx, withLets(envFor, lets), inputFields);
  const rules = checkRules(cx, withLets(envFor, lets), inputFields, metrics);
  const { ast, scope, rules: ruleDecls, metrics: metricDecls } = resolved;
  reportNameClashes({ ast, scope, inputRecord, inputFields, lets, rules, ruleDecls, metricDecls, diagnostics: cx.diagnostics });
  const examples = checkExamples(cx, { rules, records, inputRecord, hasMetrics: metrics.length > 0 });
  const ir: IrPolicy = {
    id: cx.policyId,
    title: header?.title?.value ?? cx.policyId,
    ...(header?.source ? { source: header.source.value } : {}),
    ...(header?.version ? { version: header.version.value } : {}),
    inputRecord,
    records,
    enums: [...resolved.enums.values()].map((e) => ({ name: (e.decl as EnumDecl).name.text, members: (e.decl as EnumDecl).members.map((m) => m.text) })),
    constants: cx.tables.constants,
    phrases: cx.tables.phrases,
    regexes: cx.tables.regexes,
    metrics,
    rules,
    examples,
  };
  return { ir, diagnostics: cx.diagnostics };
}
