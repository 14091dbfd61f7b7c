/** "Did you mean …?" suggestions for misspelt names (the edit distance is the catalogue's, shared with the syntax messages). */
import { closestName } from '@sellguard/dsl/catalogue';

/** The closest candidate, if it is close enough to be a likely typo (or the one candidate that starts with it). */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  return closestName(name, candidates, { prefix: true });
}

/** `help` text for an unknown name: a suggestion, else the list of what exists. */
export function suggestionHelp(name: string, candidates: string[], what: string): string {
  const near = closest(name, candidates);
  if (near) return `did you mean \`${near}\`?`;
  if (candidates.length === 0) return `there are no ${what} here`;
  const shown = candidates.slice(0, 8).map((c) => `\`${c}\``).join(', ');
  return `the ${what} are ${shown}${candidates.length > 8 ? ', …' : ''}`;
}
