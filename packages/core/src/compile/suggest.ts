/** "Did you mean …?" suggestions for misspelt names. */

export function editDistance(a: string, b: string): number {
  const al = a.toLowerCase();
  const bl = b.toLowerCase();
  let prev = Array.from({ length: bl.length + 1 }, (_, i) => i);
  for (let i = 1; i <= al.length; i++) {
    const cur = [i];
    for (let j = 1; j <= bl.length; j++) {
      const cost = al[i - 1] === bl[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    prev = cur;
  }
  return prev[bl.length];
}

/** The closest candidate, if it is close enough to be a likely typo. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  candidates = [...candidates];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor(name.length / 3));
  if (bestDistance <= limit) return best;
  // "promo" → "promotion": a unique candidate that starts with what was written.
  const lower = name.toLowerCase();
  const prefixed = [...candidates].filter((c) => lower.length >= 3 && c.toLowerCase().startsWith(lower));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** `help` text for an unknown name: a suggestion, else the list of what exists. */
export function suggestionHelp(name: string, candidates: string[], what: string): string {
  const near = closest(name, candidates);
  if (near) return `did you mean \`${near}\`?`;
  if (candidates.length === 0) return `there are no ${what} here`;
  const shown = candidates.slice(0, 8).map((c) => `\`${c}\``).join(', ');
  return `the ${what} are ${shown}${candidates.length > 8 ? ', …' : ''}`;
}
