/**
 * The bridge between generated code and the text detectors: runs a detector
 * on one field value and tags every match with the field's path. Detectors
 * that need more than the text (the speller) read it from the context.
 */
import type { EvalContext } from './context.js';
import * as detectors from './detectors/index.js';
import { scan, type Scannable, type Tagged } from './scan.js';
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

/** `emails(body)` → detect("emails", record.body, "body", ctx). Missing text has no matches. */
export function detect(name: string, subject: Scannable, path: string, ctx: EvalContext): Array<Tagged<{ start: number; end: number; text: string }>> {
  const run = TABLE[name];
  if (!run) throw new Error(`unknown detector ${name}`);
  return scan((text) => run(text, ctx), subject, path);
}

export type PhraseMatcher = (text: string) => Array<{ start: number; end: number; text: string; phrase: string }>;

export function phraseMatcher(phrases: string[]): PhraseMatcher {
  return detectors.compilePhrases(phrases);
}

/** `phrases(body, marketing)` → phrases(PH[0], record.body, "body"). */
export function phrases(matcher: PhraseMatcher, subject: Scannable, path: string) {
  return scan(matcher, subject, path);
}
