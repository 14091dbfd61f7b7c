/**
 * Phrase lists and patterns compiled once per policy compile: the checker
 * builds each one to find lists the regex engine cannot take, and the loaded
 * policy then uses the very same matcher instead of building it again
 * (building buyer-messaging's phrase lists is a good part of start-up).
 * One cache belongs to one compile call; nothing is kept between compiles.
 */
import { phraseMatcher, regex, type PhraseMatcher, type UserRegex } from '../runtime/index.js';

export interface DetectorCache {
  /** The matcher of a phrase list; throws PhraseListError for a list that cannot be searched. */
  phrases(list: readonly string[]): PhraseMatcher;
  /** A compiled user pattern (RE2 syntax); throws for a pattern that is not valid. */
  regex(source: string): UserRegex;
}

export function detectorCache(): DetectorCache {
  const phraseLists = new Map<string, PhraseMatcher>();
  const patterns = new Map<string, UserRegex>();
  return {
    phrases(list) {
      const key = JSON.stringify(list);
      let m = phraseLists.get(key);
      if (!m) {
        m = phraseMatcher([...list]);
        phraseLists.set(key, m);
      }
      return m;
    },
    regex(source) {
      let r = patterns.get(source);
      if (!r) {
        r = regex(source);
        patterns.set(source, r);
      }
      return r;
    },
  };
}
