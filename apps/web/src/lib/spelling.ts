/**
 * The spelling detector needs a Hunspell dictionary. In the browser it is
 * fetched as two static files after the first paint, then handed to the
 * checker once; checks made before that simply find no misspellings.
 */
import { setSpellingDictionary } from '@sellguard/core';
import affUrl from 'sellguard-dictionary-en/index.aff?url';
import dicUrl from 'sellguard-dictionary-en/index.dic?url';

let loading: Promise<boolean> | undefined;

/** Load the English dictionary once; resolves true when spelling checks are on. */
export function loadSpellingDictionary(): Promise<boolean> {
  loading ??= (async () => {
    try {
      const [aff, dic] = await Promise.all([fetchText(affUrl), fetchText(dicUrl)]);
      setSpellingDictionary({ aff, dic });
      return true;
    } catch {
      // Without the dictionary every other rule still works; the spelling rule finds nothing.
      return false;
    }
  })();
  return loading;
}

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.text();
}
