/**
 * Opening the visitor's own files (a policy, a data file: by button or by
 * dropping them anywhere on the page) and downloading what the playground
 * made of them.
 */
import { useEffect, useRef } from 'react';
import { DATA_EXTENSIONS, fileKind, POLICY_EXTENSIONS } from './fileKinds';

interface OpenProps {
  /** Policy files opened together: one policy, or a project of files that import each other. */
  onPolicies(files: readonly File[]): Promise<void>;
  onData(file: File): Promise<void>;
  onUnknown(file: File): void;
}

/** Hand each file to the right place by its name; a policy first, so data opened with it is checked against it. */
export async function openFiles(files: readonly File[], handlers: OpenProps): Promise<void> {
  const byKind = (kind: string) => files.filter((f) => fileKind(f.name) === kind);
  if (byKind('policy').length > 0) await handlers.onPolicies(byKind('policy'));
  for (const file of byKind('data')) await handlers.onData(file);
  for (const file of byKind('unknown')) handlers.onUnknown(file);
}

export function OpenButton(props: OpenProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="small" onClick={() => input.current?.click()} title="Open a .policy file and/or a data file (JSON lines, JSON, CSV, Excel .xlsx, Amazon flat file). You can also drop them on the page.">
        Open files…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="open-files"
        accept={[...POLICY_EXTENSIONS, ...DATA_EXTENSIONS].join(',')}
        onChange={(e) => {
          if (e.target.files) void openFiles([...e.target.files], props);
          e.target.value = '';
        }}
      />
    </>
  );
}

/** Files dropped anywhere on the page are opened; the page shows a hint while something is dragged over it. */
export function useDropFiles(handlers: OpenProps): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      document.body.classList.add('dragging-files');
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) document.body.classList.remove('dragging-files');
    };
    const drop = (e: DragEvent) => {
      document.body.classList.remove('dragging-files');
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      void openFiles([...e.dataTransfer.files], latest.current);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
}
