/**
 * Bytes to text for the readers: UTF-8, or UTF-16 (with a byte-order mark, or
 * without one when the zero bytes show it: spreadsheet "Unicode text" exports),
 * the byte-order mark dropped, and every line end (CRLF, or CR alone as old
 * Mac exports write it) made LF, so a file of CR-only lines is still one
 * record a line. Bytes that are not valid UTF-8 become U+FFFD here; the
 * records holding them are reported by the reader (see `holdsReplacement`).
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * The encoding of a file from its first bytes: a UTF-16 byte-order mark, or,
 * without one, text where most characters have a zero high byte (ASCII-range
 * text in UTF-16 is every other byte zero; UTF-8 text never holds zero bytes).
 */
export function sniffEncoding(head: Uint8Array): Encoding {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return 'utf-8';
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) zeroEven++;
    if (head[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return 'utf-8';
}

/** Decodes a stream (`seen.replacement` turns true once the text holds U+FFFD) of byte chunks (or strings, passed through) into text with LF line ends and no byte-order mark. */
export async function* decodeChunks(bytes: AsyncIterable<Buffer | string>, seen: { replacement: boolean } = { replacement: false }): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let first = true;
  let pendingCR = false;
  let written: ((chunk: Buffer, count: boolean) => number) | undefined;
  let writtenCount = 0;
  let decodedCount = 0;
  // A CR at the end of a chunk may be the first half of a CRLF: held back until the next chunk shows.
  const normalise = (text: string): string => {
    if (pendingCR) text = `\r${text}`;
    pendingCR = text.endsWith('\r');
    if (pendingCR) text = text.slice(0, -1);
    return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  };
  for await (const chunk of bytes) {
    let text: string;
    if (typeof chunk === 'string') text = chunk;
    else {
      if (!decoder) {
        const encoding = sniffEncoding(chunk);
        decoder = new TextDecoder(encoding);
        written = writtenReplacements(encoding);
      }
      text = decoder.decode(chunk, { stream: true });
      // Bytes are only counted for a chunk whose text holds U+FFFD: clean text costs nothing more.
      if (!seen.replacement) writtenCount += written!(chunk, text.includes('\ufffd'));
    }
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    text = normalise(text);
    // More U+FFFD in the text than the file wrote as characters: the decoder put some there for bad bytes.
    if (!seen.replacement && text.includes('\ufffd')) {
      decodedCount += countReplacements(text);
      if (decodedCount > writtenCount) seen.replacement = true;
    }
    if (text) yield text;
  }
  const tail = (pendingCR ? '\r' : '') + (decoder?.decode() ?? '');
  if (tail.includes('\ufffd') && decodedCount + countReplacements(tail) > writtenCount) seen.replacement = true;
  if (tail) yield tail.replace(/\r\n?/g, '\n');
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/**
 * Counts U+FFFD characters the file itself holds (a file may legitimately contain the replacement
 * character): EF BF BD in UTF-8, the code unit FFFD in UTF-16, also split across two chunks. Called
 * for every chunk (to keep the last bytes of the one before), counting only when asked.
 */
function writtenReplacements(encoding: Encoding): (chunk: Buffer, count: boolean) => number {
  const seq = Buffer.from(encoding === 'utf-8' ? [0xef, 0xbf, 0xbd] : encoding === 'utf-16le' ? [0xfd, 0xff] : [0xff, 0xfd]);
  let carry = Buffer.alloc(0);
  let offset = 0; // of this chunk in the file, for UTF-16's code unit alignment
  // Sequences in `bytes` (which starts at file offset `base`) that start before `before`.
  const occurrences = (bytes: Buffer, base: number, before: number): number => {
    let n = 0;
    for (let i = bytes.indexOf(seq); i !== -1 && i < before; i = bytes.indexOf(seq, i + 1)) if (seq.length === 3 || (base + i) % 2 === 0) n++;
    return n;
  };
  return (chunk, count) => {
    let n = 0;
    if (count) {
      // A sequence begun in the last chunk's final bytes, then the ones wholly inside this chunk.
      n += occurrences(Buffer.concat([carry, chunk.subarray(0, seq.length - 1)]), offset - carry.length, carry.length);
      n += occurrences(chunk, offset, chunk.length);
    }
    // A chunk shorter than a sequence (standard input may come a byte at a time) keeps older bytes too.
    const tail = chunk.length >= seq.length - 1 ? chunk : Buffer.concat([carry, chunk]);
    carry = Buffer.from(tail.subarray(Math.max(0, tail.length - (seq.length - 1))));
    offset += chunk.length;
    return n;
  };
}

/**
 * Whether a record as read holds U+FFFD, the character a decoder puts where
 * bytes are not valid text. Walked with an explicit stack: records may be
 * nested thousands of levels deep.
 */
export function holdsReplacement(raw: unknown): boolean {
  const stack: unknown[] = [raw];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\ufffd')) return true;
    } else if (v !== null && typeof v === 'object') {
      if (Array.isArray(v)) for (const item of v) stack.push(item);
      else
        for (const key of Object.keys(v)) {
          if (key.includes('\ufffd')) return true;
          stack.push((v as Record<string, unknown>)[key]);
        }
    }
  }
  return false;
}
