/**
 * Keep the author's place: when the editor gets smaller while they type (the
 * problems list appears or grows under it, the window is resized), scroll so
 * the line with the cursor stays on screen. Only while the editor has focus,
 * so someone reading elsewhere in the page is not moved about.
 */
import { EditorView, ViewPlugin } from '@codemirror/view';

/** Space kept between the cursor and the editor's edge, in pixels. */
const MARGIN = 24;

export const keepCursorInView = ViewPlugin.fromClass(
  class {
    private readonly observer: ResizeObserver | null;
    private height: number;

    constructor(private readonly view: EditorView) {
      this.height = view.scrollDOM.clientHeight;
      this.observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => this.resized());
      this.observer?.observe(view.scrollDOM);
    }

    private resized(): void {
      const height = this.view.scrollDOM.clientHeight;
      const shrank = height < this.height;
      this.height = height;
      if (!shrank || !this.view.hasFocus) return;
      // Outside CodeMirror's update cycle (a ResizeObserver callback), so dispatching here is allowed.
      this.view.dispatch({ effects: EditorView.scrollIntoView(this.view.state.selection.main.head, { y: 'nearest', yMargin: MARGIN }) });
    }

    destroy(): void {
      this.observer?.disconnect();
    }
  },
);
