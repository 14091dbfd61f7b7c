/**
 * The playground for visitors who use a screen reader or only a keyboard:
 * an axe-core audit of every main view in real Chromium (no serious or
 * critical violations), and the whole page driven by the keyboard alone:
 * every control reached by Tab, each showing where the focus is, the main ones
 * operated by keys, and Escape closing the share dialog.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, DIST, ensureBuilt, launch, serve, WEB } from './browser';

const SHOTS = join(WEB, 'test/screenshots');
const haveBrowser = existsSync(CHROMIUM);

let server: Awaited<ReturnType<typeof serve>>;
let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;

/** Serious and critical axe-core violations on the page as it is now, one line each (rule: elements). */
async function auditProblems(p: Page): Promise<string[]> {
  if (!(await p.evaluate(() => 'axe' in window))) await p.addScriptTag({ content: axe.source });
  const violations = await p.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const result = await run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.help}): ${v.nodes.join(', ')}`);
}

/** What has the keyboard focus: a short description, and whether the focus is drawn (outline or ring). */
async function focused(p: Page): Promise<{ what: string; drawn: boolean } | null> {
  return p.evaluate(async () => {
    // Editors mark themselves focused on the next frame.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const name = el.getAttribute('aria-label') ?? (el.classList.contains('cm-content') ? `editor ${el.closest('[class*="-editor"]')?.className.split(' ')[0] ?? ''}` : (el.textContent ?? '').trim().slice(0, 40) || (el as HTMLInputElement).name || el.id);
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== 'none';
    // CodeMirror draws its focus on the editor around the text area.
    const editor = el.classList.contains('cm-content') && getComputedStyle(el.closest('.cm-editor')!).outlineStyle !== 'none';
    return { what: `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[${el.getAttribute('role')}]` : ''} ${name}`, drawn: outline || ring || editor };
  });
}

/** Every control a visitor can see and use on the page now (what Tab must reach). */
async function visibleControls(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const all = document.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]');
    return [...all]
      .filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => {
        el.dataset.keyboardId ??= String(Math.random()).slice(2);
        return el.dataset.keyboardId;
      });
  });
}

/** Press Tab until the focus is on the element matching `selector` (at most `limit` presses). */
async function tabTo(p: Page, selector: string, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await p.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await p.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe.skipIf(!haveBrowser)('the playground for keyboard and screen-reader users', () => {
  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(SHOTS, { recursive: true });
    server = await serve(DIST);
    browser = await launch();
    browser.context.setDefaultTimeout(8000);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(server.url);
    await page.locator('.record-card').first().waitFor();
    await page.getByText('Loading the spelling dictionary').waitFor({ state: 'detached', timeout: 20_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has no serious accessibility problems in the policy editor, the input and the results', async () => {
    expect(await auditProblems(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Form' }).click();
    await page.locator('.record-form').waitFor();
    expect(await auditProblems(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Text' }).click();
    for (const tab of ['Explain', 'Examples', 'Compiled']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect.poll(() => page.getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
      expect(await auditProblems(page), `${tab} tab`).toEqual([]);
    }
    await page.getByRole('tab', { name: 'Results' }).click();
  });

  it('has no serious accessibility problems on the metrics of an order report, in the share dialog, or in a narrow window', async () => {
    await page.getByRole('button', { name: 'Account health from order reports' }).click();
    await page.locator('.metric').first().waitFor();
    expect(await auditProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await auditProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 600, height: 1000 });
    await page.getByRole('button', { name: 'Buyer-Seller Messaging' }).click();
    await page.locator('.record-card').first().waitFor();
    expect(await auditProblems(page)).toEqual([]);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('reaches every control with Tab and always shows where the focus is', async () => {
    await page.goto(server.url);
    await page.locator('.record-card').first().waitFor();
    const controls = await visibleControls(page);
    expect(controls.length).toBeGreaterThan(10);
    const reached = new Set<string>();
    const stops: Array<{ what: string; drawn: boolean }> = [];
    for (let i = 0; i < 400 && reached.size < controls.length; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (!now) continue;
      stops.push(now);
      const id = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.keyboardId);
      if (id) reached.add(id);
    }
    const missed = await page.evaluate((ids) => ids.map((id) => document.querySelector<HTMLElement>(`[data-keyboard-id="${id}"]`)).filter((el) => el !== null).map((el) => el.outerHTML.slice(0, 120)), controls.filter((c) => !reached.has(c)));
    expect(missed).toEqual([]);
    expect(stops.filter((s) => !s.drawn).map((s) => s.what)).toEqual([]);
    // Both editors are on the way, and Tab leaves them again (they do not trap the keyboard).
    expect(stops.some((s) => s.what === 'div[textbox] Policy text')).toBe(true);
    expect(stops.some((s) => s.what.startsWith('div[textbox] Data:'))).toBe(true);
  });

  it('is operable with the keyboard alone: examples, tabs, the share dialog', async () => {
    await page.goto(server.url);
    await page.locator('.record-card').first().waitFor();
    // An example, picked with Enter.
    await tabTo(page, 'button.example[aria-pressed="false"]');
    const picked = (await page.evaluate(() => document.activeElement!.textContent)) ?? '';
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: picked, exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Buyer-Seller Messaging' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('button', { name: 'Buyer-Seller Messaging' }).getAttribute('aria-pressed')).toBe('true');

    // The output tabs: Tab onto the selected one, arrows move, Home and End jump.
    await tabTo(page, '[role="tab"][aria-selected="true"]#output-tab-results');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: 'Explain' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('End');
    await expect.poll(() => page.getByRole('tab', { name: 'Compiled' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Home');
    await expect.poll(() => page.getByRole('tab', { name: 'Results' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('output-tab-results');

    // The share dialog: Enter opens it with the link focused, Escape closes it and the focus goes back to Share.
    await tabTo(page, 'button.share-button');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('share-url');
    await page.screenshot({ path: join(SHOTS, 'keyboard-share.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('share-button'))).toBe(true);
  });

  it('has no serious accessibility problems with a project of two policy files, whose tabs follow the arrow keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sellguard-a11y-project-'));
    try {
      writeFileSync(join(dir, 'common.policy'), 'policy common "Shared"\n\nconst limit = 3\n');
      writeFileSync(join(dir, 'main.policy'), 'policy main "Main"\n  input Note\n\nimport { limit } from "./common.policy"\n\nrecord Note {\n  n: number\n}\n\nrule too-big error "Too big" {\n  require n <= limit\n}\n');
      await page.getByTestId('open-files').setInputFiles([join(dir, 'main.policy'), join(dir, 'common.policy')]);
      const files = page.getByRole('tablist', { name: 'Policy files' });
      await expect.poll(() => files.getByRole('tab').count()).toBe(2);
      expect(await auditProblems(page)).toEqual([]);
      await tabTo(page, '.file-tabs [role="tab"][aria-selected="true"]');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => files.getByRole('tab', { name: 'common.policy' }).getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => page.locator('.policy-editor .cm-content').textContent()).toContain('const limit = 3');
      await page.keyboard.press('Home');
      await expect.poll(() => page.locator('.policy-editor .cm-content').textContent()).toContain('rule too-big');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
