/**
 * What one record's rules found in its text, remembered while the record is checked. Several rules read
 * the same field: buyer-messaging splits the body into sentences for six clauses and looks for review
 * words in every sentence for five of them. The generated `evaluate` makes one of these per record and
 * hands it to every scan (`rt.detect(…, scans)`), so each field, and each sentence of it, is scanned once
 * per detector, phrase list or pattern, and the rules share the answer. Callers only read the answers.
 * It is dropped with the record: nothing is kept from one record to the next.
 */
import type { Scannable } from './scan.js';

interface FieldScan {
  text: string;
  found: unknown[];
}

export class RecordScans {
  /** Per scanner (a detector name, a phrase list, a pattern): the last answer for each field path. */
  private readonly fields = new Map<unknown, Map<string, FieldScan>>();
  /** Per scanner: the answer for each earlier match scanned again (a sentence). */
  private readonly parts = new Map<unknown, Map<object, unknown[]>>();

  /** The field text each part (a sentence) was cut from, for parts whose offsets are that text's. */
  private readonly sources = new Map<object, string>();
  /** Per key: values computed from texts (a field's or a sentence's), by text. */
  private readonly texts = new Map<unknown, Map<string, unknown>>();

  /** Remember that these parts (sentences, with offsets into `source`) were cut from `source`. */
  noteSource(parts: readonly object[], source: string): void {
    for (const part of parts) this.sources.set(part, source);
  }

  /** The field text a part was cut from, when noteSource was told. */
  sourceOf(part: object): string | undefined {
    return this.sources.get(part);
  }

  /** `run()`'s answer for this key and text, computed once while the record is checked. */
  ofText<T>(key: unknown, text: string, run: () => T): T {
    let byText = this.texts.get(key);
    if (byText === undefined) this.texts.set(key, (byText = new Map()));
    if (byText.has(text)) return byText.get(text) as T;
    const value = run();
    byText.set(text, value);
    return value;
  }

  /** `run()`'s answer for this scanner on this subject, computed the first time it is asked for. */
  get<M>(scanner: unknown, subject: Scannable, path: string, run: () => M[]): M[] {
    if (typeof subject === 'string') {
      let byPath = this.fields.get(scanner);
      if (byPath === undefined) this.fields.set(scanner, (byPath = new Map()));
      const known = byPath.get(path);
      // The same path may hold another text (`emails(lower(body))` and `emails(upper(body))` have none).
      if (known !== undefined && known.text === subject) return known.found as M[];
      const found = run();
      byPath.set(path, { text: subject, found });
      return found;
    }
    if (typeof subject === 'object' && subject !== null) {
      let byPart = this.parts.get(scanner);
      if (byPart === undefined) this.parts.set(scanner, (byPart = new Map()));
      const known = byPart.get(subject);
      if (known !== undefined) return known as M[];
      const found = run();
      byPart.set(subject, found);
      return found;
    }
    return run();
  }
}

/** A record's scans (generated code: `const scans = rt.recordScans();` in evaluate). */
export function recordScans(): RecordScans {
  return new RecordScans();
}
