/**
 * The playground in a real browser: Debian's headless Chromium, driven by
 * playwright-core, on the built site (apps/web/dist) served from 127.0.0.1.
 * Runs like a visitor would: open the page, read the results, pick the
 * examples, break the policy, edit the data, apply a fix, share a link.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { CHROMIUM, DIST, ensureBuilt, launch, ROOT, serve, WEB } from './browser';

const SHOTS = join(WEB, 'test/screenshots');
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

const SAMPLE_RECORDS = readFileSync(join(ROOT, 'examples/buyer-messaging/messages.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '').length;

/** Records and records with problems, from the summary line. */
function counts(text: string): [number, number] {
  const m = /^(\d+) records? · (?:\d+ could not be read · )?(\d+) with problems/.exec(text);
  if (!m) throw new Error(`not a summary: ${text}`);
  return [Number(m[1]), Number(m[2])];
}

const POLICY_FILE = readFileSync(join(ROOT, 'policies/buyer-messaging.policy'), 'utf8').split('\n');

/** The 1-based line of the shipped buyer-messaging policy that starts with this text. */
function fileLine(start: string): number {
  const i = POLICY_FILE.findIndex((l) => l.startsWith(start));
  if (i < 0) throw new Error(`no line starts with ${start}`);
  return i + 1;
}

/**
 * Scroll the policy editor until the line starting with `start` is drawn
 * (CodeMirror draws only the lines in view), and return the screen box of
 * `word` in it.
 */
async function showPolicyLine(p: Page, start: string, word: string): Promise<{ x: number; y: number }> {
  const box = await p.evaluate(
    async ([s, w]) => {
      const scroller = document.querySelector('.policy-editor .cm-scroller') as HTMLElement;
      scroller.scrollTop = 0;
      for (let i = 0; i < 300; i++) {
        const line = [...document.querySelectorAll('.policy-editor .cm-line')].find((l) => (l.textContent ?? '').startsWith(s));
        if (line) {
          line.scrollIntoView({ block: 'center' });
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const at = (n.textContent ?? '').indexOf(w);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(n, at);
            range.setEnd(n, at + w.length);
            const r = range.getBoundingClientRect();
            return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
          }
          return null;
        }
        scroller.scrollTop += scroller.clientHeight * 0.7;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }
      return null;
    },
    [start, word] as const,
  );
  if (!box) throw new Error(`line ${start} with ${word} not found in the editor`);
  return box;
}

/**
 * Two of the order-report metrics, counted here by hand from the sample CSV
 * (plain string and date arithmetic), as "<numerator> of <denominator>" on the given day.
 */
const ORDERS = readFileSync(join(ROOT, 'examples/orders/orders.csv'), 'utf8').trim().split('\n');
function ordersOn(day: string): { cancel7: string; late10: string } {
  const head = ORDERS[0].split(',');
  const rows = ORDERS.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [head[i], v])));
  const dayMs = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  const end = dayMs(day);
  const inLast = (iso: string, days: number) => iso !== '' && dayMs(iso) <= end && dayMs(iso) > end - days * 86_400_000;
  const mfn = rows.filter((r) => r['fulfillment-channel'] === 'MFN');
  const placed = mfn.filter((r) => inLast(r['purchase-date'], 7));
  const due = mfn.filter((r) => r['ship-date'] !== '' && inLast(r['expected-ship-date'], 10));
  return {
    cancel7: `${placed.filter((r) => r['cancelled-by'] === 'seller').length} of ${placed.length}`,
    late10: `${due.filter((r) => Date.parse(r['ship-date']) > Date.parse(r['expected-ship-date'])).length} of ${due.length}`,
  };
}

/** Whether the policy editor's cursor is drawn inside the editor's visible area. */
async function cursorInView(p: Page): Promise<{ inView: boolean; cursor: number[]; scroller: number[] }> {
  return p.evaluate(() => {
    const cursor = document.querySelector('.policy-editor .cm-cursor-primary')!.getBoundingClientRect();
    const scroller = document.querySelector('.policy-editor .cm-scroller')!.getBoundingClientRect();
    return { inView: cursor.height > 0 && cursor.top >= scroller.top && cursor.bottom <= scroller.bottom, cursor: [cursor.top, cursor.bottom], scroller: [scroller.top, scroller.bottom] };
  });
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
    await expect.poll(() => email.first().locator('mark').first().textContent()).toMatch(/@/);
    await expect.poll(() => email.first().locator('.sev').first().textContent()).toBe('✕Error');
    expect(await summary(page)).toMatch(new RegExp(`^${SAMPLE_RECORDS} records · \\d+ with problems · \\d+ problems`));
    await expect.poll(() => page.getByRole('button', { name: 'Buyer-Seller Messaging' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByTestId('policy-status').textContent()).toBe('No problems');
    // The spelling dictionary arrives after the first paint, and the data is checked again.
    await expect.poll(() => page.getByText('Loading the spelling dictionary').count(), { timeout: 15_000 }).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'desktop.png') });
  });

  it('loads every shipped example with one click, and each finds violations', async () => {
    const examples = page.locator('nav.examples button.example');
    const n = await examples.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const button = examples.nth(i);
      await button.click();
      await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
      // Record violations, or for a policy with metrics the violations of its rules about metrics.
      await expect.poll(() => page.locator('.violation').count(), { message: `example ${await button.textContent()}` }).toBeGreaterThan(0);
    }
    // policies/account-health-orders.policy ships with examples/orders: its button is always there.
    const orders = page.getByRole('button', { name: 'Account health from order reports' });
    await expect.poll(() => orders.count()).toBe(1);
    await orders.click();
    await expect.poll(() => page.locator('.metric[data-metric="order-defect-rate"] .metric-value').count()).toBe(1);
    await expect.poll(() => page.locator('.metric.metric-fail').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Buyer-Seller Messaging' }).click();
    await expect.poll(() => page.locator('.violation[data-rule="buyer-messaging/email-address"]').count()).toBeGreaterThan(0);
  });

  it('opens the order-report example on the day its data was made for, with a date control that the link keeps', async () => {
    const samples = JSON.parse(readFileSync(join(ROOT, 'examples/samples.json'), 'utf8')) as Record<string, { asOf: string }>;
    const sampleDay = samples['account-health-orders'].asOf;
    await page.getByRole('button', { name: 'Account health from order reports' }).click();
    const day = page.getByLabel('Check as of');
    await expect.poll(() => day.inputValue()).toBe(sampleDay);
    await expect.poll(() => page.getByTestId('as-of-note').textContent()).toBe('(the day the sample data was made for)');
    const detail = (metric: string) => page.locator(`.metric[data-metric="${metric}"] .metric-detail`).textContent();
    const expected = ordersOn(sampleDay);
    expect(expected.cancel7).not.toMatch(/of 0$/);
    await expect.poll(() => detail('pre-fulfillment-cancel-rate')).toMatch(new RegExp(`^${expected.cancel7} · last 7 days`));
    await expect.poll(() => detail('late-shipment-rate-10d')).toMatch(new RegExp(`^${expected.late10} · last 10 days`));
    await expect.poll(() => page.locator('.metric.metric-no-data').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'as-of.png') });

    // Another day: the windows move and the numbers with them.
    const later = '2026-11-27';
    await day.fill(later);
    const moved = ordersOn(later);
    expect(moved.late10).not.toBe(expected.late10);
    await expect.poll(() => detail('late-shipment-rate-10d')).toMatch(new RegExp(`^${moved.late10} · last 10 days`));
    await expect.poll(() => page.getByTestId('as-of-note').textContent()).toBe('');

    // The link keeps the day.
    await page.getByRole('button', { name: 'Share' }).click();
    const url = await page.getByTestId('share-url').inputValue();
    // The example is unchanged: the link names it instead of carrying its policy and 240 orders.
    const policyChars = readFileSync(join(ROOT, 'policies/account-health-orders.policy'), 'utf8').length;
    expect(new URL(url).hash.length).toBeLessThan(200);
    expect(policyChars).toBeGreaterThan(5000);
    await page.keyboard.press('Escape');
    const other = await context.newPage();
    watch(other, 'shared page');
    await other.goto(url);
    await expect.poll(() => other.getByLabel('Check as of').inputValue()).toBe(later);
    await expect.poll(() => other.locator('.metric[data-metric="late-shipment-rate-10d"] .metric-detail').textContent()).toMatch(new RegExp(`^${moved.late10} · `));
    await other.close();

    // "Sample day" goes back; "Today" checks as of the real today.
    await page.getByRole('button', { name: 'Sample day' }).click();
    await expect.poll(() => day.inputValue()).toBe(sampleDay);
    await page.getByRole('button', { name: 'Today' }).click();
    await expect.poll(() => day.inputValue()).toBe('');
    await expect.poll(() => page.getByTestId('as-of-note').textContent()).toBe('(today)');
  });

  it('checks policies that look at today as of another day', async () => {
    const certificates = page.getByRole('button', { name: 'Product certificates' });
    // policies/product-certification.policy ships with examples/product-certification: its button is always there.
    await expect.poll(() => certificates.count()).toBe(1);
    await certificates.click();
    const expired = page.locator('.violation[data-rule="product-certification/expired-certificate"]');
    await expect.poll(() => expired.count()).toBeGreaterThan(0);
    await page.getByLabel('Check as of').fill('2024-01-01');
    await expect.poll(() => expired.count()).toBe(0);
    await page.getByRole('button', { name: 'Buyer-Seller Messaging' }).click();
    await expect.poll(() => page.locator('.violation[data-rule="buyer-messaging/email-address"]').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.as-of').count()).toBe(0);
  });

  it('keeps the line being typed in view when the problems list appears under the editor', async () => {
    const lines = POLICY_FILE.length;
    await page.locator('.policy-editor .cm-content').click();
    await page.keyboard.press('Control+End');
    await expect.poll(async () => (await cursorInView(page)).inView).toBe(true);
    // Each of these lines is a syntax error, so the problems list appears and grows while the author types.
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Enter');
      await page.keyboard.type(`rule broken-${i} @@`);
      // Wait for the list to show this line's problem, then the cursor must be on screen.
      await page.locator(`.problems .problem[data-line="${lines + i + 1}"]`).first().waitFor();
      await expect.poll(async () => (await cursorInView(page)).inView, { message: `after typing line ${lines + i + 1}` }).toBe(true);
    }
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
    }
    await expect.poll(() => page.getByTestId('policy-status').textContent()).toBe('No problems');
    await expect.poll(() => page.locator('.problems .problem').count()).toBe(0);
  });

  it('runs the policy\'s own examples like sellguard test, and shows which fail', async () => {
    await page.getByRole('button', { name: 'Buyer-Seller Messaging' }).click();
    await page.getByRole('tab', { name: 'Examples' }).click();
    const total = POLICY_FILE.filter((l) => /^example "/.test(l)).length;
    const examplesSummary = page.getByTestId('examples-summary');
    await expect.poll(() => examplesSummary.textContent()).toBe(`${total} passed, 0 failed`);
    // The outcomes follow the summary once the check is current (older results are shown marked meanwhile).
    await expect.poll(() => page.locator('.example-outcome.passed').count()).toBe(total);

    // Break the first example that expects nothing: it now expects an email address.
    const at = POLICY_FILE.findIndex((l) => l === '  expect nothing');
    const name = /^example "(.*)" \{$/.exec(POLICY_FILE.slice(0, at).reverse().find((l) => l.startsWith('example "'))!)![1];
    const word = await showPolicyLine(page, '  expect nothing', 'nothing');
    await page.mouse.dblclick(word.x, word.y);
    await page.keyboard.type('email-address');
    await expect.poll(() => examplesSummary.textContent()).toBe(`${total - 1} passed, 1 failed`);
    const failed = page.locator('.example-outcome.failed');
    await expect.poll(() => failed.getAttribute('data-example')).toBe(name);
    await expect.poll(() => failed.locator('.example-failures').textContent()).toMatch(/email-address/);
    await page.screenshot({ path: join(SHOTS, 'examples.png') });

    // Its line button puts the cursor on the example in the policy.
    const exampleLine = POLICY_FILE.indexOf(`example "${name}" {`) + 1;
    await failed.getByRole('button', { name: `line ${exampleLine}` }).click();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
    await expect.poll(() => page.locator('.policy-editor .cm-lineNumbers .cm-activeLineGutter').textContent()).toBe(String(exampleLine));

    await page.keyboard.press('Control+z');
    await expect.poll(() => examplesSummary.textContent()).toBe(`${total} passed, 0 failed`);
    await page.getByRole('tab', { name: 'Results' }).click();
  });

  it('shows a syntax error in the problems list at its line, and goes there on click', async () => {
    const line = fileLine('  forbid emails(subject)');
    const at = await showPolicyLine(page, '  forbid emails(subject)', 'forbid');
    await page.mouse.click(at.x, at.y);
    await page.keyboard.press('End');
    await page.keyboard.type(' @@');
    const problem = page.locator(`.problems .problem[data-line="${line}"]`);
    await problem.first().waitFor();
    await expect.poll(() => problem.first().locator('.problem-pos').textContent()).toMatch(new RegExp(`^${line}:\\d+$`));
    await expect.poll(() => page.getByTestId('policy-status').textContent()).toMatch(/error/);
    await expect.poll(() => page.locator('.policy-editor .cm-lintRange-error').count()).toBeGreaterThan(0);
    // The results stay, from the last version of the policy that worked.
    await expect.poll(() => page.locator('.banner').textContent()).toMatch(/last version that worked/);
    await page.locator('.policy-editor .cm-content').press('Control+Home');
    await problem.first().click();
    const cursorLine = await page.evaluate(() => {
      const sel = document.getSelection();
      const lineEl = sel?.focusNode?.parentElement?.closest('.cm-line');
      const top = lineEl?.getBoundingClientRect().top ?? -1;
      const gutter = [...document.querySelectorAll('.policy-editor .cm-lineNumbers .cm-gutterElement')].find((g) => Math.abs(g.getBoundingClientRect().top - top) < 2);
      return Number(gutter?.textContent);
    });
    expect(cursorLine).toBe(line);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
    await page.keyboard.press('End');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    await expect.poll(() => page.getByTestId('policy-status').textContent()).toBe('No problems');
    await expect.poll(() => page.locator('.problems .problem').count()).toBe(0);
  });

  it('gives hover help, completions and formatting in the policy editor', async () => {
    const at = await showPolicyLine(page, '  forbid emails(subject)', 'emails');
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => page.locator('.cm-tooltip-hover').textContent()).toMatch(/emails\(text\)/);
    await page.mouse.click(at.x, at.y);
    await page.keyboard.press('End');
    await page.keyboard.type(' or phon');
    await page.locator('.cm-tooltip-autocomplete').waitFor();
    // The list follows the typing: after ` or` it lists what fits there, after `phon` the built-in.
    await expect.poll(() => page.locator('.cm-tooltip-autocomplete').textContent()).toContain('phones');
    await page.keyboard.press('Escape');
    for (let i = 0; i < ' or phon'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.press('Shift+Alt+F');
    await expect.poll(() => page.locator('.notice').textContent()).toMatch(/format/i);
    await expect.poll(() => page.getByTestId('policy-status').textContent()).toBe('No problems');
  });

  it('completes the fields of the record before a dot, from the semantic model', async () => {
    const at = await showPolicyLine(page, '  forbid any l in links(subject): not l.amazon', 'amazon');
    await page.mouse.click(at.x, at.y);
    await page.keyboard.press('End');
    const typed = ' or any i in images: i.';
    await page.keyboard.type(typed);
    const list = page.locator('.cm-tooltip-autocomplete .cm-completionLabel');
    // The fields of Image in the buyer-messaging policy, not the message's fields nor built-ins.
    await expect.poll(async () => (await list.allTextContents()).sort()).toEqual(['height', 'kind', 'linksTo', 'src', 'width']);
    await page.keyboard.press('Escape');
    for (let i = 0; i < typed.length; i++) await page.keyboard.press('Backspace');
    await expect.poll(() => page.getByTestId('policy-status').textContent()).toBe('No problems');
  });

  it('checks again when the data changes, in the text and in the form', async () => {
    const [records, withProblems] = counts(await summary(page));
    expect(records).toBe(SAMPLE_RECORDS);
    await page.locator('.data-editor .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(JSON.stringify({ orderId: '114-0000000-0000001', subject: 'Order 114-0000000-0000001', body: 'Order 114-0000000-0000001: mail me at test.person@example.org' }));
    await expect.poll(async () => counts(await summary(page))).toEqual([records + 1, withProblems + 1]);
    const added = page.locator(`.record-card[data-record="${records}"]`);
    await expect.poll(() => added.locator('.violation[data-rule="buyer-messaging/email-address"] mark').textContent()).toBe('test.person@example.org');
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
    await expect.poll(() => insecure.count()).toBeGreaterThan(0);
    const before = await insecure.count();
    // The fix upgrades Amazon links only: pick the record whose insecure link is Amazon's.
    const card = page.locator('.record-card', { has: page.getByRole('button', { name: /^Fix: replace/ }) }).first();
    const index = await card.getAttribute('data-record');
    await card.locator('.violation[data-rule="buyer-messaging/insecure-link"]').getByRole('button', { name: /^Fix: replace/ }).click();
    await expect.poll(() => insecure.count()).toBe(before - 1);
    const fixedCard = page.locator(`.record-card[data-record="${index}"]`);
    await expect.poll(() => fixedCard.locator('.violation[data-rule="buyer-messaging/insecure-link"]').count()).toBe(0);
    await expect.poll(() => page.locator('.notice').textContent()).toMatch(/replace/);
  });

  it('explains one record rule by rule', async () => {
    const card = page.locator(`.record-card[data-record="${SAMPLE_RECORDS}"]`);
    await card.getByRole('button', { name: 'Explain' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Explain' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByTestId('explain-summary').textContent()).toMatch(/rules: 1 broken/);
    const phone = page.locator('.rule-explain[data-rule="buyer-messaging/phone-number"]');
    await expect.poll(() => phone.locator('.outcome').textContent()).toBe('Broken');
    const bodyClause = phone.locator('details.condition').nth(1);
    await bodyClause.locator('summary').click();
    await expect.poll(() => bodyClause.locator('.trace-value').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('(312) 555-0147')]));
    await expect.poll(() => bodyClause.locator('summary .held').textContent()).toBe('held');
    await page.screenshot({ path: join(SHOTS, 'explain.png') });
  });

  it('shows the compiled checker with copy buttons', async () => {
    await page.getByRole('tab', { name: 'Compiled' }).click();
    await expect.poll(() => page.locator('.code-block').textContent()).toMatch(/export|function/);
    await page.getByRole('tab', { name: 'Types (.d.ts)' }).click();
    await expect.poll(() => page.locator('.code-block').textContent()).toMatch(/interface|type/);
    await expect.poll(() => page.getByRole('button', { name: /^Copy / }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Explain' }).click();
  });

  it('shares the whole state in a link that restores it in a fresh page', async () => {
    await page.getByRole('button', { name: 'Share' }).click();
    const url = await page.getByTestId('share-url').inputValue();
    expect(url).toMatch(/#s=[A-Za-z0-9+\-_$]+$/);
    await page.keyboard.press('Escape');
    const other = await context.newPage();
    watch(other, 'shared page');
    await other.goto(url);
    await other.getByTestId('explain-summary').waitFor();
    await expect.poll(() => other.getByRole('tab', { name: 'Explain' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => other.locator('.record-picker select').first().inputValue()).toBe(String(SAMPLE_RECORDS));
    await expect.poll(() => other.getByTestId('explain-summary').textContent()).toBe(await page.getByTestId('explain-summary').textContent());
    await other.getByRole('tab', { name: 'Results' }).click();
    await page.getByRole('tab', { name: 'Results' }).click();
    await expect.poll(() => summary(other)).toBe(await summary(page));
    await expect.poll(() => other.locator('.violation[data-rule="buyer-messaging/insecure-link"]').count()).toBe(await page.locator('.violation[data-rule="buyer-messaging/insecure-link"]').count());
    await other.close();
  });

  it('opens the visitor\'s policy and Amazon flat file, and downloads the results and the fixed records', async () => {
    // An Amazon "All Orders" flat file (tab-separated) with the order-report policy, opened together.
    const flat = join(ROOT, 'examples/orders/amazon-all-orders.txt');
    const rows = readFileSync(flat, 'utf8').trim().split('\n').length - 1;
    await page.getByTestId('open-files').setInputFiles([join(ROOT, 'policies/account-health-orders.policy'), flat]);
    await expect.poll(() => summary(page)).toMatch(new RegExp(`^(All )?${rows} records\\b`));
    await expect.poll(() => page.locator('.policy-title').textContent()).toMatch(/^Account health from order reports/);

    // An Excel workbook, made here with a real .xlsx writer: its first sheet is read like a CSV file,
    // and the spreadsheet reader is fetched only now, when a workbook is opened.
    const dir = mkdtempSync(join(tmpdir(), 'sellguard-xlsx-'));
    try {
      const bodies = ['Thanks for your order', 'Write to me at jo@example.com', 'Sizes: S, M and "L"', 'Call me, or mail sam@shopmail.com', 42];
      const workbook = join(dir, 'messages.xlsx');
      await writeXlsxFile([['body'], ...bodies.map((b) => [b])]).toFile(workbook);
      const policyFile = join(dir, 'emails.policy');
      writeFileSync(policyFile, 'policy emails "No emails"\n  input Message\n\nrecord Message {\n  body: text\n}\n\nrule email-address error "Email addresses are not allowed: {matched}" {\n  forbid emails(body)\n}\n');
      const readerRequests: string[] = [];
      page.on('request', (r) => {
        if (/\/spreadsheet-[\w-]+\.js$/.test(r.url())) readerRequests.push(r.url());
      });
      expect(readerRequests).toEqual([]);
      await page.getByTestId('open-files').setInputFiles([policyFile, workbook]);
      const withEmail = bodies.filter((b) => String(b).includes('@')).length;
      await expect.poll(() => summary(page)).toMatch(new RegExp(`^${bodies.length} records · ${withEmail} with problems`));
      await expect.poll(() => page.locator('.violation[data-rule="emails/email-address"] mark').allTextContents()).toEqual(['jo@example.com', 'sam@shopmail.com']);
      expect(readerRequests).toHaveLength(1);
      await page.screenshot({ path: join(SHOTS, 'xlsx.png') });
      // Not a workbook: a plain message says what to do.
      const broken = join(dir, 'broken.xlsx');
      writeFileSync(broken, 'this is not a spreadsheet');
      await page.getByTestId('open-files').setInputFiles([broken]);
      await expect.poll(() => page.getByText('broken.xlsx could not be read as an Excel workbook').count()).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // Back to the buyer messages: results as JSON and CSV, and the records with their fixes applied.
    await page.getByRole('button', { name: 'Buyer-Seller Messaging' }).click();
    await expect.poll(async () => counts(await summary(page))[0]).toBe(SAMPLE_RECORDS);
    const save = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
    };
    const json = await save('Download results (JSON)');
    const csv = await save('Download results (CSV)');
    const sarif = await save('Download results (SARIF)');
    const html = await save('Download results (HTML)');
    expect([json.name, csv.name, sarif.name, html.name]).toEqual(['messages-results.json', 'messages-results.csv', 'messages-results.sarif', 'messages-results.html']);
    const report = JSON.parse(json.text) as { summary: { records: number; withViolations: number; violations: number }; results: Array<{ violations: unknown[] }> };
    const [records, withProblems] = counts(await summary(page));
    expect(report.summary.records).toBe(records);
    expect(report.results).toHaveLength(withProblems);
    const csvRows = csv.text.trimEnd().split('\r\n');
    expect(csvRows[0]).toBe('file,line,record,severity,rule,message,field,matched,hint');
    // One CSV row per problem: as many as the report lists and the page shows.
    expect(csvRows.length - 1).toBe(report.results.reduce((n, r) => n + r.violations.length, 0));
    expect(csvRows.length - 1).toBe(await page.locator('.record-card .violation').count());
    // SARIF: one result per problem, each pointing at the sample file; HTML: a page that names the policy.
    const sarifDoc = JSON.parse(sarif.text) as { version: string; runs: Array<{ results: Array<{ locations: Array<{ physicalLocation?: { artifactLocation?: { uri?: string } } }> }> }> };
    expect(sarifDoc.version).toBe('2.1.0');
    expect(sarifDoc.runs[0].results).toHaveLength(csvRows.length - 1);
    expect(sarifDoc.runs[0].results[0].locations[0].physicalLocation?.artifactLocation?.uri).toBe('messages.jsonl');
    expect(html.text).toMatch(/^<!doctype html>/);
    expect(html.text).toContain('Buyer-Seller Messaging');

    const fixed = await save('Download fixed records');
    expect(fixed.name).toBe('messages-fixed.jsonl');
    const before = readFileSync(join(ROOT, 'examples/buyer-messaging/messages.jsonl'), 'utf8').trim().split('\n');
    const after = fixed.text.trim().split('\n');
    expect(after).toHaveLength(before.length);
    const insecureAmazon = before.map((l, i) => [l, i] as const).filter(([l]) => /http:\/\/(www\.)?amazon\./.test(l));
    expect(insecureAmazon.length).toBeGreaterThan(0);
    for (const [, i] of insecureAmazon) {
      expect(after[i]).not.toMatch(/http:\/\/(www\.)?amazon\./);
      expect(after[i]).toMatch(/https:\/\/(www\.)?amazon\./);
    }
  });

  it('checks a policy that imports another: one tab per file, an edit in one re-checks the other, and the link keeps both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sellguard-project-'));
    try {
      const common = 'policy common "Shared definitions"\n\nrecord Attachment {\n  fileName: string\n}\n\nconst maxAttachments = 3\n';
      const main = 'policy attachments "Attachment checks"\n  input Note\n\nimport { Attachment, maxAttachments } from "./common.policy"\n\nrecord Note {\n  body: text\n  attachments: list<Attachment> = []\n}\n\nrule too-many error "Too many attachments" {\n  require count(attachments) <= maxAttachments\n}\n';
      const counts = [0, 2, 4, 5, 1, 3];
      const notes = counts.map((n, i) => JSON.stringify({ body: `note ${i}`, attachments: Array.from({ length: n }, (_, k) => ({ fileName: `f${k}.pdf` })) }));
      writeFileSync(join(dir, 'common.policy'), common);
      writeFileSync(join(dir, 'main.policy'), main);
      writeFileSync(join(dir, 'notes.jsonl'), `${notes.join('\n')}\n`);
      const over = (limit: number) => counts.filter((n) => n > limit).length;

      // Opened together, in any order: the file nobody imports is the main policy.
      await page.getByTestId('open-files').setInputFiles([join(dir, 'common.policy'), join(dir, 'main.policy'), join(dir, 'notes.jsonl')]);
      const files = page.getByRole('tablist', { name: 'Policy files' });
      await expect.poll(() => files.getByRole('tab').allTextContents()).toEqual(['main.policy', 'common.policy']);
      await expect.poll(() => files.getByRole('tab', { name: 'main.policy' }).getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => summary(page)).toMatch(new RegExp(`^${counts.length} records · ${over(3)} with problems`));
      await expect.poll(() => page.getByTestId('policy-status').textContent()).toBe('No problems');

      // The shared limit, edited in its own tab: the main policy and the data are checked again.
      await files.getByRole('tab', { name: 'common.policy' }).click();
      await expect.poll(() => page.locator('.policy-editor .cm-content').textContent()).toContain('const maxAttachments = 3');
      await page.locator('.policy-editor .cm-content').click();
      await page.keyboard.press('Control+a');
      await page.keyboard.insertText(common.replace('= 3', '= 1'));
      await expect.poll(() => summary(page)).toMatch(new RegExp(`^${counts.length} records · ${over(1)} with problems`));
      await page.screenshot({ path: join(SHOTS, 'project-tabs.png') });
      // A mistake in the imported file shows in its tab's problems list.
      await page.keyboard.insertText('\nconst = \n');
      await expect.poll(() => page.getByTestId('policy-status').textContent()).toMatch(/^\d+ errors?$/);
      await page.keyboard.press('Control+a');
      await page.keyboard.insertText(common.replace('= 3', '= 1'));
      await expect.poll(() => page.getByTestId('policy-status').textContent()).toBe('No problems');
      await expect.poll(() => summary(page)).toMatch(new RegExp(`^${counts.length} records · ${over(1)} with problems`));

      // The link carries every file: a fresh page shows the same tabs and the same results.
      await page.getByRole('button', { name: 'Share' }).click();
      const url = await page.getByTestId('share-url').inputValue();
      await page.keyboard.press('Escape');
      const other = await context.newPage();
      watch(other, 'shared project');
      await other.goto(url);
      await expect.poll(() => other.getByRole('tablist', { name: 'Policy files' }).getByRole('tab').allTextContents()).toEqual(['main.policy', 'common.policy']);
      await expect.poll(() => summary(other)).toMatch(new RegExp(`^${counts.length} records · ${over(1)} with problems`));
      await other.close();

      // An example is a single file again: the tabs go away.
      await page.getByRole('button', { name: 'Buyer-Seller Messaging' }).click();
      await expect.poll(() => page.getByRole('tablist', { name: 'Policy files' }).count()).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks 100,000 records in the background with a progress bar, and the page stays responsive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sellguard-big-'));
    try {
      const policyFile = join(dir, 'emails.policy');
      writeFileSync(policyFile, 'policy emails "No emails"\n  input Message\n\nrecord Message {\n  body: text\n}\n\nrule email-address error "Email addresses are not allowed: {matched}" {\n  forbid emails(body)\n}\n');
      const total = 100_000;
      const lines: string[] = [];
      for (let i = 0; i < total; i++) lines.push(JSON.stringify({ body: i % 10 === 3 ? `Order ${i}: write to buyer${i}@example.com` : `Order ${i}: your parcel ships on Friday.` }));
      const dataFile = join(dir, 'many.jsonl');
      writeFileSync(dataFile, `${lines.join('\n')}\n`);
      const withEmail = lines.filter((l) => l.includes('@')).length;

      // Watched from inside the page, frame by frame, so nothing depends on how fast the worker is:
      // once the bar is part way, switch to the Compiled tab and back, and count the frames drawn until the end.
      await page.evaluate(() => {
        const watch = { texts: [] as string[], step: 0, compiledShown: false, stillRunning: false, frames: 0 };
        (window as unknown as { bigWatch: typeof watch }).bigWatch = watch;
        const partWay = () => {
          const bar = document.querySelector<HTMLProgressElement>('[data-testid="big-progress"]');
          return bar !== null && bar.hasAttribute('value') && bar.value > 0 && bar.value < bar.max;
        };
        const tab = (name: string) => [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent === name)!;
        const tick = () => {
          const text = document.querySelector('[data-testid="big-progress-text"]')?.textContent;
          if (text && !watch.texts.includes(text)) watch.texts.push(text);
          if (watch.step > 0) watch.frames++;
          if (watch.step === 0 && partWay()) {
            tab('Compiled').click();
            watch.step = 1;
          } else if (watch.step === 1) {
            watch.compiledShown = tab('Compiled').getAttribute('aria-selected') === 'true';
            tab('Results').click();
            watch.step = 2;
          } else if (watch.step === 2) {
            watch.stillRunning = partWay();
            watch.step = 3;
          }
          if (!document.querySelector('[data-testid="big-summary"]')) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      await page.getByTestId('open-files').setInputFiles([policyFile, dataFile]);
      const bigSummary = page.getByTestId('big-summary');
      await bigSummary.waitFor({ timeout: 120_000 });
      await expect.poll(() => bigSummary.textContent()).toBe(`${total} records · ${withEmail} with problems · ${withEmail} problems (${withEmail} errors)`);
      await expect.poll(() => page.locator('.big-file-list li').count()).toBe(100);
      // The data editor still holds the earlier data, and says the results are not for it.
      await expect.poll(() => page.getByTestId('data-not-checked').textContent()).toMatch(/^many\.jsonl is too large to edit here, so it is checked in the background/);
      const watched = await page.evaluate(() => (window as unknown as { bigWatch: { texts: string[]; compiledShown: boolean; stillRunning: boolean; frames: number } }).bigWatch);
      // The bar moved through the records, and while it did the page answered clicks and kept drawing.
      expect(watched.texts.filter((t) => /^Checking: [\d,]+ of 100,000 records$/.test(t) && t !== 'Checking: 100,000 of 100,000 records').length).toBeGreaterThan(0);
      expect(watched.compiledShown).toBe(true);
      expect(watched.stillRunning).toBe(true);
      expect(watched.frames).toBeGreaterThanOrEqual(5);
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download results (CSV)' }).click()]);
      expect(file.suggestedFilename()).toBe('many-results.csv');
      expect(readFileSync((await file.path())!, 'utf8').trimEnd().split('\r\n')).toHaveLength(withEmail + 1);
      await page.screenshot({ path: join(SHOTS, 'big-file.png') });
      await page.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => page.getByTestId('data-not-checked').count()).toBe(0);
      await page.getByRole('button', { name: 'Buyer-Seller Messaging' }).click();
      await expect.poll(async () => counts(await summary(page))[0]).toBe(SAMPLE_RECORDS);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

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
