/**
 * Sellguard text detectors: pure functions that scan a string (plain text or an HTML body) and return the
 * exact matched spans. Every detector
 * - never throws, whatever the input (empty, huge, binary junk, lone surrogates, non-strings);
 * - returns matches sorted by start and non-overlapping, with `text === input.slice(start, end)` and offsets
 *   in UTF-16 code units of the ORIGINAL string (also for HTML input, where detection runs on the visible text);
 * - runs in linear time (no regex with nested or overlapping unbounded quantifiers; see the tests).
 * Browser-safe: no `node:` imports. The spelling detector takes the host's speller (createSpeller) as an argument.
 */
import { plainView, stripHtml } from './html.js';
import { isAmazonHost } from './hosts.js';
import { links as linksImpl } from './links.js';
import { emails as emailsImpl } from './emails.js';
import { phones as phonesImpl } from './phones.js';
import { emoji as emojiImpl } from './emoji.js';
import { orderIds as orderIdsImpl } from './orderIds.js';
import { images as imagesImpl } from './images.js';
import { optOutLinks as optOutLinksImpl } from './optout.js';
import { compilePhrases as compilePhrasesImpl, hitsInside, phraseGroup, PhraseListError, type KeyHits, type PhraseGroup, type PhraseScanner } from './phrases.js';

export { hitsInside, phraseGroup, PhraseListError, type KeyHits, type PhraseGroup, type PhraseScanner };
import { createSpeller, spelling as spellingImpl, type DictionaryFiles, type Speller } from './spelling.js';
export type {
  EmailMatch,
  EmojiMatch,
  ImageMatch,
  LinkMatch,
  OrderIdMatch,
  PhoneMatch,
  PhraseMatch,
  RawMatch,
  SpellingMatch,
  TextFinds,
} from './types.js';
import type { EmailMatch, EmojiMatch, ImageMatch, LinkMatch, OrderIdMatch, PhoneMatch, PhraseMatch, SpellingMatch, TextFinds } from './types.js';
import { findTextEmails } from './emails.js';
import { findTextLinks } from './links.js';

export { findTextEmails, findTextLinks };

export { createSpeller, isAmazonHost, plainView, stripHtml, type DictionaryFiles, type Speller };

/** A detector that failed on a text: the record is reported as not checked, never as clean. */
export class DetectorError extends Error {
  override name = 'DetectorError';
}

/**
 * Last line of defence for the "never throws" contract: the detectors are
 * written not to throw, but a third-party library (or an engine limit such as
 * a stack overflow on a pathological input) may. Such a failure must not look
 * like "nothing found" (the seller would believe the text is clean), nor end
 * the whole run: it becomes a plain error for the one record being checked.
 */
function guard<A extends unknown[], R>(what: string, fn: (...args: A) => R[]): (...args: A) => R[] {
  return (...args: A): R[] => {
    try {
      return fn(...args);
    } catch (e) {
      const why = e instanceof RangeError ? 'the text is too large or too deeply nested' : e instanceof Error ? e.message : String(e);
      throw new DetectorError(`the search for ${what} failed on this text (${why}), so it was not checked for them; check this record by hand`);
    }
  };
}

/** Web links in text and in href/src attributes. See links.ts for the precision rules. */
export const links: (text: string, finds?: TextFinds) => LinkMatch[] = guard('web links', linksImpl);
/** Email addresses, including disguised ones; `address` is the de-obfuscated lower-case address. */
export const emails: (text: string, finds?: TextFinds) => EmailMatch[] = guard('email addresses', emailsImpl);
/** Phone numbers (E.164 in `number`). */
export const phones: (text: string) => PhoneMatch[] = guard('phone numbers', phonesImpl);
/** Emoji (emoji-presentation sequences; text-presentation symbols like © ® ™ without VS16 are not emoji). */
export const emoji: (text: string) => EmojiMatch[] = guard('emoji', emojiImpl);
/** Amazon order ids `123-1234567-1234567`. */
export const orderIds: (text: string) => OrderIdMatch[] = guard('order ids', orderIdsImpl);
/** `<img>` tags with size, visibility, tracking, animation and enclosing link. */
export const images: (text: string) => ImageMatch[] = guard('images', imagesImpl);
/** Unsubscribe / opt-out links, or opt-out sentences without a link. */
export const optOutLinks: (text: string, finds?: TextFinds) => LinkMatch[] = guard('opt-out links', optOutLinksImpl);
/** Spelling mistakes (English) by the given speller; [] without one. */
export const spelling: (text: string, speller: Speller | null, opts?: { ignore?: string[] }, finds?: TextFinds) => SpellingMatch[] = guard('spelling mistakes', spellingImpl);

/** Compile a phrase list into a matcher (case-insensitive, whole words, `word*` wildcards). */
export function compilePhrases(phrases: string[]): PhraseScanner {
  // Not guarded: a list that cannot be searched must fail loudly (a diagnostic when the policy is
  // compiled, an error for the record at run time), never look like "no phrase found".
  const matcher = compilePhrasesImpl(phrases);
  const failed = (e: unknown): PhraseListError =>
    new PhraseListError(`the phrase list could not be searched (${e instanceof RangeError ? 'the text or the list is too large' : 'an internal error'})`);
  const match = (text: string): PhraseMatch[] => {
    try {
      return matcher(text);
    } catch (e) {
      throw failed(e);
    }
  };
  const withHits = (text: string, hits: KeyHits): PhraseMatch[] => {
    try {
      return matcher.withHits(text, hits);
    } catch (e) {
      throw failed(e);
    }
  };
  return Object.assign(match, { keys: matcher.keys, withHits });
}
