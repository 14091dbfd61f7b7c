/**
 * The text report. The expected reports are written out by hand from the
 * fake policy's rules and the input records, column by column.
 */
import { describe, expect, it } from 'vitest';
import { checkRecordsSync, type RawRecord } from '../../src/check/run.js';
import { evalContext } from '../../src/runtime/context.js';
import { renderText, type TextOptions } from '../../src/report/index.js';
import type { RecordResult, Report } from '../../src/types.js';
import { fakePolicy } from './fake-policy.js';

const policy = fakePolicy();

const INPUT: RawRecord[] = [
  { index: 0, line: 1, file: 'data/messages.jsonl', raw: { body: 'Hello, thanks for your order!' } },
  { index: 1, line: 2, file: 'data/messages.jsonl', raw: { body: 'Please write to jane@x.com today' } },
  { index: 2, line: 3, file: 'data/messages.jsonl', raw: { body: 42 } },
  { index: 3, line: 4, file: 'data/messages.jsonl', error: "line 4, column 1: not valid JSON: unexpected word 'nope' (text needs double quotes)" },
  { index: 4, line: 5, file: 'data/messages.jsonl', raw: { body: 'CALL now about the refund' } },
  { index: 5, line: 6, file: 'data/messages.jsonl', raw: { body: 'BOOM' } },
];

/** Run the fake policy and render, with the scanned text available the way the CLI supplies it. */
function run(input: RawRecord[], opts: TextOptions = {}): string {
  const raws = new Map<number, unknown>();
  const report = checkRecordsSync(policy, input, evalContext(), { onResult: (r, raw) => r.violations.length > 0 && raws.set(r.index, raw) });
  return renderText(report, {
    getText: (result: RecordResult, path: string) => {
      const value = (raws.get(result.index) as Record<string, unknown> | undefined)?.[path];
      return typeof value === 'string' ? value : undefined;
    },
    ...opts,
  });
}

describe('renderText', () => {
  it('groups by record, shows spans in context, lists unreadable records, then a summary and verdict', () => {
    expect(run(INPUT)).toBe(
      [
        'Policy shop: Shop rules (version 2, source: Seller Central)',
        '',
        'record 2 (line 2, messages.jsonl)',
        '  error  shop/email  Remove the email address jane@x.com',
        '         at body',
        '         │ Please write to jane@x.com today',
        '         │                 ^^^^^^^^^^',
        '         hint: Buyers reach you through Amazon messaging.',
        '         fix: remove "jane@x.com"',
        '',
        'record 3 (line 3, messages.jsonl): could not be read — body: expected text, got number',
        '',
        "record 4 (line 4, messages.jsonl): could not be read — not valid JSON at column 1: unexpected word 'nope' (text needs double quotes)",
        '',
        'record 5 (line 5, messages.jsonl)',
        '  warning  shop/caps  Do not shout',
        '           at body',
        '           │ CALL now about the refund',
        '           │ ^^^^',
        '  info  shop/note  Mentions a refund',
        '',
        'record 6 (line 6, messages.jsonl): could not be checked — internal error while checking: detector crashed',
        '',
        'Summary',
        '  records read     6',
        '  checked          3',
        '  invalid          3  (could not be read or checked)',
        '  with violations  2',
        '  violations       3  (1 error, 1 warning, 1 info)',
        '',
        '  by rule',
        '    1  error    shop/email',
        '    1  warning  shop/caps',
        '    1  info     shop/note',
        '    (1 other rule found nothing)',
        '',
        '✗ Failed: 1 error, 1 warning, 1 info in 2 of 6 records; 3 records could not be read or checked.',
        '',
      ].join('\n'),
    );
  });

  it('puts nearby matches on one caret line and far ones in their own excerpt', () => {
    // Offsets: "a@b.co" 5..11, "c@d.co" 15..21, then 58 tildes (23..81), "e@f.co" 81..87, " end": 91 in all.
    // The first excerpt is 0..51 (21 + 30), the second 51..91 (81 - 30 to the end).
    const body = `mail a@b.co or c@d.co, ${'~'.repeat(58)}e@f.co end`;
    const out = run([{ index: 0, line: 1, raw: { body } }]);
    expect(out).toContain(
      [
        '  error  shop/email  Remove the email address a@b.co, c@d.co, e@f.co',
        '         at body',
        `         │ mail a@b.co or c@d.co, ${'~'.repeat(28)}…`,
        '         │      ^^^^^^    ^^^^^^',
        `         │ …${'~'.repeat(30)}e@f.co end`,
        `         │ ${' '.repeat(31)}^^^^^^`,
        '         hint: Buyers reach you through Amazon messaging.',
        '         fix: remove 3 matches',
      ].join('\n'),
    );
  });

  it('quotes the matched characters when the scanned text is not available', () => {
    const report = checkRecordsSync(policy, [{ index: 0, raw: { body: 'write to jane@x.com' } }], evalContext());
    const out = renderText(report);
    expect(out).toContain(['record 1', '  error  shop/email  Remove the email address jane@x.com', '         at body', '         matched: "jane@x.com"'].join('\n'));
  });

  it('does not trust offsets that no longer point at the match', () => {
    const report = checkRecordsSync(policy, [{ index: 0, raw: { body: 'write to jane@x.com' } }], evalContext());
    const out = renderText(report, { getText: () => 'a different text altogether' });
    expect(out).toContain('         matched: "jane@x.com"');
    expect(out).not.toContain('│');
  });

  it('shows at most maxRecords records, still counting all', () => {
    const out = run(INPUT, { maxRecords: 1 });
    expect(out).toContain('record 2 (line 2, messages.jsonl)');
    expect(out).not.toContain('record 3 (');
    // Five records have problems; one is shown.
    expect(out).toContain('… and 4 more records with problems, not shown (the JSON report lists them all)');
    expect(out).toContain('  records read     6');
  });

  it('phrases the verdict by the --fail-on threshold', () => {
    const warnings = [{ index: 0, line: 1, raw: { body: 'STOP that' } }];
    expect(run(warnings).trimEnd().split('\n').at(-1)).toBe('✓ Passed (nothing at or above error): 1 warning in 1 of 1 record.');
    expect(run(warnings, { failOn: 'warning' }).trimEnd().split('\n').at(-1)).toBe('✗ Failed: 1 warning in 1 of 1 record.');
    expect(run(INPUT, { failOn: 'never' }).trimEnd().split('\n').at(-1)).toBe(
      '✓ Passed (nothing fails the run with --fail-on never): 1 error, 1 warning, 1 info in 2 of 6 records; 3 records could not be read or checked.',
    );
    const clean = run([{ index: 0, raw: { body: 'fine' } }, { index: 1, raw: { body: 'also fine' } }]);
    expect(clean).toBe(
      [
        'Policy shop: Shop rules (version 2, source: Seller Central)',
        '',
        'Summary',
        '  records read     2',
        '  checked          2',
        '  invalid          0',
        '  with violations  0',
        '  violations       0',
        '',
        '✓ Passed: no violations in 2 records.',
        '',
      ].join('\n'),
    );
    expect(run([]).trimEnd().split('\n').at(-1)).toBe('✓ Passed: there were no records to check.');
  });

  it('names files by their base name unless two inputs share it, and standard input as such', () => {
    const input: RawRecord[] = [
      { index: 0, line: 1, file: 'a/m.jsonl', raw: { body: 'x@y.co' } },
      { index: 1, line: 1, file: 'b/m.jsonl', raw: { body: 'x@y.co' } },
      { index: 2, line: 7, file: '-', raw: { body: 'x@y.co' } },
    ];
    const out = run(input);
    expect(out).toContain('record 1 (line 1, a/m.jsonl)');
    expect(out).toContain('record 2 (line 1, b/m.jsonl)');
    expect(out).toContain('record 3 (line 7, standard input)');
  });

  it('lists several problems of one record on their own lines', () => {
    const report: Report = {
      policy: { id: 'shop', title: 'Shop rules' },
      summary: { records: 1, checked: 0, invalid: 1, withViolations: 0, violations: 0, bySeverity: { error: 0, warning: 0, info: 0 }, byRule: {} },
      results: [
        {
          index: 0,
          line: 2,
          violations: [],
          invalid: [
            { path: 'orderId', message: 'is missing: expected string' },
            { path: 'body', message: 'expected text, got number' },
          ],
        },
      ],
    };
    expect(renderText(report)).toContain(['record 1 (line 2): could not be read', '  orderId: is missing: expected string', '  body: expected text, got number'].join('\n'));
  });

  it('keeps data that quotes newlines or terminal codes on one harmless line', () => {
    const out = run([{ index: 0, raw: { body: 'hi\nx@y.co\x1b[2J' } }]);
    expect(out).toContain('         │ hi⏎x@y.co�[2J');
    expect(out).not.toContain('\x1b');
  });

  it('colours only when asked', () => {
    expect(run(INPUT)).not.toContain('\x1b[');
    const coloured = run(INPUT, { color: true });
    expect(coloured).toContain('  \x1b[31merror\x1b[39m  \x1b[36mshop/email\x1b[39m  Remove the email address jane@x.com');
    expect(coloured).toContain('\x1b[33m^^^^\x1b[39m');
  });
});
