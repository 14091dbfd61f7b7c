/**
 * One JSON line of many megabytes is read whole (how its time grows is measured in
 * test/growth/readers.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { lines } from '../../src/node/read.js';

/** A text stream in 64 KiB chunks, as a file is read. */
async function* chunked(text: string): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += 65536) yield text.slice(i, i + 65536);
}

async function split(text: string): Promise<string[]> {
  const out: string[] = [];
  for await (const l of lines(chunked(text))) out.push(l);
  return out;
}

describe('the line splitter', () => {
  it('keeps lines whole across chunk boundaries', async () => {
    const long = 'x'.repeat(200_000);
    expect(await split(`a\n${long}\n\nb`)).toEqual(['a', long, '', 'b']);
  });
});
