/** CodeMirror pieces both editors share: theme, history, keymaps, and keeping a React value in sync. */
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { lintKeymap } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import { useEffect, useRef, type RefObject } from 'react';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view';

export function baseExtensions(label: string): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    EditorState.tabSize.of(2),
    EditorView.lineWrapping,
    // Tab is left alone so keyboard users can move on; Escape then Tab works too.
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...lintKeymap]),
    // An explicit tabindex: the text area is already in the tab order as an editable
    // element, but assistive tools only count the scrolling region as reachable with it.
    EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0', spellcheck: 'false', autocorrect: 'off', autocapitalize: 'off' }),
  ];
}

/** Replace the whole document (an example was picked, a link was opened, the text was formatted). */
export function setDocument(view: EditorView, text: string, keepCursor = true): void {
  if (view.state.doc.toString() === text) return;
  const head = Math.min(view.state.selection.main.head, text.length);
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: keepCursor ? { anchor: head } : { anchor: 0 } });
}

/**
 * A CodeMirror view in `host`, created once with `extensions` (which read
 * changing props through refs), whose document follows `value`.
 */
export function useEditorView(host: RefObject<HTMLDivElement | null>, value: string, extensions: () => Extension[]): RefObject<EditorView | null> {
  const view = useRef<EditorView | null>(null);
  useEffect(() => {
    const v = new EditorView({ parent: host.current!, state: EditorState.create({ doc: value, extensions: extensions() }) });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The editor is created once; later values arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (view.current) setDocument(view.current, value);
  }, [value]);
  return view;
}
