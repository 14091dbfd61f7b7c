/**
 * A million records in tmux (80x24), with the built `sellguard-tui`: keys
 * are answered while the file is being read, while a search runs over the
 * 200,000 records with problems, and while they are sorted. Each check
 * presses a key and waits for a screen that shows both the key's effect and
 * the work still in progress, so a UI that blocked would fail it. The
 * program's peak memory is printed.
 *
 * Slow (a minute or more): `npm run test:tui-large`, not part of `npm test`.
 */
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildOnce, hasTmux, ROOT, Terminal, TUI } from '../tmux.js';

const RECORDS = 1_000_000;
const term = new Terminal('tui-million');
const dir = mkdtempSync(join(tmpdir(), 'sellguard-tui-million-'));

/** One message in five has an email address (a problem): 200,000 records with problems. */
async function writeMessages(file: string): Promise<void> {
  const out = createWriteStream(file);
  let chunk = '';
  for (let i = 0; i < RECORDS; i++) {
    const body = i % 5 === 0 ? `Hello, your parcel ships today. Write to desk${i}@lumo-shop.com with questions.` : `Hello, your parcel ${i} ships today. Thank you for your order.`;
    chunk += `${JSON.stringify({ orderId: `111-${String(i).padStart(7, '0')}`, body })}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  await new Promise<void>((resolve) => out.end(chunk, resolve));
}

const selected = (screen: string) => screen.split('\n').find((l) => l.startsWith('›')) ?? '';

describe.skipIf(!hasTmux)('a million records stay responsive', () => {
  beforeAll(async () => {
    buildOnce();
    await writeMessages(join(dir, 'million.jsonl'));
  }, 300_000);
  afterAll(() => term.close());

  test('keys are answered while reading, searching and sorting', async () => {
    term.start('big', dir, TUI, [join(ROOT, 'apps/tui/test/fixtures/messages.policy'), 'million.jsonl'], { env: { NO_COLOR: '1' } });
    await term.showing('big', /Reading… [\d,]+ records/, 60_000);

    // While reading: Tab switches to the record list, and the top bar still says Reading….
    term.keys('big', 'Tab');
    await term.waitFor('big', (s) => s.includes('[Records') && s.includes('Reading…'));
    // (j needs a second record to move to: wait until the list shows it.)
    await term.waitFor('big', (s) => s.includes('  million.jsonl line 6 ') && s.includes('Reading…'));
    // While reading: j moves to the second record with a problem (line 6: every fifth message has one).
    term.keys('big', 'j');
    await term.waitFor('big', (s) => /› million\.jsonl line 6 /.test(selected(s)) && s.includes('Reading…'));

    await term.showing('big', '✓ 1,000,000 records checked', 600_000);
    const pid = term.programPid('big');
    const status = pid ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
    const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    console.log(`peak memory after reading ${RECORDS.toLocaleString('en-US')} records: ${Math.round(peakKb / 1024)} MB`);
    expect(peakKb).toBeGreaterThan(0);
    expect(peakKb / 1024).toBeLessThan(3000);

    // While searching the 200,000 records with problems ("desk1" first matches desk10 on line 11, then desk15 on line 16):
    // j moves the selection, and the heading still says Filtering….
    term.keys('big', 'g', '/');
    term.keys('big', '-l', 'desk1');
    await term.showing('big', /Filtering… \d+%/);
    term.keys('big', 'Enter', 'j');
    await term.waitFor('big', (s) => /Filtering… \d+%/.test(s) && /› million\.jsonl line 16 /.test(selected(s)));
    // Counted here: the messages with a problem (every fifth) whose number starts with 1.
    let desk1 = 0;
    for (let i = 0; i < RECORDS; i += 5) if (String(i).startsWith('1')) desk1++;
    await term.showing('big', new RegExp(`^${desk1.toLocaleString('en-US')} of 200,000 records with problems match: text "desk1" +2 of ${desk1.toLocaleString('en-US')}`, 'm'), 600_000);

    // While sorting them by their first problem: j moves, and the heading still says Sorting….
    term.keys('big', 'c');
    await term.showing('big', /^200,000 records with problems +1 of 200,000/m, 600_000);
    term.keys('big', ':');
    term.keys('big', '-l', 'sort first desc');
    term.keys('big', 'Enter');
    await term.showing('big', /Sorting… \d+%/);
    term.keys('big', 'j');
    await term.waitFor('big', (s) => /Sorting… \d+%/.test(s) && /› million\.jsonl line 6 /.test(selected(s)));
    // Sorted: the heading gives the position again (the second row, where j left the cursor).
    await term.showing('big', /^200,000 records with problems +2 of 200,000/m, 600_000);
    term.keys('big', 'q');
    await term.showing('big', 'exited 0');
  }, 1_800_000);
});
