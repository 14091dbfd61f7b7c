/**
 * `npm run screenshots`: the README's pictures of the playground, taken from
 * the real built page in headless Chromium and written to docs/images/.
 * Run it by hand after changing how the playground looks; tests never write there.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ensureBuilt, launch, ROOT, serve } from '../test/browser';

const IMAGES = join(ROOT, 'docs/images');

/** Wait until the results and the spelling dictionary have settled, then take the picture. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.locator('.record-card, .metric').first().waitFor({ timeout: 20_000 });
  await page.getByText('Loading the spelling dictionary').waitFor({ state: 'detached', timeout: 20_000 });
  // The short notice ("Loaded the example …") fades out by itself; the picture is taken without it.
  await page.waitForFunction(() => !document.querySelector('.notice')?.textContent, undefined, { timeout: 10_000 });
  // Let the last check draw (checks are debounced by a few frames).
  await page.waitForTimeout(500);
  const path = join(IMAGES, name);
  await page.screenshot({ path });
  process.stdout.write(`wrote ${path}\n`);
}

async function main(): Promise<void> {
  ensureBuilt();
  mkdirSync(IMAGES, { recursive: true });
  const server = await serve(join(ROOT, 'apps/web/dist'));
  const browser = await launch();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(server.url);
    await shoot(page, 'playground.png');
    await page.getByRole('button', { name: 'Account health from order reports' }).click();
    await page.locator('.metric[data-metric="order-defect-rate"] .metric-value').waitFor();
    await shoot(page, 'playground-metrics.png');
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`screenshots: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
