/** The measures screen: sparklines, worst groups, drilling to a group's orders and back; and the help lists every key. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { evalContext, loadPolicy } from '@sellguard/core/node';
import type { DayValue } from '@sellguard/core';
import { App } from '../src/App.js';
import { COMMAND_HELP } from '../src/commands.js';
import { KEY_HELP, keyToAction, MOUSE_HELP } from '../src/keys.js';
import { startCheck } from '../src/loader.js';
import { helpLines } from '../src/screens/Help.js';
import { fixedStore, type SessionState } from '../src/session.js';
import { bucketDays, sparkline } from '../src/sparkline.js';
import { initialState, type Screen } from '../src/state.js';
import { KEYS, renderAt } from './helpers.js';

afterEach(() => cleanup());

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('sparkline', () => {
  test('lowest ▁ to highest █, a dot for a day with nothing counted', () => {
    expect(sparkline([0, 0.5, 1, null, 0.25])).toBe('▁▅█·▃');
    expect(sparkline([null, null])).toBe('··');
    expect(sparkline([0, 0, 0])).toBe('▁▁▁');
  });

  test('days merge into bars the way a rate adds up: numerators and denominators', () => {
    const day = (value: number | null, numerator: number, denominator: number): DayValue => ({ day: 'd', value, numerator, denominator });
    // 1 of 4 and 3 of 4 → 4 of 8 = 0.5; a day with no orders and 1 of 1 → 1.
    const { values, perBucket } = bucketDays([day(0.25, 1, 4), day(0.75, 3, 4), day(null, 0, 0), day(1, 1, 1)], 'rate', 2);
    expect(perBucket).toBe(2);
    expect(values).toEqual([0.5, 1]);
  });
});

async function ordersState(): Promise<SessionState> {
  const file = `${ROOT}policies/account-health-orders.policy`;
  const { policy, source } = loadPolicy(file);
  if (!policy) throw new Error('account-health-orders does not compile');
  const context = evalContext({ asOf: Date.UTC(2026, 9, 31) });
  const inputs = [`${ROOT}examples/orders/orders.csv`];
  const data = await startCheck(policy, inputs, context, { onProgress: () => undefined }).done;
  if (!data) throw new Error('cancelled');
  return { status: 'done', policyFile: file, inputs, policy, context, policySource: source, diagnostics: [], data, watching: false, checks: 1 };
}

describe('the measures screen', () => {
  test('m shows each measure with a sparkline and its worst SKUs; Enter lists a SKU’s orders; Esc goes back', async () => {
    const r = await renderAt(<App store={fixedStore(await ordersState())} />);
    await r.press('m');
    expect(r.screen()).toContain('[Measures]');
    expect(r.screen()).toMatch(/Order defect rate\s+0%\s+target < 1%\s+✓ met/);
    // 60 days do not fit at 80 columns: 3 days a bar.
    expect(r.screen()).toMatch(/^ {2}[▁▂▃▄▅▆▇█·]{20} 3 days a bar, 2026-09-02 to 2026-10-31 by purchaseDate/m);
    for (let i = 0; i < 10; i++) await r.press('j');
    expect(r.screen()).toMatch(/› MUG-STONE-350\s+25\.00%\s+1 of 4/);
    await r.press(KEYS.enter);
    expect(r.screen()).toContain('sku MUG-STONE-350 in Pre-fulfillment cancel rate');
    expect(r.screen()).toContain('4 records, 1 met the condition (✗)');
    expect(r.screen()).toMatch(/› ✗ orders\.csv line \d+\s+2026-10-30/);
    await r.press(KEYS.escape);
    expect(r.screen()).toMatch(/› MUG-STONE-350/);
    await r.press(KEYS.escape);
    expect(r.screen()).toContain('[Summary]');
  });

  test('Enter on an order of a group shows the order in full; ← → go through the group; Esc goes back to it', async () => {
    // The orders of MUG-STONE-350 placed in the 7 days up to 2026-10-31 (MFN), counted from the CSV:
    // the one the seller cancelled first, then the others in file order.
    const [header, ...rows] = readFileSync(`${ROOT}examples/orders/orders.csv`, 'utf8').trim().split('\n');
    const col = (name: string) => header.split(',').indexOf(name);
    const mugs = rows
      .map((r, i) => ({ c: r.split(','), line: i + 2 }))
      .filter(({ c }) => c[col('sku')] === 'MUG-STONE-350' && c[col('fulfillment-channel')] === 'MFN' && c[col('purchase-date')] >= '2026-10-25' && c[col('purchase-date')] < '2026-11-01');
    const ordered = [...mugs.filter(({ c }) => c[col('cancelled-by')] === 'seller'), ...mugs.filter(({ c }) => c[col('cancelled-by')] !== 'seller')];
    expect(ordered).toHaveLength(4);

    const r = await renderAt(<App store={fixedStore(await ordersState())} />);
    await r.press('m');
    for (let i = 0; i < 10; i++) await r.press('j');
    await r.press(KEYS.enter);
    await r.press(KEYS.enter);
    expect(r.screen()).toContain(`orders.csv line ${ordered[0].line}  ·  0 problems  ·  1 of 4 in the group`);
    expect(r.screen()).toMatch(new RegExp(`orderId\\s+${ordered[0].c[col('amazon-order-id')]}`));
    expect(r.screen()).toMatch(/cancelledBy\s+seller/);
    await r.press(KEYS.right);
    expect(r.screen()).toContain(`orders.csv line ${ordered[1].line}  ·  0 problems  ·  2 of 4 in the group`);
    expect(r.screen()).toMatch(new RegExp(`orderId\\s+${ordered[1].c[col('amazon-order-id')]}`));
    await r.press(KEYS.escape);
    expect(r.screen()).toContain('sku MUG-STONE-350 in Pre-fulfillment cancel rate');
    expect(r.screen()).toMatch(new RegExp(`› {3}orders\\.csv line ${ordered[1].line} `));
  });

  test('Tab goes summary → records → measures → summary', async () => {
    const r = await renderAt(<App store={fixedStore(await ordersState())} />);
    for (const tab of ['[Records 0]', '[Measures]', '[Summary]']) {
      await r.press(KEYS.tab);
      expect(r.screen()).toContain(tab);
    }
  });
});

describe('help', () => {
  test('lists every key, command and mouse action', () => {
    const text = helpLines(100, false)
      .map((l) => l.map((s) => s.text).join(''))
      .join('\n');
    for (const [keys, what] of [...KEY_HELP, ...COMMAND_HELP, ...MOUSE_HELP]) {
      expect(text).toContain(keys);
      expect(text).toContain(what.slice(0, 30));
    }
  });

  test('every printable key that does something is in the help', () => {
    const screens: Screen[] = ['summary', 'list', 'record', 'metrics', 'group', 'groupRecord'];
    const listed = KEY_HELP.map(([k]) => k).join(' ');
    for (let c = 0x21; c < 0x7f; c++) {
      const ch = String.fromCharCode(c);
      const bound = screens.some((screen) => keyToAction(ch, {}, { ...initialState, screen }) !== null);
      if (bound) expect(listed.split(/\s+/), `the key ${ch}`).toContain(ch);
    }
  });
});
