/**
 * Operators used on the wrong kinds of values: each gives one diagnostic with
 * its code, message, help and the place it points at, written here by hand
 * from docs/language.md (what each operator accepts) and docs/diagnostics.md.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.js';

const HEADER = `policy demo "Demo" source "tests"
record Message {
  subject: text = ""
  body: text
  orderCompletedAt: date?
  labels: list<string> = []
  score: percent?
}
`;

/** The diagnostics of one condition, each with the text it points at. */
function clause(line: string) {
  const text = `${HEADER}rule r error "m" {\n  ${line}\n}\n`;
  return compile(text).diagnostics.map((d) => ({ code: d.code, message: d.message, ...(d.help === undefined ? {} : { help: d.help }), at: text.slice(d.span.start, d.span.end) }));
}

describe('operators on the wrong kinds of values', () => {
  const rows: Array<[string, ReturnType<typeof clause>[number]]> = [
    // `contains` is the only text operator that also works on lists
    ['forbid labels startsWith "a"', { code: 'SG3002', message: '`startsWith` works on text, but this is list of string', at: 'labels' }],
    // a pattern must be a written text, not a number
    ['forbid body matches 5', { code: 'SG3007', message: 'the pattern after `matches` must be written in the policy as a string', help: 'write title matches "^[A-Z]"', at: '5' }],
    // only + joins texts and lists
    ['forbid subject - body == "x"', { code: 'SG3002', message: 'cannot use `-` on text and text', help: 'arithmetic works on numbers, dates and durations', at: '-' }],
    ['forbid (labels - labels) == labels', { code: 'SG3002', message: 'cannot use `-` on list of string and list of string', at: '-' }],
    ['forbid (labels + 1) == labels', { code: 'SG3002', message: 'cannot use `+` on list of string and integer', at: '+' }],
    ['forbid (1 + labels) == labels', { code: 'SG3002', message: 'cannot use `+` on integer and list of string', at: '+' }],
    // a date moves by adding or subtracting a duration, never by multiplying
    ['forbid orderCompletedAt * 2 days > orderCompletedAt', { code: 'SG3002', message: 'cannot use `*` on date and duration', at: '*' }],
    // a duration is scaled by a number with * or /, not moved by one
    ['forbid 2 days + 3 > 1 day', { code: 'SG3002', message: 'cannot use `+` on duration and integer', at: '+' }],
    ['forbid 3 * body > 1', { code: 'SG3002', message: 'cannot use `*` on integer and text', help: 'arithmetic works on numbers, dates and durations', at: '*' }],
    // the hint about units is only for a duration next to a number
    ['forbid 1 day == body', { code: 'SG3001', message: 'cannot compare duration with text', at: '==' }],
  ];
  for (const [line, want] of rows) it(line, () => expect(clause(line)).toEqual([want]));
});
