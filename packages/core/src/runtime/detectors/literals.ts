/**
 * Finding many literal strings in one pass over a text (Aho–Corasick), case-insensitively the way a
 * `/iu` regular expression compares letters — for the characters it accepts in a key (see `keyable`).
 *
 * Phrase lists use it as a prefilter: the text is scanned once for the first word of every phrase, and
 * the (slower) phrase patterns run only where such a word starts. The scan is linear in the text length
 * plus the number of hits.
 */

/** ASCII letters fold to lower case; so do the two non-ASCII letters a `/iu` regex equates with ASCII ones. */
function foldUnit(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  if (c === 0x17f) return 0x73; // ſ (long s) is s
  if (c === 0x212a) return 0x6b; // K (Kelvin sign) is k
  return c;
}

/**
 * Whether a key may contain this code unit: ASCII, or a character of the Basic Multilingual Plane that has
 * no case (CJK, digits of other scripts, punctuation). A cased non-ASCII letter (é, Ä, σ) has variants the
 * fold above does not know, so keys stop before it; callers find such starts another way.
 */
export function keyable(ch: string): boolean {
  if (ch.length !== 1) return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return true;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return ch.toLowerCase() === ch && ch.toUpperCase() === ch;
}

export interface LiteralAutomaton {
  /** Every occurrence of every key (overlapping ones too), in order of where they end (`end` is the last unit). */
  scan(text: string, onHit: (key: number, start: number, end: number) => void): void;
}

/** Build the automaton for non-empty keys made of `keyable` characters. */
export function literalAutomaton(keys: readonly string[]): LiteralAutomaton {
  // The trie: per state, its transitions, the state to fall back to, and the keys ending there.
  const next: Array<Map<number, number>> = [new Map()];
  const ends: number[][] = [[]];
  keys.forEach((key, k) => {
    let s = 0;
    for (let i = 0; i < key.length; i++) {
      const c = foldUnit(key.charCodeAt(i));
      let t = next[s]!.get(c);
      if (t === undefined) {
        t = next.length;
        next.push(new Map());
        ends.push([]);
        next[s]!.set(c, t);
      }
      s = t;
    }
    ends[s]!.push(k);
  });
  // Breadth first: fall-back links and the keys that end at a state through its fall-back chain.
  const fail = new Int32Array(next.length);
  const order: number[] = [];
  for (const t of next[0]!.values()) order.push(t);
  for (let q = 0; q < order.length; q++) {
    const s = order[q]!;
    for (const [c, t] of next[s]!) {
      let f = fail[s]!;
      while (f !== 0 && !next[f]!.has(c)) f = fail[f]!;
      const g = next[f]!.get(c);
      fail[t] = g !== undefined && g !== t ? g : 0;
      order.push(t);
    }
  }
  for (const s of order) if (ends[fail[s]!]!.length) ends[s] = ends[s]!.concat(ends[fail[s]!]!);
  // ASCII transitions as a dense table (the common case), indexed by the unfolded code unit so that the
  // loop below does not fold ASCII text; others walk the fall-back links.
  const ascii = new Int32Array(next.length * 128);
  for (const s of [0, ...order]) {
    for (let c = 0; c < 128; c++) {
      const t = next[s]!.get(c);
      ascii[s * 128 + c] = t !== undefined ? t : s === 0 ? 0 : ascii[fail[s]! * 128 + c]!;
    }
    for (let c = 0x41; c <= 0x5a; c++) ascii[s * 128 + c] = ascii[s * 128 + c + 0x20]!;
  }
  // Per state: how many keys end there (a typed array, so the loop reads one number per character).
  const endCount = Int32Array.from(ends, (e) => e.length);
  const endsAt = ends.map((e) => Int32Array.from(e));
  const lengths = Int32Array.from(keys, (k) => k.length);
  return {
    scan(text, onHit) {
      let s = 0;
      const n = text.length;
      for (let i = 0; i < n; i++) {
        const unit = text.charCodeAt(i);
        if (unit < 128) s = ascii[(s << 7) | unit]!;
        else {
          const c = foldUnit(unit);
          if (c < 128) s = ascii[(s << 7) | c]!;
          else {
            while (s !== 0 && !next[s]!.has(c)) s = fail[s]!;
            s = next[s]!.get(c) ?? 0;
          }
        }
        if (endCount[s] !== 0) {
          const found = endsAt[s]!;
          for (let j = 0; j < found.length; j++) onHit(found[j]!, i + 1 - lengths[found[j]!]!, i);
        }
      }
    },
  };
}
