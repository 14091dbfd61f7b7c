/**
 * The language service editors use (the web playground now, a VS Code
 * extension later): diagnostics, highlighting tokens, an outline of the
 * declarations, hover text and completions, all from one compile.
 */
import { tokenize, type Diagnostic, type HighlightToken, type PolicyFile, type Span } from '@sellguard/dsl';
import { DETECTORS, FUNCTIONS } from '../compile/builtins.js';
import type { CompileOptions } from '../compile/index.js';
import { compile } from '../policy/compile.js';
import type { IrPolicy } from '../compile/ir.js';
import { describe as describeType } from '../compile/type-system.js';
import type { CompiledPolicy } from '../types.js';
import { analyzeSemantics } from '../semantic/index.js';
import type { SemanticModel } from '../semantic/model.js';

export interface SymbolInfo {
  kind: 'record' | 'field' | 'enum' | 'const' | 'let' | 'phrases' | 'metric' | 'rule' | 'example';
  name: string;
  span: Span;
  /** The record a field belongs to. */
  parent?: string;
}

export interface Completion {
  label: string;
  kind: 'keyword' | 'field' | 'function' | 'detector' | 'const' | 'rule' | 'type';
  detail?: string;
}

export interface Analysis {
  diagnostics: Diagnostic[];
  tokens: HighlightToken[];
  symbols: SymbolInfo[];
  policy?: CompiledPolicy;
  ast: PolicyFile;
  /** Plain text describing what is under the cursor, or undefined. */
  hover(offset: number): { text: string; span: Span } | undefined;
  completions(): Completion[];
}

const KEYWORD_COMPLETIONS = ['policy', 'source', 'version', 'input', 'import', 'record', 'enum', 'const', 'let', 'phrases', 'rule', 'each', 'if', 'then', 'else', 'when', 'require', 'forbid', 'hint', 'fix', 'remove', 'replace', 'insert', 'example', 'given', 'expect', 'nothing', 'metric', 'rate', 'total', 'average', 'minimum', 'maximum', 'where', 'over', 'by', 'group', 'as', 'of', 'error', 'warning', 'info', 'and', 'or', 'not', 'in', 'any', 'all', 'count', 'contains', 'startsWith', 'endsWith', 'matches'];
const TYPES = ['string', 'text', 'number', 'integer', 'percent', 'boolean', 'date', 'datetime', 'duration', 'list', 'map', 'enum'];

export function analyze(text: string, opts: CompileOptions = {}): Analysis {
  const result = compile(text, opts);
  const { tokens } = tokenize(text);
  const symbols = collectSymbols(result.ast);
  const ir = result.ir;
  // The semantic model is only built when someone hovers: typing stays one compile per keystroke.
  let model: SemanticModel | undefined;
  const modelOf = () => (model ??= analyzeSemantics(text, opts).model);
  return {
    diagnostics: result.diagnostics,
    tokens,
    symbols,
    ...(result.policy ? { policy: result.policy } : {}),
    ast: result.ast,
    hover: (offset) => hoverOnModel(offset, modelOf(), opts.fileName ?? '', ir) ?? hoverAt(text, offset, symbols, ir),
    completions: () => completionsFor(ir, symbols),
  };
}

function collectSymbols(ast: PolicyFile): SymbolInfo[] {
  const out: SymbolInfo[] = [];
  for (const d of ast.declarations) {
    if (d.kind === 'Error') continue;
    if (d.kind === 'RuleDecl') out.push({ kind: 'rule', name: d.id.text, span: d.id.span });
    else if (d.kind === 'ExampleDecl') out.push({ kind: 'example', name: d.name.value, span: d.name.span });
    else out.push({ kind: SYMBOL_KIND[d.kind], name: d.name.text, span: d.name.span });
    if (d.kind === 'RecordDecl') for (const f of d.fields) out.push({ kind: 'field', name: f.name.text, span: f.name.span, parent: d.name.text });
  }
  return out;
}

const SYMBOL_KIND = { RecordDecl: 'record', EnumDecl: 'enum', ConstDecl: 'const', LetDecl: 'let', PhrasesDecl: 'phrases', MetricDecl: 'metric' } as const;

function wordAt(text: string, offset: number): { word: string; span: Span } | undefined {
  const isWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_-]/.test(c);
  let start = offset;
  let end = offset;
  while (start > 0 && isWord(text[start - 1])) start--;
  while (end < text.length && isWord(text[end])) end++;
  if (start === end) return undefined;
  return { word: text.slice(start, end), span: { start, end } };
}

function hoverAt(text: string, offset: number, symbols: SymbolInfo[], ir: IrPolicy | undefined): { text: string; span: Span } | undefined {
  const at = wordAt(text, offset);
  if (!at) return undefined;
  const { word, span } = at;
  const fn = FUNCTIONS[word];
  if (fn) return { text: `${word}(${fn.params.map((p) => p.name).join(', ')}): ${fn.summary}`, span };
  const det = DETECTORS[word];
  if (det) return { text: `${word}(text): finds ${det.summary}`, span };
  if (ir) {
    const rule = ir.rules.find((r) => r.id === word);
    const metric = ir.metrics.find((m) => m.name === word);
    const about = [
      metric ? `metric ${metric.name}: ${metric.title} (${metric.kind}${metric.window ? `, last ${metric.window.days} days by ${metric.window.byText}` : ''})` : '',
      rule ? `rule ${rule.fullId} (${rule.severity}): ${rule.messageText}${rule.source ? `\nsource: ${rule.source}` : ''}` : '',
    ].filter(Boolean);
    if (about.length) return { text: about.join('\n'), span };
    const input = ir.records.find((r) => r.name === ir.inputRecord);
    for (const record of [input, ...ir.records].filter((r) => r !== undefined)) {
      const field = record.fields.find((f) => f.name === word);
      if (field) {
        const opt = field.optional ? ', optional' : field.default !== undefined ? `, default ${JSON.stringify(field.default)}` : '';
        return { text: `${record.name}.${field.name}: ${describeType(field.type)}${opt}${field.doc ? `\n${field.doc}` : ''}`, span };
      }
    }
    const record = ir.records.find((r) => r.name === word);
    if (record) return { text: `record ${record.name} { ${record.fields.map((f) => f.name).join(', ')} }${record.doc ? `\n${record.doc}` : ''}`, span };
  }
  const sym = symbols.find((s) => s.name === word);
  if (sym) return { text: `${sym.kind} ${sym.name}`, span };
  return undefined;
}

/** Fields and variables from the semantic model: `i.kind` on an Image is Image.kind, whatever other record has a `kind`. */
function hoverOnModel(offset: number, model: SemanticModel, file: string, ir: IrPolicy | undefined): { text: string; span: Span } | undefined {
  const found = model.at(file, offset);
  const decl = found?.decl;
  if (!found || !decl) return undefined;
  if (decl.kind === 'variable') return { text: `${decl.name}: ${describeType(found.type ?? decl.type ?? { k: 'unknown' })}`, span: found.span };
  if (decl.kind !== 'field') return undefined;
  const field = ir?.records.find((r) => r.name === decl.parent)?.fields.find((f) => f.name === decl.name);
  if (!field) return undefined;
  const opt = field.optional ? ', optional' : field.default !== undefined ? `, default ${JSON.stringify(field.default)}` : '';
  return { text: `${decl.parent}.${field.name}: ${describeType(field.type)}${opt}${field.doc ? `\n${field.doc}` : ''}`, span: found.span };
}

function completionsFor(ir: IrPolicy | undefined, symbols: SymbolInfo[]): Completion[] {
  const out: Completion[] = [];
  for (const k of KEYWORD_COMPLETIONS) out.push({ label: k, kind: 'keyword' });
  for (const t of TYPES) out.push({ label: t, kind: 'type' });
  for (const [name, f] of Object.entries(FUNCTIONS)) out.push({ label: name, kind: 'function', detail: f.summary });
  for (const [name, d] of Object.entries(DETECTORS)) out.push({ label: name, kind: 'detector', detail: d.summary });
  const input = ir?.records.find((r) => r.name === ir.inputRecord);
  for (const f of input?.fields ?? []) out.push({ label: f.name, kind: 'field', detail: describeType(f.type) });
  for (const s of symbols) {
    if (s.kind === 'const' || s.kind === 'let' || s.kind === 'phrases' || s.kind === 'metric') out.push({ label: s.name, kind: 'const' });
    if (s.kind === 'rule') out.push({ label: s.name, kind: 'rule' });
    if (s.kind === 'record' || s.kind === 'enum') out.push({ label: s.name, kind: 'type' });
  }
  return out;
}
