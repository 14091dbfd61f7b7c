/**
 * Building the Hunspell checker behind the spelling detector, in two ways
 * that give the same checker:
 * - from the dictionary files (.aff and .dic): nspell expands every word of
 *   the .dic with its affixes, which takes a good part of a second;
 * - from a prepared word table (prepareWordTable, run once when Sellguard is
 *   built): the expanded words, sorted, in one text, looked up by binary
 *   search, so a run that checks a handful of messages is ready in a few
 *   milliseconds. The .aff file is still parsed as usual (it is small).
 * Browser-safe: no `node:` imports.
 */
import nspell from 'nspell';

/** What the spelling detector asks of nspell (declared here, so the published types do not need nspell's). */
export interface Checker {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

/** A Hunspell dictionary as files: the Node host passes `dictionary-en`, a browser fetches the .aff/.dic files. */
export interface DictionaryFiles {
  aff: Uint8Array | string;
  dic: Uint8Array | string;
}

/** A dictionary whose words were expanded ahead of time (see prepareWordTable): the .aff text and the table. */
export interface PreparedDictionary {
  aff: Uint8Array | string;
  table: string;
}

/** Everyday e-commerce and messaging words the Hunspell en_US list lacks (added as exact words). */
export const EXTRA_WORDS: readonly string[] = [
  'ok', 'okay', 'ecommerce', 'e-commerce', 'webshop', 'webshops', 'preorder', 'preorders', 'preordered',
  'dropshipping', 'dropship', 'dropshipper', 'unboxing', 'unboxed', 'bluetooth', 'wifi', 'smartwatch',
  'smartwatches', 'powerbank', 'powerbanks', 'thx', 'pls', 'plz', 'asap', 'fyi', 'btw', 'etc', 'customizable',
  'customisable', 'giftwrap', 'giftwrapped', 'usb', 'hdmi', 'cashback', 'storefront', 'backorder', 'backordered',
  'backorders', 'restock', 'restocked', 'restocking', 'inbox', 'email', 'emails', 'emailed', 'emailing', 'online',
  'website', 'websites', 'webpage', 'homepage', 'smartphone', 'smartphones', 'touchscreen', 'earbuds', 'screenshot',
  'screenshots', 'username', 'usernames', 'timeframe', 'refurbished', 'barcode', 'barcodes', 'unsubscribe',
  'checkout', 'login', 'logout', 'signup', 'fulfillment', 'fulfilment', 'marketplace', 'marketplaces', 'seller',
  'sellers', 'buyer', 'buyers', 'warranty', 'refund', 'refunds', 'refunded', 'tracking', 'eBay', 'Bluetooth',
  'pcs', 'qty', 'vlog', 'vlogs', 'influencer', 'influencers', 'ebook', 'ebooks', 'ereader', 'ereaders', 'airpods',
  'esim', 'hotspot', 'hotspots', 'bday', 'selfie', 'selfies', 'hashtag', 'hashtags', 'emoji', 'emojis',
  // British spellings the suffix rewrites do not cover
  'jewellery', 'aluminium', 'enrolment', 'enrolments', 'practise', 'practised', 'practises', 'practising', 'learnt',
  'spelt', 'amongst', 'whilst', 'fulfil', 'fulfils', 'storey', 'storeys', 'kerb', 'plough', 'sceptical', 'ageing',
  'mould', 'mouldy', 'smoulder', 'moustache', 'pyjamas', 'sulphur', 'draught', 'draughts', 'artefact', 'artefacts',
  'cosy', 'speciality', 'specialities', 'whisky', 'yoghurt', 'gaol', 'postcode', 'postcodes', 'tonne', 'tonnes',
];

/** Raised whenever the table's layout changes, so a table of another layout is never read. */
export const WORD_TABLE_FORMAT = 1;
const MAGIC = 'sellguard-word-table';

const text = (x: Uint8Array | string): string => (typeof x === 'string' ? x : new TextDecoder('utf-8').decode(x));

/** The checker built the plain way: nspell expanding the .dic, then the extra words. Throws if the dictionary cannot be parsed. */
export function checkerFromFiles(dict: DictionaryFiles): Checker {
  const checker = nspell(text(dict.aff), text(dict.dic));
  for (const w of EXTRA_WORDS) checker.add(w);
  return checker as Checker;
}

/** What nspell keeps besides the affix rules: the words with their flags, and the compound rules the words completed. */
interface Expanded {
  data: Record<string, string[]>;
  compoundRules: RegExp[];
  compoundRuleCodes: Record<string, string[]>;
}
const expanded = (c: Checker): Expanded => c as unknown as Expanded;

/**
 * The expanded word table of a dictionary, as text: a header line (layout,
 * compound rules, the key of the files it came from) and then one line per
 * word, "word<TAB>flag flag", sorted by UTF-16 code units. `key` names the
 * dictionary files (e.g. their hash), so a table is only used with the
 * files it was made from.
 */
export function prepareWordTable(dict: DictionaryFiles, key: string): string {
  const c = expanded(checkerFromFiles(dict));
  const words = Object.keys(c.data).sort(byCodeUnits);
  const lines: string[] = [];
  for (const word of words) {
    const flags = c.data[word]!;
    if (/[\t\n]/.test(word) || flags.some((f) => f === '' || /\s/.test(f))) throw new Error(`the word '${word}' cannot be written into a word table`);
    lines.push(`${word}\t${flags.join(' ')}`);
  }
  const header = {
    magic: MAGIC,
    format: WORD_TABLE_FORMAT,
    key,
    compoundRules: c.compoundRules.map((r) => ({ source: r.source, flags: r.flags })),
    compoundRuleCodes: c.compoundRuleCodes,
  };
  return `${JSON.stringify(header)}\n${lines.join('\n')}`;
}

/** The key a table was prepared for, or undefined when the text is not a word table of this layout. */
export function wordTableKey(table: string): string | undefined {
  const header = readHeader(table);
  return header?.key;
}

/** The checker over a prepared table: the same answers as checkerFromFiles on the files the table was made from. Throws on a damaged table. */
export function checkerFromTable(dict: PreparedDictionary): Checker {
  const header = readHeader(dict.table);
  if (!header) throw new Error('not a word table of this version of Sellguard');
  const checker = nspell(text(dict.aff)) as Checker;
  const c = expanded(checker);
  c.compoundRules = header.compoundRules.map((r) => new RegExp(r.source, r.flags));
  c.compoundRuleCodes = header.compoundRuleCodes;
  c.data = wordsOf(dict.table, dict.table.indexOf('\n') + 1);
  return checker;
}

interface TableHeader {
  key: string;
  compoundRules: Array<{ source: string; flags: string }>;
  compoundRuleCodes: Record<string, string[]>;
}

function readHeader(table: string): TableHeader | undefined {
  const newline = table.indexOf('\n');
  if (newline < 0) return undefined;
  try {
    const h = JSON.parse(table.slice(0, newline)) as Partial<TableHeader> & { magic?: unknown; format?: unknown };
    if (h.magic !== MAGIC || h.format !== WORD_TABLE_FORMAT || typeof h.key !== 'string' || !Array.isArray(h.compoundRules)) return undefined;
    if (typeof h.compoundRuleCodes !== 'object' || h.compoundRuleCodes === null) return undefined;
    return h as TableHeader;
  } catch {
    return undefined;
  }
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * nspell's word map (read with `data[word]`, `word in data`, written by
 * `add`), answered from the sorted table by binary search over the text
 * itself (no index of its lines is built). Words read or written are kept in
 * a map, so a flag list nspell changes stays changed (and a word nspell
 * removes stays removed).
 */
function wordsOf(table: string, start: number): Record<string, string[]> {
  const touched = new Map<string, string[] | undefined>();

  /** The flags of `word` on its line, or undefined. Lines are "word<TAB>flags", sorted; `lo` is always a line's start. */
  const find = (word: string): string[] | undefined => {
    let lo = start;
    let hi = table.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const lineStart = Math.max(lo, table.lastIndexOf('\n', mid - 1) + 1);
      const newline = table.indexOf('\n', lineStart);
      const lineEnd = newline < 0 ? table.length : newline;
      const order = compareAt(table, lineStart, word);
      if (order === 0) {
        const list = table.slice(table.indexOf('\t', lineStart) + 1, lineEnd);
        return list === '' ? [] : list.split(' ');
      }
      if (order < 0) lo = lineEnd + 1;
      else hi = lineStart;
    }
    return undefined;
  };
  const lookup = (word: string): string[] | undefined => {
    if (touched.has(word)) return touched.get(word);
    const flags = find(word);
    // A word not in the table is not kept: suggesting tries thousands of them.
    if (flags !== undefined) touched.set(word, flags);
    return flags;
  };

  return new Proxy(Object.create(null) as Record<string, string[]>, {
    get: (_target, key) => (typeof key === 'string' ? lookup(key) : undefined),
    has: (_target, key) => typeof key === 'string' && lookup(key) !== undefined,
    set: (_target, key, value: string[]) => {
      if (typeof key !== 'string') return false;
      touched.set(key, value);
      return true;
    },
    deleteProperty: (_target, key) => {
      if (typeof key === 'string') touched.set(key, undefined);
      return true;
    },
  });
}

/** Compare the word of the table line at `at` (up to its tab) with `word`, by UTF-16 code units. */
function compareAt(table: string, at: number, word: string): number {
  for (let i = 0; ; i++) {
    const a = table.charCodeAt(at + i);
    const lineOver = a === 9; // the tab ends the line's word
    const wordOver = i === word.length;
    if (lineOver || wordOver) return lineOver && wordOver ? 0 : lineOver ? -1 : 1;
    const b = word.charCodeAt(i);
    if (a !== b) return a - b;
  }
}
