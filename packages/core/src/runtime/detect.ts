/**
 * The bridge between generated code and the text detectors: runs a detector
 * on one field value and tags every match with the field's path, so a
 * violation can say where the characters are.
 */
import * as detectors from './detectors/index.js';
import { sentences } from './text.js';

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
  sentences,
};

export type Tagged<M> = M & { path: string };

function tag<M extends object>(matches: M[], path: string): Array<Tagged<M>> {
  for (const m of matches) (m as Tagged<M>).path = path;
  return matches as Array<Tagged<M>>;
}

/** A match scanned again (`phrases(sentence, reviewWords)`): offsets and path stay those of the original text. */
interface Located {
  text: string;
  start: number;
  path: string;
}

export type Scannable = string | Located | null | undefined;

function isLocated(x: Scannable): x is Located {
  return typeof x === 'object' && x !== null && typeof x.text === 'string' && typeof x.start === 'number';
}

/** Run a detector on a field value or inside an earlier match, tagging each match with where it is. */
export function scan<M extends { start: number; end: number; text: string }>(
  run: (text: string) => M[],
  subject: Scannable,
  path: string,
): Array<Tagged<M>> {
  if (subject == null) return [];
  if (isLocated(subject)) {
    if (subject.text === '') return [];
    const found = run(subject.text);
    for (const m of found) {
      m.start += subject.start;
      m.end += subject.start;
    }
    return tag(found, subject.path);
  }
  if (subject === '') return [];
  return tag(run(subject), path);
}

/** `emails(body)` → detect("emails", record.body, "body"). Missing text has no matches. */
export function detect(name: string, subject: Scannable, path: string): Array<Tagged<{ start: number; end: number; text: string }>> {
  const run = TABLE[name];
  if (!run) throw new Error(`unknown detector ${name}`);
  return scan(run, subject, path);
}

export type PhraseMatcher = (text: string) => Array<{ start: number; end: number; text: string; phrase: string }>;

export function phraseMatcher(phrases: string[]): PhraseMatcher {
  return detectors.compilePhrases(phrases);
}

/** `phrases(body, marketing)` → phrases(PH[0], record.body, "body"). */
export function phrases(matcher: PhraseMatcher, subject: Scannable, path: string) {
  return scan(matcher, subject, path);
}
