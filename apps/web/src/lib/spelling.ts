/**
 * The spelling detector needs a Hunspell dictionary. In the browser it is
 * fetched as two static files after the first paint and built into a speller,
 * which the page puts into its evaluation context; checks made before that
 * simply find no misspellings.
 */
import { createSpeller, type Speller } from '@sellguard/core';
import affUrl from 'sellguard-dictionary-en/index.aff?url';
import dicUrl from 'sellguard-dictionary-en/index.dic?url';

/** Fetch and build the English speller; null when it could not be loaded (spelling checks stay off). */
export async function loadSpeller(): Promise<Speller | null> {
  try {
    const [aff, dic] = await Promise.all([fetchText(affUrl), fetchText(dicUrl)]);
    return createSpeller({ aff, dic });
  } catch {
    // Without the dictionary every other rule still works; the spelling rule finds nothing.
    return null;
  }
}

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.text();
}
