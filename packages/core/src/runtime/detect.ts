/**
 * The bridge between generated code and the text detectors: runs a detector
 * on one field value and tags every match with the field's path. Detectors
 * that need more than the text (the speller) read it from the context.
 */
import type { EvalContext } from './context.js';
import * as detectors from './detectors/index.js';
import { scan, type Scannable, type Tagged } from './scan.js';
import type { RecordScans } from './scans.js';
import { sentences } from './text.js';

type Detector = (text: string, ctx: EvalContext, finds?: detectors.TextFinds) => Array<{ start: number; end: number; text: string }>;

const TABLE: Readonly<Record<string, Detector>> = Object.freeze({
  links: (text, _ctx, finds) => detectors.links(text, finds),
  emails: (text, _ctx, finds) => detectors.emails(text, finds),
  phones: (text) => detectors.phones(text),
  emoji: (text) => detectors.emoji(text),
  orderIds: (text) => detectors.orderIds(text),
  images: (text) => detectors.images(text),
  optOutLinks: (text, _ctx, finds) => detectors.optOutLinks(text, finds),
  spelling: (text, ctx, finds) => detectors.spelling(text, ctx.dictionary, undefined, finds),
  sentences: (text) => sentences(text),
});

/** The links and email addresses of a text, found once per record and text (see TextFinds). */
function textFinds(scans: RecordScans): detectors.TextFinds {
  return {
    links: (text) => scans.ofText(detectors.findTextLinks, text, () => detectors.findTextLinks(text)),
    emails: (text) => scans.ofText(detectors.findTextEmails, text, () => detectors.findTextEmails(text)),
  };
}

/** The detector names the runtime implements (the checker's table declares the same ones). */
export const DETECTOR_NAMES: readonly string[] = Object.freeze(Object.keys(TABLE));

/**
 * `emails(body)` → detect("emails", record.body, "body", ctx, scans). Missing text has no matches. With the
 * record's scans, a field (or sentence) another rule already scanned for the same thing is not scanned again.
 */
export function detect(
  name: string,
  subject: Scannable,
  path: string,
  ctx: EvalContext,
  scans?: RecordScans,
): Array<Tagged<{ start: number; end: number; text: string }>> {
  const run = TABLE[name];
  if (!run) throw new Error(`unknown detector ${name}`);
  if (!scans) return scan((text) => run(text, ctx), subject, path);
  const once = () => {
    const found = scan((text) => run(text, ctx, textFinds(scans)), subject, path);
    // A sentence's phrase scans look up the phrases' candidates in the whole field (see phrases()).
    if (name === 'sentences' && typeof subject === 'string') scans.noteSource(found, subject);
    return found;
  };
  return scans.get(name, subject, path, once);
}

export type PhraseMatch = { start: number; end: number; text: string; phrase: string };
export type PhraseMatcher = ((text: string) => PhraseMatch[]) & {
  /** The matches in a whole field, remembered for the last field scanned (see phraseMatcher). */
  field?: (text: string, path: string) => Array<Tagged<PhraseMatch>>;
  /** The folded first words the list looks for, and matching with their occurrences found beforehand. */
  keys?: readonly string[];
  withHits?: (text: string, hits: detectors.KeyHits) => PhraseMatch[];
  /**
   * The policy's lists scanned together, and which of them this one is (see phraseLists); and this list
   * alone, for the sentences of a long field (built the first time one is asked about).
   */
  group?: { lists: detectors.PhraseGroup; slot: number; alone: () => detectors.PhraseGroup };
};

/**
 * A phrase list's matcher. It remembers its answer for the last whole field it scanned: a rule may ask
 * about the same field once per item of a loop (`any l in links(body): … phrases(body, marketing) …`),
 * which would otherwise scan the whole text again for every item. The answer depends only on the text
 * and the path, so sharing it cannot change a result; callers only read it.
 */
export function phraseMatcher(phrases: string[]): PhraseMatcher {
  const match = detectors.compilePhrases(phrases);
  let last: { text: string; path: string; found: Array<Tagged<PhraseMatch>> } | null = null;
  const field = (text: string, path: string): Array<Tagged<PhraseMatch>> => {
    if (last !== null && last.path === path && last.text === text) return last.found;
    const found = scan(match, text, path);
    last = { text, path, found };
    return found;
  };
  return Object.assign((text: string) => match(text), { field, keys: match.keys, withHits: match.withHits });
}

/**
 * A policy's phrase lists (generated code: `const PH = rt.phraseLists([rt.phraseMatcher(…), …])`), set
 * up to be scanned together: with the record's scans, a text is scanned once for the first words of
 * every list, and a sentence not even once, its words being looked up in the whole field's scan. Lists
 * whose matchers cannot share a scan are returned as they are.
 */
export function phraseLists(matchers: PhraseMatcher[]): PhraseMatcher[] {
  if (matchers.length < 2 || matchers.some((m) => m.keys === undefined || m.withHits === undefined)) return matchers;
  const lists = detectors.phraseGroup(matchers.map((m) => m.keys!));
  return matchers.map((m, slot) => {
    let alone: detectors.PhraseGroup | undefined;
    const group = { lists, slot, alone: () => (alone ??= detectors.phraseGroup([m.keys!])) };
    return Object.assign((text: string) => m(text), { field: m.field, keys: m.keys, withHits: m.withHits, group });
  });
}

/** `phrases(body, marketing)` → phrases(PH[0], record.body, "body", scans). */
export function phrases(matcher: PhraseMatcher, subject: Scannable, path: string, scans?: RecordScans): Array<Tagged<PhraseMatch>> {
  if (scans) {
    const { group, withHits } = matcher;
    if (group !== undefined && withHits !== undefined) {
      return scans.get(matcher, subject, path, () =>
        scan(
          (text) => {
            const hits = hitsOf(group, subject, text, scans);
            return hits === null ? matcher(text) : withHits(text, hits);
          },
          subject,
          path,
        ),
      );
    }
    return scans.get(matcher, subject, path, () => scan(matcher, subject, path));
  }
  if (typeof subject === 'string' && subject !== '' && matcher.field) return matcher.field(subject, path);
  return scan(matcher, subject, path);
}

/**
 * Texts longer than this are scanned list by list, as each list's matcher goes: the hits of all lists in
 * a long message (millions of "on", "the", "our") would take far more memory than the text itself.
 */
const SHARED_SCAN_LIMIT = 100_000;
/** At most this many first-word hits of one list are kept for the sentences of a long field (a few MB). */
const LONG_FIELD_HITS = 300_000;

/**
 * The key hits of one list in `text` (the subject's text): from the one scan of that text for all lists,
 * or, for a sentence of a field without markup, from the one scan of the whole field (a slice without
 * markup is its own plain view, and the field's hits inside it are what a scan of it would find). Null
 * for a long text, which the list's matcher scans by itself.
 */
function hitsOf(group: NonNullable<PhraseMatcher['group']>, subject: Scannable, text: string, scans: RecordScans): detectors.KeyHits | null {
  if (typeof subject === 'object' && subject !== null) {
    const source = scans.sourceOf(subject);
    const from = subject.start;
    if (source !== undefined && source.startsWith(text, from)) {
      // Looked at once per field, not once per sentence. In a long field, only this list's hits are kept,
      // up to a bound; past it each sentence is scanned by the list's own matcher.
      const whole =
        source.length > SHARED_SCAN_LIMIT
          ? scans.ofText(group.alone, source, () => (hasMarkup(source) ? null : group.alone().hits(source, LONG_FIELD_HITS)))
          : scans.ofText(FIELD_HITS, source, () => (hasMarkup(source) ? null : group.lists.hits(source)));
      if (whole !== null) return detectors.hitsInside(whole[source.length > SHARED_SCAN_LIMIT ? 0 : group.slot]!, from, from + text.length);
      if (source.length > SHARED_SCAN_LIMIT) return null;
    }
  }
  if (text.length > SHARED_SCAN_LIMIT) return null;
  return scans.ofText(group.lists, text, () => group.lists.hits(detectors.plainView(text).text))[group.slot]!;
}

/** The key under which a record's scans keep a field's hits for its sentences (null: it has markup). A policy has one group of lists. */
const FIELD_HITS = Symbol('phrase hits of a whole field');

/** Whether the matchers would read a text through its plain view (tags removed, entities decoded). */
const hasMarkup = (text: string): boolean => text.indexOf('<') >= 0 || text.indexOf('&') >= 0;
