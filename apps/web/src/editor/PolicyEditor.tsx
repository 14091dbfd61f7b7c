import { EditorView, keymap } from '@codemirror/view';
import type { Analysis } from '@sellguard/core';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { baseExtensions, useEditorView } from './base';
import { keepCursorInView } from './keepCursorInView';
import { policyLanguage, showAnalysis } from './policyLanguage';

export interface PolicyEditorHandle {
  /** Put the cursor at an offset, scroll it into view and focus the editor. */
  focusAt(offset: number): void;
}

interface Props {
  value: string;
  onChange(text: string): void;
  /** The latest analysis and the text it describes. */
  analyzed: { text: string; analysis: Analysis } | undefined;
  onFormat(): void;
}

export const PolicyEditor = forwardRef<PolicyEditorHandle, Props>(function PolicyEditor({ value, onChange, analyzed, onFormat }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef({ onChange, onFormat, analyzed });
  latest.current = { onChange, onFormat, analyzed };
  const view = useEditorView(host, value, () => [
    keymap.of([
      {
        key: 'Shift-Alt-f',
        preventDefault: true,
        run: () => {
          latest.current.onFormat();
          return true;
        },
      },
    ]),
    ...baseExtensions('Policy text'),
    keepCursorInView,
    ...policyLanguage({ current: () => latest.current.analyzed }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) latest.current.onChange(u.state.doc.toString());
    }),
  ]);

  useEffect(() => {
    const v = view.current;
    if (v && analyzed && analyzed.text === v.state.doc.toString()) v.dispatch(showAnalysis(v, analyzed.analysis));
  }, [analyzed, view]);

  useImperativeHandle(ref, () => ({
    focusAt(offset: number) {
      const v = view.current;
      if (!v) return;
      const pos = Math.max(0, Math.min(offset, v.state.doc.length));
      v.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
      v.focus();
    },
  }));

  return <div className="editor policy-editor" ref={host} />;
});
