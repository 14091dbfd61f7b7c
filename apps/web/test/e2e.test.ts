/**
 * The playground in a real browser: Debian's headless Chromium, driven by
 * playwright-core, on the built site (apps/web/dist) served from 127.0.0.1.
 * Runs like a visitor would: open the page, read the results, pick the
 * examples, break the policy, edit the data, apply a fix, share a link.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, DIST, ensureBuilt, launch, ROOT, serve, WEB } from './browser';

const SHOTS = join(WEB, 'test/screenshots');
const README_IMAGE = join(ROOT, 'docs/images/playground.png');
const haveBrowser = existsSync(CHROMIUM);

const consoleProblems: string[] = [];
let server: Awaited<ReturnType<typeof serve>>;
let browser: Awaited<ReturnType<typeof launch>>;
let context: BrowserContext;
let page: Page;

function watch(p: Page, name: string): void {
  p.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleProblems.push(`${name} ${m.type()}: ${m.text()}`);
  });
  p.on('pageerror', (e) => consoleProblems.push(`${name} page error: ${e.message}`));
}

/** The summary line once the results have settled on the given text. */
async function summary(p: Page): Promise<string> {
  return (await p.getByTestId('summary').textContent()) ?? '';
}

async function policyLine(p: Page, startsWith: string): Promise<number> {
  return p.evaluate((start) => {
    const text = [...document.querySelectorAll('.policy-editor .cm-line')].map((l) => l.textContent ?? '');
    return text.findIndex((t) => t.startsWith(start));
  }, startsWith);
}

describe.skipIf(!haveBrowser)('the playground in a browser', () => {
  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(SHOTS, { recursive: true });
    server = await serve(DIST);
    browser = await launch();
    context = browser.context;
    context.setDefaultTimeout(8000);
    page = context.pages()[0] ?? (await context.newPage());
    watch(page, 'page');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens on the buyer-messaging example, already checked', async () => {
    await page.goto(server.url);
    await page.locator('.record-card').first().waitFor();
    const email = page.locator('.violation[data-rule="buyer-messaging/email-address"]');
    await expect.poll(() => email.count()).toBeGreaterThan(0);
    await expect(email.first().locator('mark').first().textContent()).resolves.toMatch(/@/);
    await expect(email.first().locator('.sev').first().textContent()).resolves.toBe('✕Error');
    expect(await summary(page)).toMatch(/^14 records · 7 with problems · \d+ problems/);
    await expect(page.getByRole('button', { name: 'Buyer-Seller Messaging' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByTestId('policy-status').textContent()).resolves.toBe('No problems');
    // The spelling dictionary arrives after the first paint; then the spelling rule can fire.
    await expect.poll(() => page.locator('.chip', { hasText: 'spelling' }).count(), { timeout: 15_000 }).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'desktop.png') });
    mkdirSync(join(ROOT, 'docs/images'), { recursive: true });
    copyFileSync(join(SHOTS, 'desktop.png'), README_IMAGE);
  });

  it('loads every shipped example with one click, and each finds violations', async () => {
    const examples = page.locator('nav.examples button.example');
    const n = await examples.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const button = examples.nth(i);
      await button.click();
      await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => page.locator('.violation').count(), { message: `example ${await button.textContent()}` }).toBeGreaterThan(0);
    }
    await page.getByRole('button', { name: 'Buyer-Seller Messaging' }).click();
    await expect.poll(() => page.locator('.violation[data-rule="buyer-messaging/email-address"]').count()).toBeGreaterThan(0);
  });

  it('shows a syntax error in the problems list at its line, and goes there on click', async () => {
    const index = await policyLine(page, 'rule email-address');
    expect(index).toBeGreaterThan(0);
    const line = index + 2; // the line after the rule's first line, 1-based
    await page.locator('.policy-editor .cm-line').nth(index + 1).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' @@');
    const problem = page.locator(`.problems .problem[data-line="${line}"]`);
    await problem.first().waitFor();
    await expect(problem.first().locator('.problem-pos').textContent()).resolves.toMatch(new RegExp(`^${line}:\\d+$`));
    await expect(page.getByTestId('policy-status').textContent()).resolves.toMatch(/error/);
    await expect.poll(() => page.locator('.policy-editor .cm-lintRange-error').count()).toBeGreaterThan(0);
    // The results stay, from the last version of the policy that worked.
    await expect(page.locator('.banner').textContent()).resolves.toMatch(/last version that worked/);
    await page.locator('.policy-editor .cm-content').press('Control+Home');
    await problem.first().click();
    const cursorLine = await page.evaluate(() => {
      const sel = document.getSelection();
      const lineEl = sel?.focusNode?.parentElement?.closest('.cm-line');
      return [...document.querySelectorAll('.policy-editor .cm-line')].indexOf(lineEl as Element) + 1;
    });
    expect(cursorLine).toBe(line);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    await expect.poll(() => page.getByTestId('policy-status').textContent()).toBe('No problems');
    await expect.poll(() => page.locator('.problems .problem').count()).toBe(0);
  });

  it('gives hover help, completions and formatting in the policy editor', async () => {
    const index = await policyLine(page, '  forbid emails(subject)');
    const word = page.locator('.policy-editor .cm-line').nth(index).getByText('emails', { exact: false });
    await word.hover();
    await expect.poll(() => page.locator('.cm-tooltip-hover').textContent()).toMatch(/emails\(text\)/);
    await page.locator('.policy-editor .cm-line').nth(index).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' and phon');
    await page.locator('.cm-tooltip-autocomplete').waitFor();
    await expect(page.locator('.cm-tooltip-autocomplete').textContent()).resolves.toContain('phones');
    await page.keyboard.press('Escape');
    for (let i = 0; i < ' and phon'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.press('Shift+Alt+F');
    await expect.poll(() => page.locator('.notice').textContent()).toMatch(/format/i);
    await expect.poll(() => page.getByTestId('policy-status').textContent()).toBe('No problems');
  });

  it('checks again when the data changes, in the text and in the form', async () => {
    const before = await summary(page);
    expect(before).toMatch(/^14 records/);
    await page.locator('.data-editor .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(JSON.stringify({ orderId: '114-0000000-0000001', subject: 'Order 114-0000000-0000001', body: 'Order 114-0000000-0000001: mail me at test.person@example.org' }));
    await expect.poll(() => summary(page)).toMatch(/^15 records · 8 with problems/);
    const added = page.locator('.record-card[data-record="14"]');
    await expect(added.locator('.violation[data-rule="buyer-messaging/email-address"] mark').textContent()).resolves.toBe('test.person@example.org');
    // The same record in the form: a phone number typed into the body is found.
    await added.getByRole('button', { name: 'Edit' }).click();
    const body = page.locator('.data-form textarea[data-path="body"]');
    await body.fill('Order 114-0000000-0000001: call (312) 555-0147');
    await expect.poll(() => added.locator('.violation').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))).toEqual(['buyer-messaging/phone-number']);
    // A value of the wrong type shows on its field.
    await page.locator('.data-form input[data-path="priorReviewRequests"]').fill('');
    await page.getByRole('tab', { name: 'Text' }).click();
  });

  it('applies a fix to the record and checks it again', async () => {
    const insecure = page.locator('.violation[data-rule="buyer-messaging/insecure-link"]');
    await expect.poll(() => insecure.count()).toBe(1);
    const card = page.locator('.record-card', { has: insecure });
    const index = await card.getAttribute('data-record');
    await insecure.getByRole('button', { name: /^Fix: replace/ }).click();
    await expect.poll(() => insecure.count()).toBe(0);
    const fixedCard = page.locator(`.record-card[data-record="${index}"]`);
    await expect(fixedCard.locator('.violation[data-rule="buyer-messaging/external-link"] mark').first().textContent()).resolves.toMatch(/^https:\/\//);
    await expect.poll(() => page.locator('.notice').textContent()).toMatch(/replace/);
  });

  it('explains one record rule by rule', async () => {
    const card = page.locator('.record-card[data-record="14"]');
    await card.getByRole('button', { name: 'Explain' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Explain' }).getAttribute('aria-selected')).toBe('true');
    await expect(page.getByTestId('explain-summary').textContent()).resolves.toMatch(/rules: 1 broken/);
    const phone = page.locator('.rule-explain[data-rule="buyer-messaging/phone-number"]');
    await expect(phone.locator('.outcome').textContent()).resolves.toBe('Broken');
    await phone.locator('summary').nth(1).click();
    await expect(phone.locator('.trace-value').first().textContent()).resolves.toContain('(312) 555-0147');
    await expect(phone.locator('.held').first().textContent()).resolves.toMatch(/held/);
    await page.screenshot({ path: join(SHOTS, 'explain.png') });
  });

  it('shows the compiled checker with copy buttons', async () => {
    await page.getByRole('tab', { name: 'Compiled' }).click();
    await expect(page.locator('.code-block').textContent()).resolves.toMatch(/export|function/);
    await page.getByRole('tab', { name: 'Types (.d.ts)' }).click();
    await expect(page.locator('.code-block').textContent()).resolves.toMatch(/interface|type/);
    await expect(page.getByRole('button', { name: /^Copy / }).count()).resolves.toBe(1);
    await page.getByRole('tab', { name: 'Explain' }).click();
  });

  it('shares the whole state in a link that restores it in a fresh page', async () => {
    const summaryBefore = await summary(page).catch(() => '');
    void summaryBefore;
    await page.getByRole('button', { name: 'Share' }).click();
    const url = await page.getByTestId('share-url').inputValue();
    expect(url).toMatch(/#s=[A-Za-z0-9+\-_$]+$/);
    await page.keyboard.press('Escape');
    const other = await context.newPage();
    watch(other, 'shared page');
    await other.goto(url);
    await other.getByTestId('explain-summary').waitFor();
    await expect(other.getByRole('tab', { name: 'Explain' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(other.locator('.record-picker select').first().inputValue()).resolves.toBe('14');
    await expect(other.getByTestId('explain-summary').textContent()).resolves.toBe(await page.getByTestId('explain-summary').textContent());
    await other.getByRole('tab', { name: 'Results' }).click();
    await page.getByRole('tab', { name: 'Results' }).click();
    await expect.poll(() => summary(other)).toBe(await summary(page));
    await expect(other.locator('.violation[data-rule="buyer-messaging/insecure-link"]').count()).resolves.toBe(0);
    await other.close();
  });

  it('works in a narrow window, without console errors or warnings', async () => {
    await page.setViewportSize({ width: 600, height: 1000 });
    const columns = await page.evaluate(() => {
      const a = document.querySelector('.policy-pane')!.getBoundingClientRect();
      const b = document.querySelector('.output-pane')!.getBoundingClientRect();
      return { sameLeft: Math.abs(a.left - b.left) < 2, fits: document.documentElement.scrollWidth <= 600 };
    });
    expect(columns).toEqual({ sameLeft: true, fits: true });
    await page.screenshot({ path: join(SHOTS, 'narrow.png') });
    await page.screenshot({ path: join(SHOTS, 'narrow-full.png'), fullPage: true });
    expect(consoleProblems).toEqual([]);
  });
}, 90_000);
