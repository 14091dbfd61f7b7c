import { type Diagnostic as CmDiagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { baseExtensions, useEditorView } from './base';

export interface DataEditorHandle {
  /** Move the cursor to the start of a 1-based line and focus the editor. */
  focusLine(line: number): void;
  /** Scroll a 1-based line into view and put the cursor there, leaving focus where it is. */
  revealLine(line: number): void;
}

export interface LineProblem {
  line: number;
  message: string;
}

interface Props {
  value: string;
  onChange(text: string): void;
  /** Records that could not be read, shown on their lines. */
  problems: LineProblem[];
  /** The user moved the cursor to this 1-based line. */
  onCursorLine(line: number): void;
}

export const DataEditor = forwardRef<DataEditorHandle, Props>(function DataEditor({ value, onChange, problems, onCursorLine }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef({ onChange, onCursorLine });
  latest.current = { onChange, onCursorLine };
  const view = useEditorView(host, value, () => [
    ...baseExtensions('Data: records as JSON, JSON lines or CSV'),
    lintGutter(),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) latest.current.onChange(u.state.doc.toString());
      if (u.selectionSet && !u.docChanged && u.transactions.some((t) => t.isUserEvent('select'))) {
        latest.current.onCursorLine(u.state.doc.lineAt(u.state.selection.main.head).number);
      }
    }),
  ]);

  useEffect(() => {
    const v = view.current;
    if (!v || v.state.doc.toString() !== value) return;
    const diagnostics: CmDiagnostic[] = problems
      .filter((p) => p.line >= 1 && p.line <= v.state.doc.lines)
      .map((p) => {
        const line = v.state.doc.line(p.line);
        return { from: line.from, to: line.to, severity: 'error', message: p.message };
      });
    v.dispatch(setDiagnostics(v.state, diagnostics));
  }, [problems, value, view]);

  useImperativeHandle(ref, () => ({
    focusLine(line: number) {
      const v = view.current;
      if (!v) return;
      const pos = v.state.doc.line(Math.max(1, Math.min(line, v.state.doc.lines))).from;
      v.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'start' }) });
      v.focus();
    },
    revealLine(line: number) {
      const v = view.current;
      if (!v) return;
      const pos = v.state.doc.line(Math.max(1, Math.min(line, v.state.doc.lines))).from;
      v.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'start', yMargin: 8 }) });
    },
  }));

  return <div className="editor data-editor" ref={host} />;
});
