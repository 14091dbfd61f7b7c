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

type Detector = (text: string, ctx: EvalContext) => Array<{ start: number; end: number; text: string }>;

const TABLE: Readonly<Record<string, Detector>> = Object.freeze({
  links: detectors.links,
  emails: detectors.emails,
  phones: detectors.phones,
  emoji: detectors.emoji,
  orderIds: detectors.orderIds,
  images: detectors.images,
  optOutLinks: detectors.optOutLinks,
  spelling: (text, ctx) => detectors.spelling(text, ctx.dictionary),
  sentences,
});

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
  const once = () => scan((text) => run(text, ctx), subject, path);
  return scans ? scans.get(name, subject, path, once) : once();
}

export type PhraseMatch = { start: number; end: number; text: string; phrase: string };
export type PhraseMatcher = ((text: string) => PhraseMatch[]) & {
  /** The matches in a whole field, remembered for the last field scanned (see phraseMatcher). */
  field?: (text: string, path: string) => Array<Tagged<PhraseMatch>>;
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
  return Object.assign((text: string) => match(text), { field });
}

/** `phrases(body, marketing)` → phrases(PH[0], record.body, "body", scans). */
export function phrases(matcher: PhraseMatcher, subject: Scannable, path: string, scans?: RecordScans): Array<Tagged<PhraseMatch>> {
  if (scans) return scans.get(matcher, subject, path, () => scan(matcher, subject, path));
  if (typeof subject === 'string' && subject !== '' && matcher.field) return matcher.field(subject, path);
  return scan(matcher, subject, path);
}
