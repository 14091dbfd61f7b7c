import { describe, expect, test } from 'vitest';
import { render } from 'ink-testing-library';
import { parse } from '@sellguard/dsl';
import { compile, evalContext } from '@sellguard/core';
import { textWidth } from '../src/layout.js';
import { emptyData, type CheckData } from '../src/model.js';
import { NO_FILTERS } from '../src/filter.js';
import { Diagnostics, diagnosticsLines } from '../src/screens/Diagnostics.js';
import { Help } from '../src/screens/Help.js';
import { RecordList, listPage } from '../src/screens/RecordList.js';
import { markedSegments, RecordView, recordViewLines } from '../src/screens/RecordView.js';
import { ruleRows, rulesPage, Summary } from '../src/screens/Summary.js';
import { ThemeContext } from '../src/theme.js';
import { fixtureData, fixturePolicy } from './helpers.js';

const draw = (node: React.ReactElement, color = false) => render(<ThemeContext.Provider value={{ color }}>{node}</ThemeContext.Provider>).lastFrame() ?? '';
const rows = (frame: string) => frame.split('\n');

function fitsIn(frame: string, width: number, height: number) {
  const r = rows(frame);
  expect(r.length).toBeLessThanOrEqual(height);
  for (const row of r) expect(textWidth(row)).toBeLessThanOrEqual(width);
}

describe('Summary', () => {
  test('shows the counts and one row per rule with a bar', async () => {
    const data = await fixtureData();
    const { policy } = fixturePolicy();
    const frame = draw(<Summary data={data} rows={ruleRows(data, policy.rules)} cursor={{ selected: 0, top: 0 }} width={80} height={22} />);
    expect(frame).toContain('Records checked 5');
    expect(frame).toContain('with problems 4 (80%)');
    expect(frame).toContain('could not be read 2');
    expect(frame).toContain('Problems found 6   errors 4   warnings 2');
    expect(frame).toMatch(/› could not be read\s+unreadable\s+█+\s+2/);
    expect(frame).toMatch(/email-address\s+error\s+█+\s+2/);
    expect(frame).toMatch(/phone-number\s+error\s+█+\s+1/);
    fitsIn(frame, 80, 22);
  });

  test('rules are sorted by count, and bars scale to the width', async () => {
    const data = await fixtureData();
    const { policy } = fixturePolicy();
    const order = ruleRows(data, policy.rules).map((r) => r.label);
    expect(order).toEqual(['could not be read', 'email-address', 'language-mismatch', 'phone-number', 'outside-window']);
    const bar = (width: number) => {
      const frame = draw(<Summary data={data} rows={ruleRows(data, policy.rules)} cursor={{ selected: 0, top: 0 }} width={width} height={20} />);
      return Math.max(...rows(frame).map((r) => (r.match(/█+/)?.[0].length ?? 0)));
    };
    expect(bar(120)).toBeGreaterThan(bar(80));
    expect(bar(80)).toBeGreaterThan(bar(60));
  });

  test('only the rule rows that fit are drawn, with the range shown', () => {
    const data: CheckData = emptyData();
    const rules = Array.from({ length: 30 }, (_, i) => ({ fullId: `p/rule-${i}`, id: `rule-${i}`, severity: 'error' as const }));
    data.summary.byRule = Object.fromEntries(rules.map((r, i) => [r.fullId, 30 - i]));
    const height = 12;
    const frame = draw(<Summary data={data} rows={ruleRows(data, rules)} cursor={{ selected: 20, top: 0 }} width={80} height={height} />);
    const shown = rows(frame).filter((r) => /rule-\d+/.test(r));
    expect(shown).toHaveLength(rulesPage(height));
    expect(frame).toContain('› rule-20');
    expect(frame).toMatch(/rows \d+–21 of 30/);
    fitsIn(frame, 80, height);
  });

  test('shows measures against their targets when the report has them', () => {
    const window = (days: number) => ({ days, by: 'purchaseDate', from: '2026-10-22', to: '2026-11-20' });
    const data: CheckData = {
      ...emptyData(),
      metrics: [
        { name: 'late-shipment-rate', result: { title: 'Late shipment rate', kind: 'rate', value: 0.032, display: '3.2%', target: '< 4%', window: window(30), status: 'pass' } },
        { name: 'cancel-rate', result: { title: 'Cancellation rate', kind: 'rate', value: 0.031, display: '3.1%', target: '< 2.5%', window: window(7), status: 'fail' } },
        { name: 'returns', result: { title: 'Returns', kind: 'count', value: null, display: 'no data', status: 'no data' } },
      ],
    };
    const frame = draw(<Summary data={data} rows={[]} cursor={{ selected: 0, top: 0 }} width={120} height={22} />);
    expect(frame).toContain('Measures against their targets');
    expect(frame).toMatch(/Late shipment rate\s+3\.2%\s+target < 4%\s+over 30 days by purchaseDate to 2026-11-20\s+✓ met/);
    expect(frame).toMatch(/Cancellation rate\s+3\.1%\s+target < 2\.5%\s+over 7 days by purchaseDate to 2026-11-20\s+✗ missed/);
    expect(frame).toMatch(/Returns\s+no data$/m);
    fitsIn(frame, 120, 22);
  });
});

describe('RecordList', () => {
  test('one row per record: where, worst severity, count, first problem', async () => {
    const data = await fixtureData();
    const frame = draw(<RecordList records={data.flagged} total={data.flagged.length} cursor={{ selected: 1, top: 0 }} filters={NO_FILTERS} width={80} height={22} loading={false} />);
    expect(frame).toContain('6 records with problems');
    expect(frame).toContain('2 of 6');
    expect(frame).toMatch(/ {2}messages\.jsonl line 2\s+error\s+1 email-address: Email addresses are not…/);
    expect(frame).toMatch(/› messages\.jsonl line 3\s+error\s+3 email-address/);
    expect(frame).toMatch(/messages\.jsonl line 5\s+unreadable\s+1 line 5/);
    expect(frame).toMatch(/messages\.jsonl line 6\s+unreadable\s+1 orderId: is missing/);
    expect(frame).toMatch(/messages\.jsonl line 7\s+warning/);
    fitsIn(frame, 80, 22);
  });

  test('draws only the rows that fit (windowed)', () => {
    const records = Array.from({ length: 5000 }, (_, i) => ({ index: i, line: i + 1, file: 'big.jsonl', violations: [{ rule: 'p/r', severity: 'error' as const, message: `problem ${i}`, path: '', spans: [] }] }));
    const height = 22;
    const frame = draw(<RecordList records={records} total={records.length} cursor={{ selected: 2500, top: 2490 }} filters={NO_FILTERS} width={80} height={height} loading={false} />);
    const shown = rows(frame).filter((r) => r.includes('big.jsonl'));
    expect(shown).toHaveLength(listPage(height));
    expect(frame).toContain('› big.jsonl line 2501');
    expect(frame).toContain('2,501 of 5,000');
  });

  test('says what the filters are and what to do when nothing matches', async () => {
    const data = await fixtureData();
    const frame = draw(<RecordList records={[]} total={data.flagged.length} cursor={{ selected: 0, top: 0 }} filters={{ ...NO_FILTERS, text: 'zzz' }} width={80} height={22} loading={false} />);
    expect(frame).toContain('0 of 6 records with problems match: text "zzz"');
    expect(frame).toContain('No records match the filters. Press c to clear them');
  });

  test('an empty result says every record follows the policy', () => {
    const frame = draw(<RecordList records={[]} total={0} cursor={{ selected: 0, top: 0 }} filters={NO_FILTERS} width={80} height={22} loading={false} />);
    expect(frame).toContain('No problems found: every record follows the policy.');
  });
});

describe('RecordView', () => {
  test('shows the text with the offending characters in [brackets] without colour', async () => {
    const data = await fixtureData();
    const { policy, source } = fixturePolicy();
    const record = data.flagged[1];
    const frame = draw(<RecordView record={record} policy={policy} context={evalContext()} policySource={source} width={80} height={60} scroll={0} color={false} />);
    expect(frame).toContain('messages.jsonl line 3  ·  3 problems');
    expect(frame).toContain('Call us at [(312) 555-0147] or mail [desk@lumo-shop.com] to book a time.');
    expect(frame).not.toMatch(/\x1b\[/);
  });

  test('lists each problem with its message, what to do, and why it fired', async () => {
    const data = await fixtureData();
    const { policy, source } = fixturePolicy();
    const frame = draw(<RecordView record={data.flagged[1]} policy={policy} context={evalContext()} policySource={source} width={80} height={80} scroll={0} color={false} />);
    expect(frame).toContain('Problems (3)');
    expect(frame).toMatch(/✖ error {2}email-address {2}in body/);
    expect(frame).toContain('Email addresses are not allowed: desk@lumo-shop.com');
    expect(frame).toContain('What to do: Remove the email address; buyers reach you through Amazon.');
    expect(frame).toContain('Why it fired:');
    expect(frame).toMatch(/Not allowed: emails\(body\) +→ desk@lumo-shop\.com/);
    expect(frame).toMatch(/▲ warning {2}language-mismatch/);
    expect(frame).toMatch(/Applies when: not empty\(language\) and not empty\(buyerLanguage\) +→ yes/);
    expect(frame).toMatch(/Required: language == buyerLanguage +→ no/);
    expect(frame).toMatch(/language +→ en/);
    expect(frame).toMatch(/buyerLanguage +→ de/);
    expect(frame).toMatch(/orderId\s+111-0000003-0000003/);
  });

  test('explains a date rule with the values it saw', async () => {
    const data = await fixtureData();
    const { policy, source } = fixturePolicy();
    const frame = draw(<RecordView record={data.flagged[2]} policy={policy} context={evalContext()} policySource={source} width={80} height={80} scroll={0} color={false} />);
    expect(frame).toContain('Sent 49 days after the order was completed; the limit is 30 days');
    expect(frame).toMatch(/Required: dateOf\(sentAt\) - orderCompletedAt <= 30 days +→ no/);
    expect(frame).toMatch(/dateOf\(sentAt\) - orderCompletedAt +→ 49 days/);
    expect(frame).toMatch(/orderCompletedAt\s+2026-09-01/);
  });

  test('an unreadable record says why, with its fields as read', async () => {
    const data = await fixtureData();
    const { policy, source } = fixturePolicy();
    const frame = draw(<RecordView record={data.flagged[4]} policy={policy} context={evalContext()} policySource={source} width={80} height={40} scroll={0} color={false} />);
    expect(frame).toContain('This record could not be checked');
    expect(frame).toContain('orderId: is missing');
    expect(frame).toMatch(/body\s+Nothing wrong here\./);
  });

  test('with colour, marks are drawn inverse instead of with brackets', async () => {
    const data = await fixtureData();
    const { policy, source } = fixturePolicy();
    const lines = recordViewLines({ record: data.flagged[0], policy, context: evalContext(), policySource: source, width: 80, color: true });
    const marked = lines.flat().filter((s) => s.tone === 'mark-error');
    expect(marked.map((s) => s.text)).toEqual(['help@lumo-shop.com']);
  });

  test('scrolls, drawing only the lines that fit', async () => {
    const data = await fixtureData();
    const { policy, source } = fixturePolicy();
    const all = recordViewLines({ record: data.flagged[1], policy, context: evalContext(), policySource: source, width: 80, color: false });
    const frame = draw(<RecordView record={data.flagged[1]} policy={policy} context={evalContext()} policySource={source} width={80} height={10} scroll={3} color={false} />);
    expect(rows(frame)).toHaveLength(10);
    expect(rows(frame)[0].trimEnd()).toBe(all[3].map((s) => s.text).join('').trimEnd());
    fitsIn(frame, 80, 10);
  });

  test('markedSegments merges overlapping spans and keeps the worst severity', () => {
    const segs = markedSegments('abcdefghij', [
      { start: 1, end: 4, severity: 'warning' },
      { start: 3, end: 6, severity: 'error' },
      { start: 8, end: 8, severity: 'error' },
    ], false);
    expect(segs).toEqual([{ text: 'a' }, { text: '[bcdef]', tone: 'mark-error' }, { text: 'ghij' }]);
  });
});

describe('Help', () => {
  test('lists every key in plain words', () => {
    const frame = draw(<Help width={80} height={60} scroll={0} watching={false} />);
    for (const k of ['Enter', 'Esc', 'Tab', '/', 'q', 'o  O', 'y', ':rule ID', ':severity LEVEL', ':export FILE']) expect(frame).toContain(k);
    expect(frame).toContain('search the records');
    expect(frame).toContain('save the records in the list to a file');
    expect(frame).toContain('Mouse');
    expect(frame).toContain('Start with --watch');
  });
});

describe('Diagnostics', () => {
  const source = fixturePolicy().source.replace('forbid emails(body)', 'forbid emails(bodyy)');
  const { diagnostics } = compile(source, { fileName: 'messages.policy' });

  test('shows each problem in the policy as a code frame', () => {
    expect(parse(source).diagnostics).toEqual([]);
    const frame = draw(<Diagnostics diagnostics={diagnostics} source={source} fileName="messages.policy" width={80} height={22} scroll={0} watching />);
    expect(frame).toContain('The policy has 1 error, so nothing was checked');
    expect(frame).toContain('Fix the policy and save it: the check runs again by itself.');
    expect(frame).toMatch(/error\[SG\d+\]/);
    expect(frame).toContain('--> messages.policy:');
    expect(frame).toContain('forbid emails(bodyy)');
    expect(frame).toMatch(/\^+/);
  });

  test('code lines are cut, not wrapped, so the carets line up', () => {
    // The line with the mistake, numbered by hand from the source.
    const lineNo = source.slice(0, source.indexOf('forbid emails(bodyy)')).split('\n').length;
    const sourceLine = source.split('\n')[lineNo - 1];
    const texts = diagnosticsLines({ diagnostics, source, fileName: 'messages.policy', width: 22, watching: false }).map((l) => l.map((s) => s.text).join(''));
    const at = texts.findIndex((t) => t.startsWith(`${lineNo} |`));
    expect(texts[at]).toBe(`${lineNo} | ${sourceLine}`);
    expect(texts[at + 1].indexOf('^')).toBe(texts[at].indexOf('bodyy'));
    expect(texts[at + 1].trimEnd().endsWith('^'.repeat('bodyy'.length))).toBe(true);
    // Drawn 24 columns wide, the code line and the caret line are both cut at the edge (with …), and still line up.
    const frame = rows(draw(<Diagnostics diagnostics={diagnostics} source={source} fileName="messages.policy" width={24} height={30} scroll={0} watching={false} />));
    const code = frame.findIndex((r) => r.startsWith(`${lineNo} |`));
    expect(frame[code]).toBe(`${`${lineNo} | ${sourceLine}`.slice(0, 23)}…`);
    expect(frame[code + 1].indexOf('^')).toBe(`${lineNo} | ${sourceLine}`.indexOf('bodyy'));
    expect(frame[code + 1]).toMatch(/\^\^…$/);
    for (const row of frame) expect(textWidth(row)).toBeLessThanOrEqual(24);
  });
});
