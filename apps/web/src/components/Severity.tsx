import type { Severity as Level } from '@sellguard/core';

const WORDS: Record<Level, string> = { error: 'Error', warning: 'Warning', info: 'Note' };
const ICONS: Record<Level, string> = { error: '✕', warning: '!', info: 'i' };

/** Severity as a word with a coloured badge: the colour is never the only sign. */
export function SeverityBadge({ level }: { level: Level }) {
  return (
    <span className={`sev sev-${level}`}>
      <span className="sev-icon" aria-hidden="true">
        {ICONS[level]}
      </span>
      {WORDS[level]}
    </span>
  );
}

export function severityWord(level: Level, count = 1): string {
  const w = WORDS[level].toLowerCase();
  return count === 1 ? w : `${w}s`;
}
