/**
 * A policy that is slow on the data, in a real browser: the check runs in
 * the check worker, so the page stays usable while it runs; when the time
 * budget is spent the check is stopped with a plain message and no results
 * are shown as current; once the policy is simplified the results appear.
 *
 * The slow policy is an honest one: finding duplicate SKUs by counting each
 * SKU among all the others takes time that grows with the square of the
 * list: 6,000 SKUs take about 3 seconds in Chromium, 20,000 about ten times
 * as long, far past the budget on any machine. The page is opened with `?budget=3000`,
 * the documented testing aid, so the test waits 3 seconds instead of 10.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeState } from '../src/lib/urlState';
import { CHROMIUM, DIST, ensureBuilt, launch, serve } from './browser';

const SLOW_POLICY = `policy shipments "Shipments"
  input Shipment

record Shipment {
  skus: list<string>
}

rule duplicate-sku error "A SKU is listed twice" {
  forbid any a in skus: (count b in skus: b == a) > 1
}
`;

const SIMPLE_POLICY = `policy shipments "Shipments"
  input Shipment

record Shipment {
  skus: list<string>
}

rule empty-sku error "A SKU is empty" {
  forbid any a in skus: a == ""
}
`;

const SKUS = Array.from({ length: 20_000 }, (_, i) => `SKU-${i}`);
const DATA = `${JSON.stringify({ skus: SKUS })}\n`;

let server: Awaited<ReturnType<typeof serve>>;
let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;
const problems: string[] = [];

/** The policy editor's text and whether a check is running, read in one go. */
async function editorAndCheck(p: Page): Promise<{ text: string; checking: boolean; stopped: boolean }> {
  return p.evaluate(() => ({
    text: [...document.querySelectorAll('.policy-editor .cm-line')].map((l) => l.textContent ?? '').join('\n'),
    checking: document.querySelector('[data-testid="checking"]') !== null,
    stopped: document.querySelector('[data-testid="check-stopped"]') !== null,
  }));
}

describe.skipIf(!existsSync(CHROMIUM))('a slow policy in the playground', () => {
  beforeAll(async () => {
    ensureBuilt();
    server = await serve(DIST);
    browser = await launch();
    browser.context.setDefaultTimeout(30_000);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => problems.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps the page usable, stops the check after the budget, and shows results once the policy is simpler', async () => {
    const hash = encodeState({ policy: SLOW_POLICY, data: DATA, record: 0, tab: 'results', view: 'text' });
    await page.goto(`${server.url}?budget=3000#${hash}`);
    await page.getByTestId('checking').waitFor();

    // Typing while the slow check runs: the text shows at once, and the check (of the new text) is still running.
    await page.locator('.policy-editor .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('# typed while checking');
    const during = await editorAndCheck(page);
    expect(during.text).toContain('# typed while checking');
    expect(during.checking).toBe(true);
    expect(during.stopped).toBe(false);

    const stopped = page.getByTestId('check-stopped');
    await stopped.waitFor();
    const message = (await stopped.textContent()) ?? '';
    expect(message).toMatch(/^The check was stopped after 3 seconds while checking record 1 \(line 1 of the data\): the policy takes too long on this data\. /);
    expect(message).toContain('No results are shown');
    expect(message).toContain('Try smaller data');
    expect(await page.getByTestId('summary').count()).toBe(0);
    expect(await page.getByTestId('checking').count()).toBe(0);
    const shots = mkdtempSync(join(tmpdir(), 'sellguard-budget-'));
    await page.screenshot({ path: join(shots, 'time-budget.png') });
    console.log(`screenshot: ${join(shots, 'time-budget.png')}`);

    // Simplify the policy: the next check runs in a fresh worker and its results appear.
    await page.locator('.policy-editor .cm-content').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(SIMPLE_POLICY);
    // A fresh worker loads and compiles first: on a busy machine that takes seconds.
    await page.getByTestId('summary').waitFor();
    // One record, 20,000 SKUs, none empty.
    await expect(page.getByTestId('summary').textContent()).resolves.toBe('All 1 record follow the policy.');
    expect(await page.getByTestId('check-stopped').count()).toBe(0);
    expect(problems).toEqual([]);
  }, 90_000);
});
