import { DIST, ensureBuilt, launch, serve } from './test/browser';
ensureBuilt();
const server = await serve(DIST);
const b = await b_();
async function b_() { return launch(); }
const page = await b.context.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
const t = Date.now();
await page.goto(server.url);
await page.waitForSelector('.record-card', { timeout: 15000 });
console.log('loaded in', Date.now() - t);
await page.waitForTimeout(2500);
await page.screenshot({ path: 'test/screenshots/look-desktop.png' });
await page.setViewportSize({ width: 600, height: 900 });
await page.waitForTimeout(300);
await page.screenshot({ path: 'test/screenshots/look-narrow.png', fullPage: false });
await b.close();
await server.close();
