/**
 * The bridge between generated code and the text detectors: runs a detector
 * on one field value and tags every match with the field's path, so a
 * violation can say where the characters are.
 */
import * as detectors from './detectors/index.js';

type Detector = (text: string) => Array<{ start: number; end: number; text: string }>;

const TABLE: Record<string, Detector> = {
  links: detectors.links,
  emails: detectors.emails,
  phones: detectors.phones,
  emoji: detectors.emoji,
  orderIds: detectors.orderIds,
  images: detectors.images,
  optOutLinks: detectors.optOutLinks,
  spelling: (text) => detectors.spelling(text),
};

export type Tagged<M> = M & { path: string };

function tag<M extends object>(matches: M[], path: string): Array<Tagged<M>> {
  for (const m of matches) (m as Tagged<M>).path = path;
  return matches as Array<Tagged<M>>;
}

/** `emails(body)` → detect("emails", record.body, "body"). Missing text has no matches. */
export function detect(name: string, text: string | null | undefined, path: string): Array<Tagged<{ start: number; end: number; text: string }>> {
  if (text == null || text === '') return [];
  const run = TABLE[name];
  if (!run) throw new Error(`unknown detector ${name}`);
  return tag(run(text), path);
}

export type PhraseMatcher = (text: string) => Array<{ start: number; end: number; text: string; phrase: string }>;

export function phraseMatcher(phrases: string[]): PhraseMatcher {
  return detectors.compilePhrases(phrases);
}

/** `phrases(body, marketing)` → phrases(PH[0], record.body, "body"). */
export function phrases(matcher: PhraseMatcher, text: string | null | undefined, path: string) {
  if (text == null || text === '') return [];
  return tag(matcher(text), path);
}
