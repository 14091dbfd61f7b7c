// @vitest-environment jsdom
import type { Fix, RuleInfo } from '@sellguard/core';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Results, summaryText } from '../src/components/Results';
import type { CheckOutcome } from '../src/lib/check';

afterEach(cleanup);

const fix: Fix = { kind: 'remove', description: 'remove "🎉"', edits: [{ path: 'subject', start: 9, end: 12, text: '' }] };
const rules: RuleInfo[] = [
  { id: 'email-address', fullId: 'p/email-address', severity: 'error', message: '', hasFix: false },
  { id: 'emoji', fullId: 'p/emoji', severity: 'warning', message: '', hasFix: true },
  { id: 'unused', fullId: 'p/unused', severity: 'info', message: '', hasFix: false },
];
const outcome: CheckOutcome = {
  summary: {
    records: 3,
    checked: 2,
    invalid: 1,
    withViolations: 1,
    violations: 2,
    bySeverity: { error: 1, warning: 1, info: 0 },
    byRule: { 'p/email-address': 1, 'p/emoji': 1, 'p/unused': 0 },
  },
  records: [
    {
      index: 0,
      line: 1,
      raw: { id: 'A-1', subject: 'Big sale 🎉', body: 'Write to jo@example.com today' },
      decoded: { id: 'A-1', subject: 'Big sale 🎉', body: 'Write to jo@example.com today' },
      violations: [
        {
          rule: 'p/email-address',
          severity: 'error',
          message: 'Email addresses are not allowed: jo@example.com',
          path: 'body',
          spans: [{ path: 'body', start: 9, end: 23, text: 'jo@example.com' }],
          hint: 'Remove it.',
        },
        { rule: 'p/emoji', severity: 'warning', message: 'Emoji are not allowed', path: 'subject', spans: [{ path: 'subject', start: 9, end: 11, text: '🎉' }], fix },
      ],
    },
    { index: 1, line: 2, raw: { id: 'A-2', body: 'fine' }, decoded: { id: 'A-2', body: 'fine' }, violations: [] },
    { index: 2, line: 3, violations: [], invalid: [{ path: 'body', message: 'is missing: expected text' }] },
  ],
};

function renderResults() {
  const calls: Array<[string, unknown, unknown?]> = [];
  render(
    <Results
      outcome={outcome}
      rules={rules}
      labelField={{ name: 'id', type: { kind: 'string' }, optional: false, hasDefault: false, aliases: [] }}
      selected={0}
      onSelect={(i) => calls.push(['select', i])}
      onFix={(i, f) => calls.push(['fix', i, f])}
      onExplain={(i) => calls.push(['explain', i])}
      onEdit={(i) => calls.push(['edit', i])}
    />,
  );
  return calls;
}

describe('the results', () => {
  it('sums up in plain words', () => {
    expect(summaryText(outcome.summary)).toBe('3 records · 1 could not be read · 1 with problems · 2 problems (1 error, 1 warning)');
    renderResults();
    expect(screen.getByTestId('summary').textContent).toBe(summaryText(outcome.summary));
  });

  it('counts per rule, leaving out rules that never fired', () => {
    renderResults();
    const group = screen.getByRole('group', { name: /Problems per rule/ });
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual(['email-address1', 'emoji1']);
  });

  it('shows each violation with its severity in words, its rule, message, hint and the matched text marked', () => {
    renderResults();
    const email = document.querySelector('[data-rule="p/email-address"]') as HTMLElement;
    expect(within(email).getByText('Error')).toBeTruthy();
    expect(within(email).getByText('p/email-address')).toBeTruthy();
    expect(within(email).getByText('Email addresses are not allowed: jo@example.com')).toBeTruthy();
    expect(email.querySelector('.violation-hint')?.textContent).toBe('How to fix: Remove it.');
    expect(email.querySelector('blockquote')?.innerHTML).toBe('<span>Write to </span><mark>jo@example.com</mark><span> today</span>');
    const emoji = document.querySelector('[data-rule="p/emoji"]') as HTMLElement;
    expect(within(emoji).getByText('Warning')).toBeTruthy();
    expect(emoji.querySelector('mark')?.textContent).toBe('🎉');
  });

  it('offers the fix where there is one', () => {
    const calls = renderResults();
    expect(screen.getAllByRole('button', { name: /^Fix:/ })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Fix: remove "🎉"' }));
    expect(calls).toEqual([['fix', 0, fix]]);
  });

  it('lists records that could not be read, and hides clean ones until asked', () => {
    renderResults();
    expect(screen.getByText('Could not be read')).toBeTruthy();
    expect(screen.getByText(/Is missing: expected text/)).toBeTruthy();
    expect(document.querySelector('[data-record="1"]')).toBeNull();
    fireEvent.click(screen.getByLabelText(/Show the 1 record without problems/));
    expect(document.querySelector('[data-record="1"]')?.textContent).toContain('No problems');
  });

  it('filters to one rule from its count', () => {
    renderResults();
    fireEvent.click(screen.getByRole('button', { name: /^emoji/ }));
    expect(document.querySelectorAll('.violation')).toHaveLength(1);
    expect(document.querySelector('[data-record="2"]')).toBeNull();
  });
});
