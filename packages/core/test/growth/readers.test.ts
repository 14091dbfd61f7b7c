/**
 * One JSON line of many megabytes is read in linear time: the line splitter searches each chunk once
 * instead of rescanning its growing buffer.
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

async function fastest(run: () => Promise<unknown>, times = 5): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe('the line splitter', () => {
  it('time for a 2N-character line / time for an N-character line stays well below quadratic growth', async () => {
    const n = 4 * 1024 * 1024;
    const line = (size: number) => `{"body":"${'y'.repeat(size)}"}\n`;
    const small = line(n);
    const large = line(2 * n);
    expect((await split(large))[0]!.length).toBe(2 * n + 11);
    const ratio = (await fastest(() => split(large))) / Math.max(await fastest(() => split(small)), 0.05);
    expect(ratio).toBeLessThan(3);
  });
});
