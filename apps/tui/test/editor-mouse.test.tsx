/** Opening the policy in the editor (`v`, `:edit`) and the mouse: the pure parts, then through the app. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { App } from '../src/App.js';
import { editorCommand, ruleLine, type EditorCommand } from '../src/editor.js';
import { parseMouse } from '../src/mouse.js';
import { fixedStore } from '../src/session.js';
import { fixtureState, KEYS, POLICY, renderAt } from './helpers.js';

afterEach(() => cleanup());

/** The 1-based line of `rule <id>` in the fixture, found with a plain search. */
const lineOf = (id: string) => readFileSync(POLICY, 'utf8').split('\n').findIndex((l) => l.startsWith(`rule ${id} `)) + 1;

describe('ruleLine', () => {
  test('finds the line of each rule by its short or full id', () => {
    const source = readFileSync(POLICY, 'utf8');
    expect(ruleLine(source, 'email-address')).toBe(lineOf('email-address'));
    expect(ruleLine(source, 'tui-fixture/language-mismatch')).toBe(lineOf('language-mismatch'));
    expect(ruleLine(source, 'no-such-rule')).toBeUndefined();
  });

  test('a rule with a doc comment: the line of the rule itself', () => {
    expect(ruleLine('policy p "P"\n  input R\nrecord R { a: string }\n## Why.\n## More.\nrule r error "m" {\n  require a == "x"\n}\n', 'r')).toBe(6);
  });
});

describe('editorCommand', () => {
  test.each([
    [{ EDITOR: 'vim' }, { command: 'vim', args: ['+12', 'p.policy'] }],
    [{ VISUAL: 'nano', EDITOR: 'vim' }, { command: 'nano', args: ['+12', 'p.policy'] }],
    [{ EDITOR: 'emacs -nw' }, { command: 'emacs', args: ['-nw', '+12', 'p.policy'] }],
    [{ EDITOR: '/usr/bin/code -w' }, { command: '/usr/bin/code', args: ['-w', '-g', 'p.policy:12'] }],
    [{}, { command: 'vi', args: ['+12', 'p.policy'] }],
  ])('%j', (env, expected) => {
    expect(editorCommand(env, 'p.policy', 12)).toEqual(expected);
  });

  test('without a line, just the file', () => {
    expect(editorCommand({ EDITOR: 'vim' }, 'p.policy', undefined)).toEqual({ command: 'vim', args: ['p.policy'] });
  });
});

describe('parseMouse', () => {
  test('SGR reports with or without the ESC Ink strips', () => {
    expect(parseMouse('\x1b[<0;10;5M')).toEqual([{ kind: 'press', button: 0, column: 10, row: 5 }]);
    expect(parseMouse('[<0;10;5m')).toEqual([{ kind: 'release', button: 0, column: 10, row: 5 }]);
    expect(parseMouse('[<64;3;4M[<65;3;4M')).toEqual([
      { kind: 'wheelUp', button: 0, column: 3, row: 4 },
      { kind: 'wheelDown', button: 0, column: 3, row: 4 },
    ]);
    // Right button with Ctrl held (16): still the right button.
    expect(parseMouse('[<18;1;1M')).toEqual([{ kind: 'press', button: 2, column: 1, row: 1 }]);
    // Motion reports are ignored.
    expect(parseMouse('[<32;1;1M')).toEqual([]);
  });

  test('keys are not mouse input', () => {
    expect(parseMouse('j')).toBeNull();
    expect(parseMouse('[<0;1')).toBeNull();
    expect(parseMouse('[A')).toBeNull();
  });
});

describe('in the app', () => {
  async function app(openEditor?: (c: EditorCommand) => string | null) {
    const state = await fixtureState();
    return renderAt(<App store={fixedStore(state)} openEditor={openEditor} env={{ EDITOR: 'vim' }} />);
  }

  test('v on a rule of the summary opens the policy at that rule; :edit RULE at another', async () => {
    const calls: EditorCommand[] = [];
    const r = await app((c) => (calls.push(c), null));
    // The rows: "could not be read" first, then the rules by count (email-address has 2).
    await r.press('j', 'v');
    expect(calls).toEqual([{ command: 'vim', args: [`+${lineOf('email-address')}`, POLICY] }]);
    expect(r.screen()).toContain(`Back from messages.policy line ${lineOf('email-address')}.`);
    await r.press(':', ...'edit phone-number', KEYS.enter);
    expect(calls[1]).toEqual({ command: 'vim', args: [`+${lineOf('phone-number')}`, POLICY] });
  });

  test('an editor that cannot start is said plainly', async () => {
    const r = await app(() => 'Could not start the editor "nope": not found. Set EDITOR to the editor you use.');
    await r.press('j', 'v');
    expect(r.screen()).toContain('Could not start the editor "nope"');
  });

  test('a click on a record row selects it, a second click opens it; the wheel moves three rows', async () => {
    const r = await app();
    await r.press(KEYS.tab);
    // Row 6 (1-based) is the third record: the top bar, the heading and the column titles come first.
    await r.press('\x1b[<0;10;6M\x1b[<0;10;6m');
    expect(r.screen().split('\n').find((l) => l.startsWith('›'))).toMatch(/messages\.jsonl line 4 /);
    await r.press('\x1b[<0;10;6M');
    expect(r.screen()).toContain('messages.jsonl line 4  ·  1 problem');
    await r.press(KEYS.escape, '\x1b[<64;10;6M');
    expect(r.screen().split('\n').find((l) => l.startsWith('›'))).toMatch(/messages\.jsonl line 2 /);
    await r.press('\x1b[<65;10;6M');
    expect(r.screen().split('\n').find((l) => l.startsWith('›'))).toMatch(/messages\.jsonl line 5 /);
  });

  test('a click on a tab of the top bar shows that screen', async () => {
    const r = await app();
    // " Summary  [Records 6]": the Records tab spans columns 11 to 21.
    await r.press('\x1b[<0;14;1M');
    expect(r.screen()).toContain('[Records 6]');
    await r.press('\x1b[<0;3;1M');
    expect(r.screen()).toContain('[Summary]');
  });

  test('a click on a rule of the summary selects it, a second click lists its records', async () => {
    const r = await app();
    // Summary rows: top bar (1), two lines of counts, the range line, the table's titles (5), then the rules from row 6.
    await r.press('\x1b[<0;5;7M');
    expect(r.screen().split('\n').find((l) => l.startsWith('›'))).toMatch(/^› email-address/);
    await r.press('\x1b[<0;5;7M');
    expect(r.screen()).toContain('match: rule email-address');
  });
});
