import { useEffect, useRef } from 'react';
import { CopyButton } from './CopyButton';

/** The share link, ready to copy. The link holds everything; nothing is stored anywhere else. */
export function SharePanel({ url, onClose }: { url: string; onClose(): void }) {
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    opener.current = document.activeElement;
    input.current?.focus();
    input.current?.select();
    return () => {
      if (opener.current instanceof HTMLElement) opener.current.focus();
    };
  }, []);
  return (
    <div
      className="share-panel"
      role="dialog"
      aria-labelledby="share-heading"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <h2 id="share-heading">Share what you see</h2>
      <p>
        This link holds the policy, the data and what is selected. Whoever opens it sees the same thing. It is not stored anywhere: the link itself is the copy, so
        anyone you send it to can read the data in it.
      </p>
      <div className="share-row">
        <label className="visually-hidden" htmlFor="share-url">
          Link
        </label>
        <input id="share-url" ref={input} type="text" readOnly value={url} onFocus={(e) => e.target.select()} data-testid="share-url" />
        <CopyButton text={url} label="Copy link" className="primary" />
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted small-text">{url.length.toLocaleString('en')} characters.</p>
    </div>
  );
}
