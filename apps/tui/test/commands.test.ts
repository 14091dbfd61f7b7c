import { describe, expect, test } from 'vitest';
import { formatOf, parseCommand } from '../src/commands.js';
import { osc52, problemsText } from '../src/clipboard.js';

const RULES = ['p/email-address', 'p/phone-number'];

describe('the : command line', () => {
  test.each([
    ['rule email-address', { type: 'rule', rule: 'p/email-address' }],
    ['rule p/phone-number', { type: 'rule', rule: 'p/phone-number' }],
    ['rule', { type: 'rule', rule: null }],
    ['severity error', { type: 'severity', severity: 'error' }],
    ['sev Warnings', { type: 'severity', severity: 'warning' }],
    ['severity unreadable', { type: 'severity', severity: 'invalid' }],
    ['severity all', { type: 'severity', severity: null }],
    ['sort worst desc', { type: 'sort', column: 'worst', descending: true }],
    ['sort', { type: 'sort', column: null, descending: false }],
    ['export out/problems.csv', { type: 'export', path: 'out/problems.csv' }],
    ['  q  ', { type: 'quit' }],
  ])(':%s', (line, expected) => {
    expect(parseCommand(line, RULES)).toEqual(expected);
  });

  test('says plainly what is wrong', () => {
    expect(parseCommand('rule emails', RULES)).toEqual({ error: 'No rule named "emails". The rules are: email-address, phone-number.' });
    expect(parseCommand('severity loud', RULES)).toEqual({ error: '"loud" is not a severity: use error, warning, info, unreadable or all.' });
    expect(parseCommand('sort size', RULES)).toEqual({ error: 'Cannot sort by "size": use where, worst, problems or first.' });
    expect(parseCommand('export', RULES)).toEqual({ error: 'Say where to save, e.g. :export problems.csv' });
    expect(parseCommand('', RULES)).toHaveProperty('error');
  });

  test('the format comes from the file name', () => {
    expect([formatOf('a.json'), formatOf('A.CSV'), formatOf('a.txt')]).toEqual(['json', 'csv', null]);
  });
});

describe('copying with OSC 52', () => {
  test('the text is base64 inside ESC ] 52 ; c ; … BEL', () => {
    // "héllo" in UTF-8 is 68 C3 A9 6C 6C 6F, base64 aMOpbGxv.
    expect(osc52('héllo')).toBe('\x1b]52;c;aMOpbGxv\x07');
  });

  test('a record\'s problems, one per line', () => {
    const text = problemsText({ index: 2, line: 3, file: 'm.jsonl', violations: [{ rule: 'p/email-address', severity: 'error', message: 'No emails: a@b.co', path: 'body', spans: [], hint: 'Remove it.' }] });
    expect(text).toBe('m.jsonl line 3\nerror email-address: No emails: a@b.co (how to fix: Remove it.)');
  });
});
