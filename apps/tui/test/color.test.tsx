/**
 * Colours for real: chalk decides at import time whether to colour, so this
 * file forces it on before Ink loads, and checks that the UI's own colour
 * switch (NO_COLOR, not a terminal) still turns every escape code off.
 */
import { afterAll, describe, expect, test, vi } from 'vitest';

const saved = vi.hoisted(() => {
  const before = process.env.FORCE_COLOR;
  process.env.FORCE_COLOR = '1';
  return before;
});
afterAll(() => {
  if (saved === undefined) delete process.env.FORCE_COLOR;
  else process.env.FORCE_COLOR = saved;
});

const { App } = await import('../src/App.js');
const { fixedStore } = await import('../src/session.js');
const { colorWanted } = await import('../src/theme.js');
const { fixtureState, KEYS, renderAt } = await import('./helpers.js');

describe('colour', () => {
  test('marked characters are drawn inverse and the current tab highlighted', async () => {
    const r = await renderAt(<App store={fixedStore(await fixtureState())} />, { color: true });
    await r.press(KEYS.tab, KEYS.enter);
    const frame = r.screen();
    expect(frame).toMatch(/\x1b\[7m[^\n]*help@lumo-shop\.com/);
    expect(frame).not.toContain('[help@lumo-shop.com]');
    expect(frame).toMatch(/\x1b\[7m[^\n]*Records 6/);
    r.unmount();
  });

  test('with colour off, not one escape code even though the terminal could colour', async () => {
    const r = await renderAt(<App store={fixedStore(await fixtureState())} />, { color: false });
    await r.press(KEYS.tab, KEYS.enter);
    expect(r.screen()).not.toMatch(/\x1b\[/);
    expect(r.screen()).toContain('[help@lumo-shop.com]');
    r.unmount();
  });

  test('NO_COLOR and a non-terminal turn colour off; FORCE_COLOR turns it on', () => {
    expect(colorWanted({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colorWanted({ isTTY: false }, {})).toBe(false);
    expect(colorWanted({ isTTY: true }, { TERM: 'xterm-256color' })).toBe(true);
    expect(colorWanted({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(colorWanted({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorWanted({ isTTY: true }, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
  });
});
