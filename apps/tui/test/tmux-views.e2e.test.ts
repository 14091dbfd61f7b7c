/**
 * End to end in tmux (80x24): the side-by-side view of a follow-sell
 * request, the measures screen of an order report with its sparklines and
 * drill-down, opening the policy in $EDITOR, and the mouse. The programs are
 * the built `sellguard-tui` and `sellguard tui`. Expected values are worked
 * out here from the sample files themselves.
 *
 * Needs `tmux` (Debian package); skipped when it is not installed.
 * UPDATE_SCREENSHOTS=1 also saves the side-by-side view and the measures
 * screen to docs/images/ for docs/tui.md.
 */
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildOnce, CLI, hasTmux, mouse, ROOT, Terminal, TUI } from './tmux.js';

const FIXTURES = join(ROOT, 'apps/tui/test/fixtures');
const term = new Terminal('tui-views');
/** Each test waits for a dozen screens; on a busy machine that takes longer than vitest's default. */
const E2E_TIMEOUT = 180_000;

/** With UPDATE_SCREENSHOTS=1, keep a screen as a text picture for the docs. */
function screenshot(name: string, screen: string): void {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  mkdirSync(join(ROOT, 'docs/images'), { recursive: true });
  writeFileSync(join(ROOT, 'docs/images', name), `${screen.replace(/\s+$/, '')}\n`);
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sellguard-tui-views-'));
  copyFileSync(join(FIXTURES, 'messages.policy'), join(dir, 'messages.policy'));
  copyFileSync(join(FIXTURES, 'messages.jsonl'), join(dir, 'messages.jsonl'));
  return dir;
}

/** 1-based line of `rule <id>` in a policy file, found with a plain search. */
function ruleLineIn(file: string, id: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith(`rule ${id} `)) + 1;
}

describe.skipIf(!hasTmux)('the terminal UI in tmux at 80x24', () => {
  beforeAll(() => buildOnce(), 180_000);
  afterAll(() => term.close());

  test('a follow-sell request: listing and offer side by side, differences marked; stacked at 60 columns', async () => {
    const second = JSON.parse(readFileSync(join(ROOT, 'examples/follow-selling/requests.jsonl'), 'utf8').split('\n')[1]) as { listing: { color: string }; offer: { color: string } };
    term.start('sides', ROOT, TUI, ['policies/follow-selling.policy', 'examples/follow-selling/requests.jsonl'], { env: { NO_COLOR: '1' } });
    await term.showing('sides', /✓ [\d,]+ records checked/);
    term.keys('sides', 'Tab');
    await term.showing('sides', /› requests\.jsonl line 2 /);
    term.keys('sides', 'Enter');
    const wide = await term.showing('sides', 'listing and offer side by side');
    const colorRow = wide.split('\n').find((l) => l.startsWith('≠ color'));
    expect(colorRow).toMatch(new RegExp(`^≠ color\\s+${second.listing.color}\\s+│ ${second.offer.color}\\s*$`));
    expect(wide).not.toContain('Why it fired');
    screenshot('tui-follow-selling.txt', wide);
    for (const row of wide.split('\n')) expect([...row].length).toBeLessThanOrEqual(80);
    term.tmux('resize-window', '-t', 'sides', '-x', '60');
    const narrow = await term.showing('sides', /^ {4}listing: /m);
    const rows = narrow.split('\n');
    const at = rows.findIndex((l) => l.startsWith('≠ color'));
    expect(rows[at + 1].trimEnd()).toBe(`    listing: ${second.listing.color}`);
    expect(rows[at + 2].trimEnd()).toBe(`    offer:   ${second.offer.color}`);
    term.keys('sides', 'q');
    await term.showing('sides', 'exited 0');
  }, E2E_TIMEOUT);

  test('sellguard tui on an order report: m shows each measure day by day and its worst SKUs; Enter lists a SKU’s orders, Esc goes back', async () => {
    // The 7-day pre-fulfillment cancel rate as of 2026-10-31, day by day, counted here from the CSV.
    const [header, ...rows] = readFileSync(join(ROOT, 'examples/orders/orders.csv'), 'utf8').trim().split('\n');
    const col = (name: string) => header.split(',').indexOf(name);
    const days = ['2026-10-25', '2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31'];
    const perDay = days.map((day) => {
      const orders = rows.map((r) => r.split(',')).filter((c) => c[col('fulfillment-channel')] === 'MFN' && c[col('purchase-date')].startsWith(day));
      return orders.length === 0 ? null : orders.filter((c) => c[col('cancelled-by')] === 'seller').length / orders.length;
    });
    const highest = Math.max(...perDay.filter((v): v is number => v !== null));
    const mugLines = rows
      .map((r, i) => ({ c: r.split(','), line: i + 2 }))
      .filter(({ c }) => c[col('sku')] === 'MUG-STONE-350' && c[col('fulfillment-channel')] === 'MFN' && days.some((d) => c[col('purchase-date')].startsWith(d)));
    const cancelledMug = mugLines.filter(({ c }) => c[col('cancelled-by')] === 'seller');
    expect(cancelledMug).toHaveLength(1);

    term.start('measures', ROOT, CLI, ['tui', '--as-of', '2026-10-31', 'policies/account-health-orders.policy', 'examples/orders/orders.csv'], { env: { NO_COLOR: '1' } });
    await term.showing('measures', '✓ 240 records checked');
    term.keys('measures', 'm');
    await term.showing('measures', '[Measures]');
    // Down to the cancel rate's worst SKU: past the order defect rate's five SKUs and five ASINs.
    for (let i = 0; i < 10; i++) term.keys('measures', 'j');
    const measures = await term.showing('measures', /› MUG-STONE-350/);
    const trend = measures.split('\n').find((l) => l.includes('a bar a day, 2026-10-25 to 2026-10-31 by purchaseDate'))!;
    const bars = [...trend.trim().split(' ')[0]];
    expect(bars).toHaveLength(7);
    perDay.forEach((v, i) => {
      if (v === null) expect(bars[i]).toBe('·');
      else if (v === highest) expect(bars[i]).toBe('█');
      else if (v === 0) expect(bars[i]).toBe('▁');
    });
    expect(measures).toMatch(/Pre-fulfillment cancel rate\s+11\.11%\s+target < 2\.5%\s+✗ missed/);
    screenshot('tui-measures.txt', measures);

    term.keys('measures', 'Enter');
    const group = await term.showing('measures', 'sku MUG-STONE-350 in Pre-fulfillment cancel rate');
    expect(group).toContain(`${mugLines.length} records, 1 met the condition (✗)`);
    expect(group).toMatch(new RegExp(`› ✗ orders\\.csv line ${cancelledMug[0].line}\\s+2026-10-30`));
    for (const { line } of mugLines) expect(group).toContain(`orders.csv line ${line} `);
    term.keys('measures', 'Escape');
    await term.showing('measures', /› MUG-STONE-350/);
    term.keys('measures', 'q');
    await term.showing('measures', 'exited 0');
  }, E2E_TIMEOUT);

  test('sellguard-tui on an order report: Enter on an order of a SKU shows the order in full, → the next one, Esc goes back to the SKU', async () => {
    // The MFN orders of MUG-STONE-350 placed 2026-10-25 to 2026-10-31, from the CSV: the seller-cancelled one first.
    const [header, ...rows] = readFileSync(join(ROOT, 'examples/orders/orders.csv'), 'utf8').trim().split('\n');
    const col = (name: string) => header.split(',').indexOf(name);
    const mugs = rows
      .map((r, i) => ({ c: r.split(','), line: i + 2 }))
      .filter(({ c }) => c[col('sku')] === 'MUG-STONE-350' && c[col('fulfillment-channel')] === 'MFN' && c[col('purchase-date')] >= '2026-10-25' && c[col('purchase-date')] < '2026-11-01');
    const ordered = [...mugs.filter(({ c }) => c[col('cancelled-by')] === 'seller'), ...mugs.filter(({ c }) => c[col('cancelled-by')] !== 'seller')];
    const session = 'group-order';
    term.start(session, ROOT, TUI, ['--as-of', '2026-10-31', 'policies/account-health-orders.policy', 'examples/orders/orders.csv'], { env: { NO_COLOR: '1' } });
    await term.showing(session, '✓ 240 records checked');
    term.keys(session, 'm');
    await term.showing(session, '[Measures]');
    for (let i = 0; i < 10; i++) term.keys(session, 'j');
    await term.showing(session, /› MUG-STONE-350/);
    term.keys(session, 'Enter');
    await term.showing(session, 'sku MUG-STONE-350 in Pre-fulfillment cancel rate');
    term.keys(session, 'Enter');
    const first = await term.showing(session, `orders.csv line ${ordered[0].line}  ·  0 problems  ·  1 of ${ordered.length} in the group`);
    expect(first).toMatch(new RegExp(`orderId\\s+${ordered[0].c[col('amazon-order-id')]}`));
    expect(first).toMatch(/cancelledBy\s+seller/);
    expect(first).toContain('Esc back to the group');
    term.keys(session, 'Right');
    const second = await term.showing(session, `orders.csv line ${ordered[1].line}  ·  0 problems  ·  2 of ${ordered.length} in the group`);
    expect(second).toMatch(new RegExp(`orderId\\s+${ordered[1].c[col('amazon-order-id')]}`));
    term.keys(session, 'Escape');
    await term.showing(session, new RegExp(`› {3}orders\\.csv line ${ordered[1].line} `));
    term.keys(session, 'q');
    await term.showing(session, 'exited 0');
  }, E2E_TIMEOUT);

  test('v opens the policy in $EDITOR at the rule’s line (+LINE FILE), then the screen comes back whole', async () => {
    const dir = workspace();
    const editor = join(dir, 'editor.sh');
    // An editor that fills the screen, then records its arguments.
    writeFileSync(editor, `#!/bin/sh\nprintf '\\033[2J\\033[H'; i=0; while [ $i -lt 30 ]; do echo SCRIBBLE; i=$((i+1)); done\nprintf '%s\\n' "$@" >> "${dir}/editor-args.txt"\n`);
    chmodSync(editor, 0o755);
    term.start('editor', dir, TUI, ['messages.policy', 'messages.jsonl'], { env: { NO_COLOR: '1', EDITOR: editor } });
    await term.showing('editor', '✓ 7 records checked');
    term.keys('editor', 'j');
    await term.showing('editor', /› email-address/);
    term.keys('editor', 'v');
    const email = ruleLineIn(join(dir, 'messages.policy'), 'email-address');
    const back = await term.showing('editor', `Back from messages.policy line ${email}.`);
    expect(back).not.toContain('SCRIBBLE');
    expect(back).toContain('Records checked 5');
    // In the record list: the record on line 4 broke outside-window first.
    term.keys('editor', 'Tab');
    await term.showing('editor', /› messages\.jsonl line 2 /);
    term.keys('editor', 'j', 'j');
    await term.showing('editor', /› messages\.jsonl line 4 /);
    term.keys('editor', 'v');
    const outside = ruleLineIn(join(dir, 'messages.policy'), 'outside-window');
    await term.showing('editor', `Back from messages.policy line ${outside}.`);
    expect(readFileSync(join(dir, 'editor-args.txt'), 'utf8').split('\n').filter(Boolean)).toEqual([`+${email}`, 'messages.policy', `+${outside}`, 'messages.policy']);
    term.keys('editor', 'q');
    await term.showing('editor', 'exited 0');
  }, E2E_TIMEOUT);

  test('the mouse: a click selects a row, a second click opens it, the wheel moves three rows; ? lists both', async () => {
    const dir = workspace();
    term.start('mouse', dir, TUI, ['messages.policy', 'messages.jsonl'], { env: { NO_COLOR: '1' } });
    await term.showing('mouse', '✓ 7 records checked');
    term.keys('mouse', 'Tab');
    await term.showing('mouse', /› messages\.jsonl line 2 /);
    // Rows: 1 the top bar, 2 the list's heading, 3 the column titles, 4 the first record: row 6 is the third record (line 4).
    term.bytes('mouse', mouse.click(10, 6));
    await term.showing('mouse', /› messages\.jsonl line 4 /);
    term.bytes('mouse', mouse.click(10, 6));
    await term.showing('mouse', 'messages.jsonl line 4  ·  1 problem');
    term.keys('mouse', 'Escape');
    await term.showing('mouse', /› messages\.jsonl line 4 /);
    term.bytes('mouse', mouse.wheelUp(10, 6));
    await term.showing('mouse', /› messages\.jsonl line 2 /);
    term.bytes('mouse', mouse.wheelDown(10, 6));
    await term.showing('mouse', /› messages\.jsonl line 5 /);
    term.keys('mouse', '?');
    term.keys('mouse', 'G');
    const help = await term.showing('mouse', /^ {2}click\s+select a rule, a record or a group/m);
    expect(help).toMatch(/^ {2}wheel\s+scroll/m);
    term.keys('mouse', 'q');
    await term.showing('mouse', 'exited 0');
  }, E2E_TIMEOUT);
});
