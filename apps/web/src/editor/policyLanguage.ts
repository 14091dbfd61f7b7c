/**
 * Language support for the policy editor, all from @sellguard/core's
 * language service: highlighting from the Chevrotain lexer's tokens,
 * diagnostics, hover text and context-aware completions (the same the
 * language server gives other editors). The analysis is computed outside
 * (debounced) and pushed in; until it arrives, highlighting is mapped
 * through the edits so colours stay on their words.
 */
import { autocompletion, type Completion as CmCompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { type Diagnostic as CmDiagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { type Extension, RangeSetBuilder, StateEffect, StateField, type TransactionSpec } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, hoverTooltip } from '@codemirror/view';
import type { Analysis, CompletionCandidate, CompletionKind } from '@sellguard/core';
import type { Diagnostic, HighlightKind, HighlightToken } from '@sellguard/dsl';

const setTokens = StateEffect.define<HighlightToken[]>();

const mark = (kind: HighlightKind) => Decoration.mark({ class: `tok-${kind}` });

/** One mark per kind of token, made once: every kind the highlighter gives has its entry (the type checks it). */
const TOKEN_MARKS: Readonly<Record<HighlightKind, Decoration>> = Object.freeze({
  keyword: mark('keyword'),
  type: mark('type'),
  string: mark('string'),
  number: mark('number'),
  literal: mark('literal'),
  comment: mark('comment'),
  operator: mark('operator'),
  punctuation: mark('punctuation'),
  identifier: mark('identifier'),
  severity: mark('severity'),
  interpolation: mark('interpolation'),
});

export function tokenDecorations(tokens: readonly HighlightToken[], length: number): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  let last = 0;
  for (const t of [...tokens].sort((a, b) => a.span.start - b.span.start)) {
    const from = Math.max(t.span.start, last);
    const to = Math.min(t.span.end, length);
    if (to <= from || t.kind === 'punctuation' || t.kind === 'identifier') continue;
    builder.add(from, to, TOKEN_MARKS[t.kind]);
    last = to;
  }
  return builder.finish();
}

const highlightField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const e of tr.effects) if (e.is(setTokens)) next = tokenDecorations(e.value, tr.state.doc.length);
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

function el(tag: string, className: string, text: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = className;
  e.textContent = text;
  return e;
}

export function toCmDiagnostics(diagnostics: readonly Diagnostic[], length: number): CmDiagnostic[] {
  return diagnostics
    .filter((d) => d.file === undefined)
    .map((d) => {
      const from = Math.max(0, Math.min(d.span.start, length));
      const to = Math.max(from, Math.min(d.span.end, length));
      return {
        from,
        to,
        severity: d.severity,
        source: d.code,
        message: d.help ? `${d.message}. ${d.help}` : d.message,
        renderMessage: () => {
          const box = el('div', 'cm-diag', '');
          box.append(el('div', 'cm-diag-message', d.message));
          if (d.help) box.append(el('div', 'cm-diag-help', d.help));
          return box;
        },
      };
    });
}

/** The transaction that shows an analysis of the document's current text. */
export function showAnalysis(view: EditorView, analysis: Pick<Analysis, 'tokens' | 'diagnostics'>): TransactionSpec {
  const length = view.state.doc.length;
  const spec = setDiagnostics(view.state, toCmDiagnostics(analysis.diagnostics, length));
  const effects = Array.isArray(spec.effects) ? spec.effects : spec.effects ? [spec.effects] : [];
  return { effects: [...effects, setTokens.of(analysis.tokens)] };
}

const COMPLETION_TYPES: Record<CompletionKind, string> = {
  keyword: 'keyword',
  type: 'type',
  record: 'type',
  field: 'property',
  function: 'function',
  detector: 'method',
  'enum-member': 'enum',
  const: 'constant',
  let: 'variable',
  phrases: 'constant',
  metric: 'variable',
  variable: 'variable',
  rule: 'class',
};

/** Where the list opens by itself while typing: in a word, after `.`, an opening quote, `[`, `,` or a comparison. */
const OPENS_LIST = /(\.|"|\[|,\s*|(==|!=)\s*)$/;

function toCmCompletion(c: CompletionCandidate): CmCompletion {
  const insert = c.insert ?? c.label;
  return {
    label: c.label,
    type: COMPLETION_TYPES[c.kind],
    ...(c.detail ? { detail: c.detail } : {}),
    ...(c.documentation ? { info: c.documentation } : {}),
    // A built-in goes in with its parentheses, the cursor between them.
    apply: c.call
      ? (view: EditorView, _c: CmCompletion, from: number, to: number) =>
          view.dispatch({ changes: { from, to, insert: `${c.label}()` }, selection: { anchor: from + c.label.length + 1 } })
      : insert,
  };
}

/**
 * Context-aware completion from core, on the editor's current text (the
 * analysis may be a keystroke behind) with the analysis's file name and the
 * project's other files.
 */
function policyCompletions(host: LanguageHost) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const analysis = host.current()?.analysis;
    if (!analysis) return null;
    const text = ctx.state.doc.toString();
    const { from, items } = analysis.completions(ctx.pos, text);
    if (items.length === 0) return null;
    if (!ctx.explicit && from === ctx.pos && !OPENS_LIST.test(text.slice(Math.max(0, ctx.pos - 4), ctx.pos))) return null;
    return { from, options: items.map(toCmCompletion), validFor: /^[A-Za-z0-9_-]*$/ };
  };
}

export interface LanguageHost {
  /** The latest analysis, and the text it was made from. */
  current(): { text: string; analysis: Analysis } | undefined;
}

export function policyLanguage(host: LanguageHost): Extension[] {
  const fresh = (view: EditorView) => {
    const c = host.current();
    return c && c.text === view.state.doc.toString() ? c.analysis : undefined;
  };
  return [
    highlightField,
    lintGutter(),
    autocompletion({ override: [policyCompletions(host)], icons: false }),
    hoverTooltip((view, pos) => {
      const analysis = fresh(view);
      const info = analysis?.hover(pos);
      if (!info) return null;
      return {
        pos: info.span.start,
        end: info.span.end,
        above: true,
        create: () => {
          const dom = el('div', 'cm-hover-info', '');
          const [first, ...rest] = info.text.split('\n');
          dom.append(el('div', 'cm-hover-title', first ?? ''));
          for (const line of rest) dom.append(el('div', 'cm-hover-line', line));
          return { dom };
        },
      };
    }),
  ];
}
