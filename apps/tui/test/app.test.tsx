import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { App } from '../src/App.js';
import { textWidth } from '../src/layout.js';
import { Session, fixedStore } from '../src/session.js';
import { initialState } from '../src/state.js';
import { fixtureState, KEYS, manyRecords, MESSAGES, mutableStore, POLICY, renderAt, until, type Rendered } from './helpers.js';

afterEach(() => cleanup());

function expectFits(r: Rendered, columns: number, rows: number) {
  const lines = r.screen().split('\n');
  expect(lines).toHaveLength(rows);
  for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(columns);
}

async function app(opts: { columns?: number; rows?: number; color?: boolean; cwd?: string; onQuit?: () => void } = {}) {
  const state = await fixtureState();
  return renderAt(<App store={fixedStore(state)} cwd={opts.cwd} onQuit={opts.onQuit} />, opts);
}

/** The selected row of the list or summary (the one with the › marker). */
const selectedRow = (r: Rendered) => r.screen().split('\n').find((l) => l.startsWith('›')) ?? '';

describe('App at 80x24', () => {
  test('opens on the summary and fills exactly the terminal', async () => {
    const r = await app();
    expect(r.screen()).toContain('Records checked 5');
    expect(r.screen()).toContain('[Summary]');
    expect(r.screen()).toContain('✓ 7 records checked');
    expectFits(r, 80, 24);
  });

  test('every screen fits in 80x24', async () => {
    const r = await app();
    expectFits(r, 80, 24);
    await r.press(KEYS.tab);
    expectFits(r, 80, 24);
    await r.press(KEYS.enter);
    expectFits(r, 80, 24);
    await r.press('?');
    expectFits(r, 80, 24);
  });

  test('adapts when the terminal is resized', async () => {
    const r = await app();
    await r.resize(60, 15);
    expectFits(r, 60, 15);
    await r.press(KEYS.tab);
    expectFits(r, 60, 15);
    await r.resize(120, 40);
    expectFits(r, 120, 40);
  });
});

describe('keys', () => {
  test('Tab switches between the summary and the list', async () => {
    const r = await app();
    await r.press(KEYS.tab);
    expect(r.screen()).toContain('[Records 6]');
    expect(r.screen()).toContain('6 records with problems');
    await r.press(KEYS.tab);
    expect(r.screen()).toContain('[Summary]');
  });

  test('↑ ↓ j k move on the summary, Enter lists the rule\'s records', async () => {
    const r = await app();
    expect(selectedRow(r)).toContain('could not be read');
    await r.press(KEYS.down);
    expect(selectedRow(r)).toContain('email-address');
    await r.press('j', 'j');
    expect(selectedRow(r)).toContain('phone-number');
    await r.press('k', KEYS.up);
    expect(selectedRow(r)).toContain('email-address');
    await r.press(KEYS.enter);
    expect(r.screen()).toContain('2 of 6 records with problems match: rule email-address');
  });

  test('Enter opens a record, Esc goes back, Esc again to the summary', async () => {
    const r = await app();
    await r.press(KEYS.tab, KEYS.down, KEYS.enter);
    expect(r.screen()).toContain('messages.jsonl line 3  ·  3 problems  ·  2 of 6 in the list');
    expect(r.screen()).toContain('[(312) 555-0147]');
    await r.press(KEYS.escape);
    expect(selectedRow(r)).toContain('messages.jsonl line 3');
    await r.press(KEYS.escape);
    expect(r.screen()).toContain('Records checked 5');
  });

  test('→ ← and n p move between records in the record view', async () => {
    const r = await app();
    await r.press(KEYS.tab, KEYS.enter);
    expect(r.screen()).toContain('messages.jsonl line 2  ·');
    await r.press(KEYS.right);
    expect(r.screen()).toContain('messages.jsonl line 3  ·');
    await r.press('n');
    expect(r.screen()).toContain('messages.jsonl line 4  ·');
    await r.press(KEYS.left, 'p');
    expect(r.screen()).toContain('messages.jsonl line 2  ·');
  });

  test('↓ scrolls a long record', async () => {
    const r = await app({ rows: 12 });
    await r.press(KEYS.tab, KEYS.down, KEYS.enter);
    const before = r.screen().split('\n')[1];
    await r.press(KEYS.down);
    expect(r.screen().split('\n')[1]).not.toBe(before);
    await r.press('g');
    expect(r.screen().split('\n')[1]).toBe(before);
  });

  test('/ searches as you type; Enter keeps the search, Esc undoes it', async () => {
    const r = await app();
    await r.press('/');
    expect(r.screen()).toContain('Search: ');
    await r.press('d', 'e', 's', 'k');
    expect(r.screen()).toContain('Search: desk');
    expect(r.screen()).toContain('1 of 6 records with problems match: text "desk"');
    await r.press(KEYS.backspace);
    expect(r.screen()).toContain('Search: des');
    await r.press(KEYS.enter);
    expect(r.screen()).not.toContain('Search: ');
    expect(r.screen()).toContain('match: text "des"');
    await r.press('/', 'x', 'y', 'z');
    expect(r.screen()).toContain('No records match the filters');
    await r.press(KEYS.escape);
    expect(r.screen()).toContain('match: text "des"');
  });

  test('keys typed faster than the screen redraws still count', async () => {
    const r = await app();
    // Several keys in one read, as a fast typist or a paste delivers them.
    await r.after(() => r.stdin.write('\t\rn'));
    await until(() => r.screen().includes('messages.jsonl line 3  ·'));
    await r.after(() => r.stdin.write('/desk\r'));
    await until(() => r.screen().includes('match: text "desk"'));
  });

  test('s, r and c filter by severity and rule, and clear', async () => {
    const r = await app();
    await r.press(KEYS.tab, 's');
    expect(r.screen()).toContain('3 of 6 records with problems match: errors only');
    await r.press('s');
    expect(r.screen()).toContain('match: warnings only');
    await r.press('s', 's');
    expect(r.screen()).toContain('2 of 6 records with problems match: unreadable records only');
    await r.press('c', 'r');
    expect(r.screen()).toContain('2 of 6 records with problems match: rule email-address');
    await r.press('r');
    expect(r.screen()).toContain('match: rule language-mismatch');
    await r.press('c');
    expect(r.screen()).toContain('6 records with problems');
  });

  test('PgDn PgUp g G page through a long list, drawing only what fits', async () => {
    const state = await fixtureState();
    const flagged = manyRecords(500);
    const r = await renderAt(<App store={fixedStore({ ...state, data: { ...state.data, flagged, version: 99 } })} initial={{ ...initialState, screen: 'list' }} />);
    expect(r.screen().split('\n').filter((l) => l.includes('many.jsonl'))).toHaveLength(20);
    await r.press(KEYS.pageDown);
    expect(selectedRow(r)).toContain('many.jsonl line 21 ');
    await r.press(' ');
    expect(selectedRow(r)).toContain('many.jsonl line 41 ');
    await r.press(KEYS.pageUp);
    expect(selectedRow(r)).toContain('many.jsonl line 21 ');
    await r.press('G');
    expect(selectedRow(r)).toContain('many.jsonl line 500 ');
    expect(r.screen()).toContain('500 of 500');
    await r.press('g');
    expect(selectedRow(r)).toContain('many.jsonl line 1 ');
    await r.press(KEYS.end, KEYS.home);
    expect(selectedRow(r)).toContain('many.jsonl line 1 ');
  });

  test('? shows help and ? or Esc goes back where you were', async () => {
    const r = await app();
    await r.press(KEYS.tab, '?');
    expect(r.screen()).toContain('[Help]');
    expect(r.screen()).toContain('move up and down');
    await r.press('?');
    expect(r.screen()).toContain('6 records with problems');
    await r.press('?', KEYS.escape);
    expect(r.screen()).toContain('6 records with problems');
  });

  test('e asks where to save with a name ready; Enter saves CSV, a .json name saves JSON', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'sellguard-tui-export-'));
    const r = await app({ cwd });
    await r.press(KEYS.tab, 's', 'e');
    const offered = /Save the 3 records to: (sellguard-export-\d{8}-\d{6}\.csv)_/.exec(r.screen());
    expect(offered, r.screen()).not.toBeNull();
    await r.press(KEYS.enter);
    const files = () => readdirSync(cwd).sort();
    expect(files()).toEqual([offered![1]]);
    // The notice shows where the file is, with the file name whole even when the folder is long.
    expect(r.screen()).toContain('Saved 3 records to ');
    expect(r.screen()).toContain(offered![1]);
    expect(readFileSync(join(cwd, offered![1]), 'utf8').split('\r\n')[0]).toBe('file,line,record,severity,rule,message,field,matched,hint');
    // Ctrl+U clears the offered name; a .json name saves JSON.
    await r.press('e', '\x15', ...'errors.json');
    expect(r.screen()).toContain('Save the 3 records to: errors.json_');
    await r.press(KEYS.enter);
    expect(JSON.parse(readFileSync(join(cwd, 'errors.json'), 'utf8')).results).toHaveLength(3);
    // An existing file is not overwritten, and a name without .csv or .json is refused plainly.
    await r.press('e', '\x15', ...'errors.json', KEYS.enter);
    expect(r.screen()).toContain('Not saved: errors.json already exists; press e and choose another name');
    await r.press('e', '\x15', ...'notes.txt', KEYS.enter);
    expect(r.screen()).toContain('Choose a name ending in .csv or .json (not "notes.txt")');
    await r.press('e', KEYS.escape);
    expect(r.screen()).not.toContain('Save the');
    expect(files()).toEqual([offered![1], 'errors.json'].sort());
  });

  test(': runs commands: rule, severity, sort and export, and says plainly what it cannot do', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'sellguard-tui-command-'));
    const r = await app({ cwd });
    await r.press(':', ...'rule email-address');
    expect(r.screen()).toContain(':rule email-address_');
    await r.press(KEYS.enter);
    expect(r.screen()).toContain('2 of 6 records with problems match: rule email-address');
    await r.press(':', ...'severity error', KEYS.enter);
    expect(r.screen()).toContain('match: rule email-address, errors only');
    await r.press(':', ...'rule nope', KEYS.enter);
    expect(r.screen()).toMatch(/No rule named "nope"\. The rules are: .*email-address/);
    await r.press(':', ...'clear', KEYS.enter, ':', ...'export all.csv', KEYS.enter);
    expect(r.screen()).toContain('Saved 6 records to ');
    expect(readFileSync(join(cwd, 'all.csv'), 'utf8').split('\r\n')[0]).toBe('file,line,record,severity,rule,message,field,matched,hint');
    await r.press(':', ...'frobnicate', KEYS.enter);
    expect(r.screen()).toContain('Unknown command "frobnicate"');
  });

  test('o sorts the list by the next column and O reverses it', async () => {
    const r = await app();
    await r.press(KEYS.tab);
    const rows = () => r.screen().split('\n').filter((l) => /messages\.jsonl line \d+/.test(l));
    const lineNumbers = () => rows().map((l) => Number(/line (\d+)/.exec(l)![1]));
    const inputOrder = lineNumbers();
    expect(inputOrder).toEqual([...inputOrder].sort((a, b) => a - b));
    await r.press('o');
    expect(r.screen()).toContain('Where ▲');
    expect(lineNumbers()).toEqual(inputOrder);
    await r.press('O');
    expect(r.screen()).toContain('Where ▼');
    expect(lineNumbers()).toEqual([...inputOrder].reverse());
    await r.press('o', 'o');
    expect(r.screen()).toContain('#');
    // By number of problems, most first: each row's count is no smaller than the next.
    await r.press('O');
    const counts = rows().map((l) => Number(/(?:error|warning|note|unreadable)\s+(\d+) /.exec(l)![1]));
    expect(r.screen()).toContain('# ▼');
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBeGreaterThan(counts[counts.length - 1]);
    await r.press('o', 'o');
    expect(r.screen()).not.toMatch(/[▲▼]/);
    expect(lineNumbers()).toEqual(inputOrder);
  });

  test('q quits', async () => {
    let quit = false;
    const r = await app({ onQuit: () => (quit = true) });
    await r.press('q');
    expect(quit).toBe(true);
  });
});

describe('colour', () => {
  test('without colour, no escape codes; marks use [brackets] and the current tab [ ]', async () => {
    const r = await app({ color: false });
    await r.press(KEYS.tab, KEYS.enter);
    expect(r.screen()).not.toMatch(/\x1b\[/);
    expect(r.screen()).toContain('[help@lumo-shop.com]');
    expect(r.screen()).toContain('[Records 6]');
  });
});

describe('while checking and watching', () => {
  test('shows progress while reading', async () => {
    const state = await fixtureState();
    const store = mutableStore({ ...state, status: 'checking', data: { ...state.data, progress: { read: 12345, elapsedMs: 3000, done: false } } });
    const r = await renderAt(<App store={store} />);
    expect(r.screen()).toMatch(/Reading… 12,345 records, 4,115 a second/);
    await r.after(() => store.set({ status: 'done', data: { ...state.data } }));
    expect(r.screen()).toContain('✓ 7 records checked');
  });

  test('a new result keeps the selected record and the filters', async () => {
    const state = await fixtureState({ watching: true });
    const store = mutableStore({ ...state, data: { ...state.data, flagged: manyRecords(50), version: 1 } });
    const r = await renderAt(<App store={store} />);
    await r.press(KEYS.tab, '/', 's', 'e', 'l', 'l', 'e', 'r', KEYS.enter);
    await r.press('j', 'j', 'j');
    expect(selectedRow(r)).toContain('many.jsonl line 4 ');
    await r.after(() => store.set({ status: 'checking', rechecking: { read: 10, elapsedMs: 100, done: false } }));
    expect(r.screen()).toContain('Checking again… 10 records');
    await r.after(() => store.set({ status: 'done', rechecking: undefined, data: { ...state.data, flagged: manyRecords(60), version: 2 }, checks: 2 }));
    expect(selectedRow(r)).toContain('many.jsonl line 4 ');
    expect(r.screen()).toContain('60 of 60 records with problems match: text "seller"');
    expect(r.screen()).toContain('watching for changes');
  });

  test('a policy with errors shows its diagnostics, scrolls, and the results come back when fixed', async () => {
    const state = await fixtureState({ watching: true });
    const source = state.policySource.replace('forbid emails(body)', 'forbid emails(bodyy)');
    const store = mutableStore(state);
    const r = await renderAt(<App store={store} />, { rows: 9 });
    await r.press(KEYS.tab, 'j');
    await r.after(() => store.set({
      status: 'policy-errors',
      policySource: source,
      diagnostics: [{ code: 'SG2001', severity: 'error', message: "unknown field 'bodyy'", help: 'did you mean `body`?', span: { start: source.indexOf('bodyy'), end: source.indexOf('bodyy') + 5 } }],
    }));
    expect(r.screen()).toContain('The policy has 1 error, so nothing was checked');
    expect(r.screen()).toContain('✗ the policy has errors');
    await r.press('G');
    expect(r.screen()).toContain("did you mean `body`?");
    expect(r.screen()).not.toContain('The policy has 1 error');
    await r.after(() => store.set({ status: 'done', policySource: state.policySource, diagnostics: [] }));
    expect(selectedRow(r)).toContain('messages.jsonl line 3');
  });

  test('while the policy loads, the summary says so', async () => {
    const state = await fixtureState();
    const r = await renderAt(<App store={fixedStore({ ...state, status: 'loading', policy: undefined, data: { ...state.data, summary: { ...state.data.summary, byRule: {}, invalid: 0 } } })} />);
    expect(r.screen()).toContain('Loading the policy…');
    expect(r.screen()).not.toContain('no rules');
  });

  test('a missing input is said plainly', async () => {
    const state = await fixtureState();
    const r = await renderAt(<App store={fixedStore({ ...state, status: 'failed', error: "cannot read input file 'x.jsonl': no such file" })} />);
    expect(r.screen()).toContain('Something could not be read');
    expect(r.screen()).toContain("cannot read input file 'x.jsonl': no such file");
  });

  test('with a real session, records appear as they are read', async () => {
    const session = new Session({ policy: POLICY, inputs: [MESSAGES] });
    const r = await renderAt(<App store={session} />);
    session.start();
    await until(() => r.screen().includes('✓ 7 records checked'));
    expect(r.screen()).toContain('✓ 7 records checked');
    expect(r.screen()).toContain('with problems 4');
    session.dispose();
  });
});
