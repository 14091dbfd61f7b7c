/** A matched span. `text === input.slice(start, end)`; offsets are UTF-16 code units into the original input. */
export interface RawMatch {
  start: number;
  end: number;
  text: string;
}

export interface LinkMatch extends RawMatch {
  /** The link with a scheme: as written when it had one, else `'http://' + text` (href/src: `'http:' + value` for `//host`). */
  url: string;
  /** Lower-case host without a leading `www.`; '' for opt-out phrases without a link. */
  host: string;
  /** '' when the link was written without a scheme. */
  scheme: 'http' | 'https' | 'other' | '';
  /** Host is an Amazon marketplace domain (or subdomain) or one of Amazon's own shorteners. */
  amazon: boolean;
  /** Host is a URL shortener (including Amazon's amzn.to / amzn.eu / a.co). */
  shortener: boolean;
  /** Found in visible text, in an `href` attribute value, or in a `src` attribute value. */
  source: 'text' | 'href' | 'src';
}

export interface EmailMatch extends RawMatch {
  /** Normalised address: de-obfuscated and lower-cased. */
  address: string;
  /** Written in a disguised form ([at], (dot), " at ... dot ", full-width @, spaces around the dot ...). */
  obfuscated: boolean;
}

export interface PhoneMatch extends RawMatch {
  /** E.164, e.g. +4930123456789. */
  number: string;
  /** ISO 3166 country the number was attributed to, when known. */
  country?: string;
}

export type EmojiMatch = RawMatch;

export interface OrderIdMatch extends RawMatch {
  orderId: string;
}

export interface ImageMatch extends RawMatch {
  src: string;
  width?: number;
  height?: number;
  hidden: boolean;
  tracking: boolean;
  animated: boolean;
  linksTo?: string;
  alt?: string;
}

export interface PhraseMatch extends RawMatch {
  /** The phrase from the list (as given) that matched. */
  phrase: string;
}

export interface SpellingMatch extends RawMatch {
  word: string;
  /** Up to 3 suggestions, best first. */
  suggestions: string[];
}

/**
 * Links and email addresses in a plain text (offsets into it), as findTextLinks and findTextEmails give
 * them. Several detectors need them for the same text (links, emails, opt-out links, and spelling, which
 * skips them): with a record's scans they are found once per text and shared; the detectors only read them.
 */
export interface TextFinds {
  links(text: string): ReadonlyArray<{ start: number; end: number; url: string; host: string; scheme: LinkMatch['scheme'] }>;
  emails(text: string): ReadonlyArray<{ start: number; end: number; address: string; obfuscated: boolean }>;
}
