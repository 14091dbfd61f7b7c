/**
 * The built-in functions and detectors the language offers, with their
 * signatures and their implementations: one table. The checker reads the
 * signatures; the interpreter calls `run`; the emitter writes `rt.<name>`,
 * which a test keeps the same function as `run`; docs/language.md lists them.
 */
import * as rt from '../runtime/index.js';
import { T, type Type } from './type-system.js';

/** Fields every detector match has. */
const MATCH_COMMON: Record<string, Type> = {
  text: T.string,
  start: T.integer,
  end: T.integer,
  path: T.string,
};

export interface DetectorInfo {
  name: string;
  summary: string;
  fields: Record<string, Type>;
}

const opt = (t: Type): Type => ({ ...t, nullable: true });

export const DETECTORS: Readonly<Record<string, DetectorInfo>> = Object.freeze({
  links: {
    name: 'links',
    summary: 'web links, with or without https://, including bare domains like shop.example.com and links inside HTML',
    fields: { url: T.string, host: T.string, scheme: T.string, amazon: T.boolean, shortener: T.boolean, source: T.string },
  },
  emails: {
    name: 'emails',
    summary: 'email addresses, including disguised ones like "name [at] gmail [dot] com"',
    fields: { address: T.string, obfuscated: T.boolean },
  },
  phones: {
    name: 'phones',
    summary: 'phone numbers in international and national formats (US, UK, DE, FR, CN and more)',
    fields: { number: T.string, country: opt(T.string) },
  },
  emoji: { name: 'emoji', summary: 'emoji characters', fields: {} },
  orderIds: { name: 'orderIds', summary: 'Amazon order ids such as 112-1234567-1234567', fields: { orderId: T.string } },
  images: {
    name: 'images',
    summary: 'HTML <img> tags, with size, visibility, animation and the link around them',
    fields: {
      src: T.string,
      width: opt(T.number),
      height: opt(T.number),
      hidden: T.boolean,
      tracking: T.boolean,
      animated: T.boolean,
      linksTo: opt(T.string),
      alt: opt(T.string),
    },
  },
  optOutLinks: { name: 'optOutLinks', summary: 'unsubscribe and opt-out links or instructions', fields: { url: T.string, host: T.string } },
  spelling: {
    name: 'spelling',
    summary: 'misspelt English words (Hunspell dictionary), skipping names, codes and links',
    fields: { word: T.string, suggestions: T.list(T.string) },
  },
  sentences: { name: 'sentences', summary: 'the sentences of a text (split at . ! ? 。 and line breaks), to look for words that occur together', fields: {} },
  phrases: { name: 'phrases', summary: 'phrases from a phrase list, case-insensitive, on word boundaries: phrases(body, marketing)', fields: { phrase: T.string } },
  find: { name: 'find', summary: 'every match of a regular expression (RE2 syntax): find(body, "(?i)save \\d+%")', fields: {} },
});

export function matchFields(detector: string): Record<string, Type> {
  return { ...MATCH_COMMON, ...(DETECTORS[detector]?.fields ?? {}) };
}

/**
 * Plain functions. `args` describes each parameter with a predicate and a
 * word for messages; `result` computes the result type from the argument types.
 */
export interface FunctionInfo {
  name: string;
  summary: string;
  params: Array<{ name: string; accepts: (t: Type) => boolean; expected: string }>;
  /** Trailing parameters that may be left out. */
  optional?: number;
  /** The result depends on the run, not only on the arguments: the runtime takes the evaluation context first. */
  usesContext?: true;
  /** The implementation (the runtime's `rt.<name>`, which generated code calls). */
  run: (...args: never[]) => unknown;
  result: (args: Type[]) => Type;
}

const anyType = () => true;
const stringy = (t: Type) => ['string', 'text', 'enum', 'unknown', 'null'].includes(t.k);
const numeric = (t: Type) => ['number', 'integer', 'percent', 'unknown', 'null'].includes(t.k);
const listy = (t: Type) => ['list', 'unknown', 'null'].includes(t.k);
const duration = (t: Type) => ['duration', 'unknown', 'null'].includes(t.k);
const elementOf = (t: Type | undefined): Type => (t && t.k === 'list' ? t.element : T.unknown);

export const FUNCTIONS: Readonly<Record<string, FunctionInfo>> = Object.freeze({
  days: {
    name: 'days',
    run: rt.days,
    summary: 'the number of whole and partial days in a duration: days(sentAt - orderCompletedAt)',
    params: [{ name: 'duration', accepts: duration, expected: 'a duration' }],
    result: () => T.number,
  },
  hours: {
    name: 'hours',
    run: rt.hours,
    summary: 'the number of hours in a duration',
    params: [{ name: 'duration', accepts: duration, expected: 'a duration' }],
    result: () => T.number,
  },
  today: {
    name: 'today',
    run: rt.today,
    summary: 'the date the check runs for: today (UTC), or the day given with --as-of',
    params: [],
    usesContext: true,
    result: () => T.date,
  },
  dateOf: {
    name: 'dateOf',
    run: rt.dateOf,
    summary: 'the calendar day (UTC) of a date and time: dateOf(sentAt) - orderCompletedAt <= 30 days',
    params: [{ name: 'datetime', accepts: (t) => ['date', 'datetime', 'unknown', 'null'].includes(t.k), expected: 'a date or date and time' }],
    result: () => T.date,
  },
  languageCode: {
    name: 'languageCode',
    run: rt.languageCode,
    summary: 'the two-letter language code of a language tag or name: "en-US", "English" and "EN" all give "en"',
    params: [{ name: 'language', accepts: stringy, expected: 'text' }],
    result: () => T.string,
  },
  lower: { name: 'lower', run: rt.lower, summary: 'the text in lower case', params: [{ name: 'text', accepts: stringy, expected: 'text' }], result: () => T.string },
  upper: { name: 'upper', run: rt.upper, summary: 'the text in upper case', params: [{ name: 'text', accepts: stringy, expected: 'text' }], result: () => T.string },
  trim: { name: 'trim', run: rt.trim, summary: 'the text without leading and trailing spaces', params: [{ name: 'text', accepts: stringy, expected: 'text' }], result: () => T.string },
  normalize: {
    name: 'normalize',
    run: rt.normalize,
    summary: 'text folded for comparison: lower case, accents, hyphens and British spellings folded, metric units converted ("0.3 kg" and "300 g" compare equal)',
    params: [{ name: 'text', accepts: stringy, expected: 'text' }],
    result: () => T.string,
  },
  length: {
    name: 'length',
    run: rt.length,
    summary: 'the number of characters in a text, or of items in a list',
    params: [{ name: 'value', accepts: (t) => stringy(t) || listy(t) || t.k === 'map', expected: 'text or a list' }],
    result: () => T.integer,
  },
  count: {
    name: 'count',
    run: rt.count,
    summary: 'the number of items in a list: count(emails(body))',
    params: [{ name: 'list', accepts: listy, expected: 'a list' }],
    result: () => T.integer,
  },
  sum: {
    name: 'sum',
    run: rt.sum,
    summary: 'the sum of a list of numbers',
    params: [{ name: 'list', accepts: (t) => listy(t) && numeric(elementOf(t)), expected: 'a list of numbers' }],
    result: (a) => (elementOf(a[0]).k === 'integer' ? T.integer : T.number),
  },
  min: {
    name: 'min',
    run: rt.min,
    summary: 'the smallest item of a list (null when empty)',
    params: [{ name: 'list', accepts: listy, expected: 'a list' }],
    result: (a) => ({ ...elementOf(a[0]), nullable: true }),
  },
  max: {
    name: 'max',
    run: rt.max,
    summary: 'the largest item of a list (null when empty)',
    params: [{ name: 'list', accepts: listy, expected: 'a list' }],
    result: (a) => ({ ...elementOf(a[0]), nullable: true }),
  },
  first: {
    name: 'first',
    run: rt.first,
    summary: 'the first item of a list (null when empty)',
    params: [{ name: 'list', accepts: listy, expected: 'a list' }],
    result: (a) => ({ ...elementOf(a[0]), nullable: true }),
  },
  empty: {
    name: 'empty',
    run: rt.empty,
    summary: 'true when a value is missing, an empty text or an empty list',
    params: [{ name: 'value', accepts: anyType, expected: 'any value' }],
    result: () => T.boolean,
  },
  exists: {
    name: 'exists',
    run: rt.exists,
    summary: 'true when a value is present (not missing or null)',
    params: [{ name: 'value', accepts: anyType, expected: 'any value' }],
    result: () => T.boolean,
  },
  replace: {
    name: 'replace',
    run: rt.replace,
    summary: 'the text with every occurrence of one string replaced by another: replace(match.text, "http://", "https://")',
    params: [
      { name: 'text', accepts: stringy, expected: 'text' },
      { name: 'find', accepts: stringy, expected: 'text' },
      { name: 'with', accepts: stringy, expected: 'text' },
    ],
    result: () => T.string,
  },
  split: {
    name: 'split',
    run: rt.split,
    summary: 'a text cut into a list at each separator: split("CE or FCC", " or ") is ["CE", "FCC"]; items are trimmed',
    params: [
      { name: 'text', accepts: stringy, expected: 'text' },
      { name: 'separator', accepts: stringy, expected: 'text' },
    ],
    result: () => T.list(T.string),
  },
  join: {
    name: 'join',
    run: rt.join,
    summary: 'the items of a list joined into one text, separated by ", " or the given separator',
    params: [
      { name: 'list', accepts: listy, expected: 'a list' },
      { name: 'separator', accepts: stringy, expected: 'text' },
    ],
    optional: 1,
    result: () => T.string,
  },
  keys: {
    name: 'keys',
    run: rt.keys,
    summary: 'the keys of a map',
    params: [{ name: 'map', accepts: (t) => t.k === 'map' || t.k === 'unknown', expected: 'a map' }],
    result: () => T.list(T.string),
  },
  round: {
    name: 'round',
    run: rt.round,
    summary: 'a number rounded to the given number of decimals (0 by default)',
    params: [
      { name: 'number', accepts: numeric, expected: 'a number' },
      { name: 'decimals', accepts: numeric, expected: 'a number' },
    ],
    optional: 1,
    result: (a) => (a[0]?.k === 'percent' ? T.percent : T.number),
  },
  abs: { name: 'abs', run: rt.abs, summary: 'the absolute value of a number', params: [{ name: 'number', accepts: numeric, expected: 'a number' }], result: (a) => a[0] ?? T.number },
});
