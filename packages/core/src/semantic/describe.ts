/**
 * Hover text from the semantic model: what the name under the cursor is, its
 * type and documentation; a rule's metadata; a built-in's signature with an
 * example. Never guessed from the word under the cursor: a name the checker
 * did not link (a typo, a keyword) has no hover.
 */
import type { Span } from '@sellguard/dsl';
import { describe as describeType } from '../compile/type-system.js';
import { builtinHelp } from './builtin-help.js';
import type { SemanticAnalysis } from './analyze.js';

export interface Description {
  span: Span;
  /** One line of code: `field Message.orderId: string`, `trim(text)`. */
  title: string;
  /** Plain sentences below it: documentation, a rule's message and source, a built-in's summary. */
  details: string[];
  /** A line of policy code showing a built-in in use. */
  example?: string;
}

export function describeAt(analysis: SemanticAnalysis, file: string, offset: number): Description | undefined {
  const found = analysis.model.at(file, offset);
  if (!found) return undefined;
  const builtin = analysis.model.uses.find((u) => u.builtin && u.file === file && u.span.start === found.span.start)?.builtin;
  if (builtin) {
    const help = builtinHelp(builtin);
    if (help) return { span: found.span, title: help.signature, details: [help.summary], example: help.example };
  }
  const decl = found.decl;
  const type = found.type ?? decl?.type;
  if (!decl) {
    // A detector match's field has a type but no declaration in any policy file.
    return type ? { span: found.span, title: `${analysis.source.slice(found.span.start, found.span.end)}: ${describeType(type)}`, details: [] } : undefined;
  }
  const doc = decl.doc ? [decl.doc] : [];
  if (decl.kind === 'rule') {
    const rule = analysis.ir.rules.find((r) => r.id === decl.name);
    if (!rule) return { span: found.span, title: `rule ${decl.name}`, details: doc };
    return { span: found.span, title: `rule ${rule.fullId} ${rule.severity}`, details: [rule.messageText, ...(rule.source ? [`Source: ${rule.source}`] : []), ...doc] };
  }
  if (decl.kind === 'metric') {
    const metric = analysis.ir.metrics.find((m) => m.name === decl.name);
    if (!metric) return { span: found.span, title: `metric ${decl.name}`, details: doc };
    const window = metric.window ? `, last ${metric.window.days} days by ${metric.window.byText}` : '';
    return { span: found.span, title: `metric ${decl.name}: ${describeType(metric.type)}`, details: [`${metric.title} (${metric.kind}${window})`, ...doc] };
  }
  if (decl.kind === 'record') {
    const record = analysis.ir.records.find((r) => r.name === decl.name);
    return { span: found.span, title: `record ${decl.name}${record ? ` { ${record.fields.map((f) => f.name).join(', ')} }` : ''}`, details: doc };
  }
  if (decl.kind === 'enum') return { span: found.span, title: `enum ${decl.name}${type ? `: ${describeType(type)}` : ''}`, details: doc };
  if (decl.kind === 'field') {
    const field = analysis.ir.records.find((r) => r.name === decl.parent)?.fields.find((f) => f.name === decl.name);
    const extra = field?.optional ? ', optional' : field?.default !== undefined ? `, default ${JSON.stringify(field.default)}` : '';
    const fieldType = field?.type ?? type;
    return { span: found.span, title: `field ${decl.parent}.${decl.name}${fieldType ? `: ${describeType(fieldType)}` : ''}${extra}`, details: doc };
  }
  return { span: found.span, title: `${decl.kind} ${decl.name}${type ? `: ${describeType(type)}` : ''}`, details: doc };
}
