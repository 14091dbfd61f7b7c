/**
 * Running a text scan on a field value, or again inside an earlier match, and
 * tagging every match with the field's path, so a violation can say where the
 * characters are. The detectors (detect.ts) and the shape scans (text.ts) both
 * go through here.
 */

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

/** Run a scan on a field value or inside an earlier match, tagging each match with where it is. */
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
