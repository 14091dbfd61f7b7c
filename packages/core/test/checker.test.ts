/**
 * The checker's word on expressions: each mistake gives one diagnostic with
 * its code, its message, its help and the place it points at, written here by
 * hand from what a seller should read. Also the types the checker gives to
 * unary minus, percent, date and duration arithmetic, read back through a
 * probe (`(expr) matches "x"` names the type of anything that is not text).
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.js';

const HEADER = `policy demo "Demo" source "tests"
record Attachment { fileName: string  kind: enum(instructions, warranty, invoice, other) = "other" }
record Message {
  orderId: string
  purpose: enum(order_issue, review_request, promotion, other) = "other"
  subject: text = ""
  body: text
  sentAt: datetime?
  orderCompletedAt: date?
  attachments: list<Attachment> = []
  labels: list<string> = []
  score: percent?
  tags: map<string>?
}
phrases promoWords = ["free gift", "discount"]
const limit = 3
`;

interface Seen {
  code: string;
  message: string;
  help?: string;
  /** The source text the diagnostic points at. */
  at: string;
}

function diagnose(rules: string): Seen[] {
  const text = HEADER + rules;
  return compile(text).diagnostics.map((d) => ({
    code: d.code,
    message: d.message,
    ...(d.help === undefined ? {} : { help: d.help }),
    at: text.slice(d.span.start, d.span.end),
  }));
}

/** The diagnostics of one condition in a rule. */
const clause = (line: string) => diagnose(`rule r error "m" {\n  ${line}\n}\n`);

/** The type the checker gives an expression: "text" when it is text, else its description. */
function typeOf(expr: string): string {
  const found = clause(`forbid (${expr}) matches "x"`);
  if (found.length === 0) return 'text';
  const prefix = '`matches` works on text, but this is ';
  if (found.length !== 1 || !found[0].message.startsWith(prefix)) throw new Error(`${expr}: ${JSON.stringify(found)}`);
  return found[0].message.slice(prefix.length);
}

describe('types of arithmetic', () => {
  const rows: Array<[string, string]> = [
    ['length(body)', 'integer'],
    ['-length(body)', 'integer'],
    ['-score', 'percent'],
    ['-(30 days)', 'duration'],
    ['-2.5', 'number'],
    ['1 + 2', 'integer'],
    ['1 - 2', 'integer'],
    ['2 * 3', 'integer'],
    ['6 / 3', 'number'],
    ['1 + 2.5', 'number'],
    ['1.0 + 2', 'number'],
    ['score + 1%', 'percent'],
    ['score - 1%', 'percent'],
    ['score * 2', 'number'],
    ['score * score', 'number'],
    ['score / 1%', 'number'],
    ['sentAt - orderCompletedAt', 'duration'],
    ['orderCompletedAt - orderCompletedAt', 'duration'],
    ['orderCompletedAt + 30 days', 'date'],
    ['orderCompletedAt - 1 day', 'date'],
    ['sentAt + 2 hours', 'datetime'],
    ['30 days + orderCompletedAt', 'date'],
    ['2 days + 3 days', 'duration'],
    ['2 days - 3 days', 'duration'],
    ['4 days / 2 days', 'number'],
    ['2 days * 3', 'duration'],
    ['2 days / 2', 'duration'],
    ['3 * 2 days', 'duration'],
    ['subject + body', 'text'],
    ['labels + labels', 'list of string'],
    ['attachments + attachments', 'list of Attachment'],
    ['count a in attachments: a.kind == "other"', 'integer'],
    ['if purpose == "other" then 1 else 2', 'integer'],
    ['if purpose == "other" then 1 else 2.5', 'number'],
    ['if purpose == "other" then null else 2', 'integer'],
    ['if purpose == "other" then 2 else null', 'integer'],
    ['days(sentAt - orderCompletedAt)', 'number'],
    ['[1, 2.5]', 'list of number'],
    ['[1, 2]', 'list of integer'],
    ['tags.color', 'text'],
    ['tags["color"]', 'text'],
    ['labels[0]', 'text'],
    ['attachments[0]', 'Attachment'],
  ];
  for (const [expr, type] of rows) it(`${expr} is ${type}`, () => expect(typeOf(expr)).toBe(type));
});

describe('arithmetic mistakes', () => {
  const rows: Array<[string, Seen]> = [
    ['forbid orderCompletedAt + 30 > orderCompletedAt', { code: 'SG3002', message: 'cannot use `+` on date and integer', help: 'add a duration instead of a number: `+ 30 days`', at: '+' }],
    ['forbid orderCompletedAt - 2 > orderCompletedAt', { code: 'SG3002', message: 'cannot use `-` on date and integer', help: 'add a duration instead of a number: `- 30 days`', at: '-' }],
    ['forbid orderCompletedAt + orderCompletedAt > orderCompletedAt', { code: 'SG3002', message: 'cannot use `+` on date and date', help: 'dates can only be subtracted from each other; the result is a duration', at: '+' }],
    ['forbid body * 2 > 1', { code: 'SG3002', message: 'cannot use `*` on text and integer', help: 'arithmetic works on numbers, dates and durations', at: '*' }],
    ['forbid body + 1 == "x"', { code: 'SG3002', message: 'cannot use `+` on text and integer', help: 'only two texts can be joined with +', at: '+' }],
    ['forbid 1 + body == "x"', { code: 'SG3002', message: 'cannot use `+` on integer and text', help: 'only two texts can be joined with +', at: '+' }],
    ['forbid 2 days * 2 days > 1 day', { code: 'SG3002', message: 'cannot use `*` on duration and duration', at: '*' }],
    ['forbid 30 days - orderCompletedAt > orderCompletedAt', { code: 'SG3002', message: 'cannot use `-` on duration and date', at: '-' }],
    ['forbid 2 / 3 days > 1 day', { code: 'SG3002', message: 'cannot use `/` on integer and duration', at: '/' }],
    ['forbid score - 1 day > 1 day', { code: 'SG3002', message: 'cannot use `-` on percent and duration', at: '-' }],
    ['forbid -body == "x"', { code: 'SG3002', message: 'cannot make text negative', help: 'only numbers and durations can be negated', at: 'body' }],
    ['forbid -orderCompletedAt > orderCompletedAt', { code: 'SG3002', message: 'cannot make date negative', help: 'only numbers and durations can be negated', at: 'orderCompletedAt' }],
  ];
  for (const [line, want] of rows) it(line, () => expect(clause(line)).toEqual([want]));

  it('reports a mistake once: an expression already in error fits everywhere', () => {
    expect(clause('forbid -nosuch > 1 and nosuch + 1 > 2 day').map((d) => d.code)).toEqual(['SG2001', 'SG2001']);
    expect(clause('forbid (body * 2) * 2 > 1 day')).toHaveLength(1);
    expect(clause('forbid -(-body) > 1')).toHaveLength(1);
    expect(clause('forbid days("x") > 1')).toHaveLength(1);
  });
});

describe('comparisons', () => {
  const rows: Array<[string, Seen]> = [
    ['require sentAt - orderCompletedAt <= 30', { code: 'SG3001', message: 'cannot compare duration with integer', help: 'write the number with a unit, e.g. `30 days`, or convert the duration with days(...)', at: '<=' }],
    ['require 30 >= sentAt - orderCompletedAt', { code: 'SG3001', message: 'cannot compare integer with duration', help: 'write the number with a unit, e.g. `30 days`, or convert the duration with days(...)', at: '>=' }],
    ['forbid orderCompletedAt > 5', { code: 'SG3001', message: 'cannot compare date with integer', help: 'compare a date with another date, or a difference of dates with a duration such as `30 days`', at: '>' }],
    ['forbid 5 < orderCompletedAt', { code: 'SG3001', message: 'cannot compare integer with date', help: 'compare a date with another date, or a difference of dates with a duration such as `30 days`', at: '<' }],
    ['forbid attachments == 1', { code: 'SG3001', message: 'cannot compare list of Attachment with integer', help: 'to test membership write `x in list`; to count write count(list)', at: '==' }],
    ['forbid 1 != labels', { code: 'SG3001', message: 'cannot compare integer with list of string', help: 'to test membership write `x in list`; to count write count(list)', at: '!=' }],
    ['forbid body == 1', { code: 'SG3001', message: 'cannot compare text with integer', at: '==' }],
    ['forbid (body contains "x") < (subject contains "y")', { code: 'SG3002', message: 'boolean values have no order, so `<` does not apply', help: 'use == or !=', at: '<' }],
    ['forbid labels >= labels', { code: 'SG3002', message: 'list of string values have no order, so `>=` does not apply', help: 'use == or !=', at: '>=' }],
    ['forbid tags > tags', { code: 'SG3002', message: 'map of string values have no order, so `>` does not apply', help: 'use == or !=', at: '>' }],
    ['forbid any a in attachments: a <= a', { code: 'SG3002', message: 'Attachment values have no order, so `<=` does not apply', help: 'use == or !=', at: '<=' }],
    ['forbid any e in emails(body): e > e', { code: 'SG3002', message: 'emails match values have no order, so `>` does not apply', help: 'use == or !=', at: '>' }],
    ['forbid purpose == "promotoin"', { code: 'SG3006', message: '"promotoin" is not one of the values of `purpose`', help: 'did you mean "promotion"? The values are order_issue, review_request, promotion, other', at: '"promotoin"' }],
    ['forbid "promo" != purpose', { code: 'SG3006', message: '"promo" is not one of the values of `purpose`', help: 'did you mean "promotion"? The values are order_issue, review_request, promotion, other', at: '"promo"' }],
    ['forbid purpose == "zzz"', { code: 'SG3006', message: '"zzz" is not one of the values of `purpose`', help: 'the values are order_issue, review_request, promotion, other', at: '"zzz"' }],
    ['forbid purpose in ["promotion", "promo"]', { code: 'SG3006', message: '"promo" is not one of the values of `purpose`', help: 'did you mean "promotion"? The values are order_issue, review_request, promotion, other', at: '"promo"' }],
    ['forbid any a in attachments: a.kind == "invoise"', { code: 'SG3006', message: '"invoise" is not one of the values of `kind`', help: 'did you mean "invoice"? The values are instructions, warranty, invoice, other', at: '"invoise"' }],
  ];
  for (const [line, want] of rows) it(line, () => expect(clause(line)).toEqual([want]));

  it('accepts what can be compared', () => {
    for (const line of [
      'require sentAt - orderCompletedAt <= 30 days',
      'forbid orderCompletedAt > 2026-01-01',
      'forbid sentAt > orderCompletedAt',
      'forbid purpose == "PROMOTION"',
      'forbid score >= 2.5%',
      'forbid labels == ["a"]',
      'forbid (body contains "x") == true',
      'forbid score == null',
    ])
      expect(clause(line), line).toEqual([]);
  });
});

describe('in, contains, startsWith, endsWith and matches', () => {
  const rows: Array<[string, Seen]> = [
    ['forbid 1 in attachments', { code: 'SG3001', message: 'cannot look for integer in a list of Attachment', at: 'in' }],
    ['forbid 1 in tags', { code: 'SG3001', message: 'map keys are text, not integer', at: 'in' }],
    ['forbid 1 in body', { code: 'SG3001', message: 'cannot look for integer inside text', at: 'in' }],
    ['forbid "a" in 5', { code: 'SG3002', message: '`in` needs a list, a map or a text on its right, but this is integer', at: '5' }],
    ['forbid "a" not in score', { code: 'SG3002', message: '`not in` needs a list, a map or a text on its right, but this is percent', at: 'score' }],
    ['forbid labels contains 1', { code: 'SG3001', message: 'a list of string cannot contain integer', at: 'contains' }],
    ['forbid attachments contains "a"', { code: 'SG3001', message: 'a list of Attachment cannot contain string', at: 'contains' }],
    ['forbid score contains "x"', { code: 'SG3002', message: '`contains` works on text, but this is percent', at: 'score' }],
    ['forbid body startsWith 1', { code: 'SG3002', message: '`startsWith` works on text, but this is integer', at: '1' }],
    ['forbid orderCompletedAt endsWith "x"', { code: 'SG3002', message: '`endsWith` works on text, but this is date', at: 'orderCompletedAt' }],
    ['forbid score matches "x"', { code: 'SG3002', message: '`matches` works on text, but this is percent', at: 'score' }],
    ['forbid body matches subject', { code: 'SG3007', message: 'the pattern after `matches` must be written in the policy as a string', help: 'write title matches "^[A-Z]"', at: 'subject' }],
  ];
  for (const [line, want] of rows) it(line, () => expect(clause(line)).toEqual([want]));

  it('accepts text, missing values and lists of the right kind', () => {
    for (const line of ['forbid labels contains "gift"', 'forbid body contains null', 'forbid "x" in labels', 'forbid "size" in tags', 'forbid orderId in body', 'forbid purpose in ["other"]'])
      expect(clause(line), line).toEqual([]);
  });
});

describe('function and detector calls', () => {
  const rows: Array<[string, Seen]> = [
    ['forbid emails(body, subject)', { code: 'SG3004', message: 'emails() takes one text to search, got 2', help: 'write emails(body)', at: 'emails(body, subject)' }],
    ['forbid links()', { code: 'SG3004', message: 'links() takes one text to search, got 0', help: 'write links(body)', at: 'links()' }],
    ['forbid emails(score)', { code: 'SG3005', message: 'emails() searches text, but this is percent', at: 'score' }],
    ['forbid phones(attachments)', { code: 'SG3005', message: 'phones() searches text, but this is list of Attachment', at: 'attachments' }],
    ['forbid email(body)', { code: 'SG2012', message: 'there is no function called `email`', help: 'did you mean `emails`?', at: 'email' }],
    ['forbid days() > 1', { code: 'SG3004', message: 'days() takes 1 argument, got 0', help: 'write days(duration)', at: 'days()' }],
    ['forbid days(1 day, 2 days) > 1', { code: 'SG3004', message: 'days() takes 1 argument, got 2', help: 'write days(duration)', at: 'days(1 day, 2 days)' }],
    ['forbid replace(body, "a") == ""', { code: 'SG3004', message: 'replace() takes 3 arguments, got 2', help: 'write replace(text, find, with)', at: 'replace(body, "a")' }],
    ['forbid round() > 1', { code: 'SG3004', message: 'round() takes 1 to 2 arguments, got 0', help: 'write round(number, decimals)', at: 'round()' }],
    ['forbid round(1, 2, 3) > 1', { code: 'SG3004', message: 'round() takes 1 to 2 arguments, got 3', help: 'write round(number, decimals)', at: 'round(1, 2, 3)' }],
    ['forbid today(1) > orderCompletedAt', { code: 'SG3004', message: 'today() takes 0 arguments, got 1', help: 'write today()', at: 'today(1)' }],
    ['forbid days("x") > 1', { code: 'SG3005', message: 'days() needs a duration, but this is string', at: '"x"' }],
    ['forbid replace(body, 1, "x") == ""', { code: 'SG3005', message: 'replace() needs text as its find, but this is integer', at: '1' }],
    ['forbid round(body) > 1', { code: 'SG3005', message: 'round() needs a number as its number, but this is text', at: 'body' }],
    ['forbid round(1.5, "x") > 1', { code: 'SG3005', message: 'round() needs a number as its decimals, but this is string', at: '"x"' }],
    ['forbid sum(labels) > 1', { code: 'SG3005', message: 'sum() needs a list of numbers, but this is list of string', at: 'labels' }],
    ['forbid dateOf(body) > orderCompletedAt', { code: 'SG3005', message: 'dateOf() needs a date or date and time, but this is text', at: 'body' }],
  ];
  for (const [line, want] of rows) it(line, () => expect(clause(line)).toEqual([want]));

  it('gives each function the type of its result', () => {
    expect(typeOf('abs(-score)')).toBe('percent');
    expect(typeOf('round(2.5)')).toBe('number');
    expect(typeOf('count(labels)')).toBe('integer');
    expect(typeOf('lower(body)')).toBe('text');
  });
});

describe('phrases() and find()', () => {
  const rows: Array<[string, Seen]> = [
    ['forbid phrases(body)', { code: 'SG3004', message: 'phrases() takes a text and a phrase list', help: 'write phrases(body, marketing) with `phrases marketing = [...]` declared', at: 'phrases(body)' }],
    ['forbid phrases(body, promoWords, subject)', { code: 'SG3004', message: 'phrases() takes a text and a phrase list', help: 'write phrases(body, marketing) with `phrases marketing = [...]` declared', at: 'phrases(body, promoWords, subject)' }],
    ['forbid phrases(score, promoWords)', { code: 'SG3005', message: 'phrases() searches text, but this is percent', at: 'score' }],
    ['forbid phrases(body, promoWord)', { code: 'SG3005', message: '`promoWord` is not a phrase list', help: 'did you mean `promoWords`?', at: 'promoWord' }],
    ['forbid phrases(body, limit)', { code: 'SG3005', message: '`limit` is not a phrase list', help: 'the phrase lists are `promoWords`', at: 'limit' }],
    ['forbid phrases(body, "free gift")', { code: 'SG3005', message: 'the second argument of phrases() must name a phrase list', help: 'the phrase lists are `promoWords`', at: '"free gift"' }],
    ['forbid promoWords', { code: 'SG3002', message: '`promoWords` is a phrase list; search a text with it', help: 'write phrases(body, promoWords)', at: 'promoWords' }],
    ['forbid find(body)', { code: 'SG3004', message: 'find() takes a text and a pattern', help: 'write find(body, "(?i)save \\d+%")', at: 'find(body)' }],
    ['forbid find(score, "x")', { code: 'SG3005', message: 'find() searches text, but this is percent', at: 'score' }],
    ['forbid find(body, subject)', { code: 'SG3007', message: 'the pattern of find() must be written in the policy as a string', at: 'subject' }],
  ];
  for (const [line, want] of rows) it(line, () => expect(clause(line)).toEqual([want]));

  it('accepts a text and a phrase list, or a text and a pattern', () => {
    expect(clause('forbid phrases(subject, promoWords)')).toEqual([]);
    expect(clause('forbid find(body, "\\\\d{3}")')).toEqual([]);
    expect(clause('forbid any s in sentences(body): emails(s)')).toEqual([]);
  });
});

describe('names, fields, indexes and lists', () => {
  const rows: Array<[string, Seen]> = [
    ['require sentAt - orderCompletdAt <= 30 days', { code: 'SG2001', message: 'there is no field or constant called `orderCompletdAt`', help: 'did you mean `orderCompletedAt`?', at: 'orderCompletdAt' }],
    ['forbid sentAt-orderCompletedAt > 1 day', { code: 'SG2011', message: '`sentAt-orderCompletedAt` is read as one name; there is nothing called that', help: 'to subtract, put spaces around the minus sign: `sentAt - orderCompletedAt`', at: 'sentAt-orderCompletedAt' }],
    ['forbid limit-one > 1', { code: 'SG2011', message: '`limit-one` is read as one name; there is nothing called that', help: 'to subtract, put spaces around the minus sign: `limit - one`', at: 'limit-one' }],
    ['forbid matched == "x"', { code: 'SG3010', message: '`matched` can only be used in a message, hint or fix', help: 'use a detector such as emails(body) in conditions', at: 'matched' }],
    ['forbid score.value > 1', { code: 'SG3013', message: 'percent has no fields, so `.value` cannot be read', help: 'only records and detector matches have fields', at: 'value' }],
    ['forbid any a in attachments: a.kindd == "x"', { code: 'SG2010', message: 'Attachment has no field `kindd`', help: 'did you mean `kind`?', at: 'kindd' }],
    ['forbid any e in emails(body): e.adress == "x"', { code: 'SG2010', message: 'emails match has no field `adress`', help: 'did you mean `address`?', at: 'adress' }],
    ['forbid tags[1] == "x"', { code: 'SG3016', message: 'a map is looked up by text, not by integer', at: '1' }],
    ['forbid labels["a"] == "x"', { code: 'SG3016', message: 'a list is indexed by a number, not by string', help: 'the first item is [0]', at: '"a"' }],
    ['forbid score[0] == 1', { code: 'SG3016', message: 'percent cannot be indexed with [ ]', help: 'only lists and maps (tables) can be indexed', at: 'score[0]' }],
    ['forbid any x in body: x == "a"', { code: 'SG3014', message: '`any` goes over a list, but this is text', help: 'write any x in someList: condition', at: 'body' }],
    ['forbid all x in score: x > 1%', { code: 'SG3014', message: '`all` goes over a list, but this is percent', help: 'write all x in someList: condition', at: 'score' }],
    ['forbid length(body)', { code: 'SG3003', message: 'a condition must be true or false, but this is integer', help: 'compare it with something, e.g. `> 0`', at: 'length(body)' }],
    ['require body', { code: 'SG3003', message: 'a condition must be true or false, but this is text', help: 'compare it with something, e.g. `== "value"`', at: 'body' }],
    ['forbid not score', { code: 'SG3003', message: 'a condition must be true or false, but this is percent', help: 'compare it with something, e.g. `> 0`', at: 'score' }],
    ['forbid emails(body) or limit', { code: 'SG3003', message: 'a condition must be true or false, but this is integer', help: 'compare it with something, e.g. `> 0`', at: 'limit' }],
    ['forbid orderCompletedAt and emails(body)', { code: 'SG3003', message: 'a condition must be true or false, but this is date', help: 'compare it with something, e.g. `== "value"`', at: 'orderCompletedAt' }],
    ['forbid any a in attachments: a.fileName', { code: 'SG3003', message: 'a condition must be true or false, but this is string', help: 'compare it with something, e.g. `== "value"`', at: 'a.fileName' }],
    ['forbid (if body then 1 else 2) > 1', { code: 'SG3003', message: 'a condition must be true or false, but this is text', help: 'compare it with something, e.g. `== "value"`', at: 'body' }],
    ['forbid (if emails(body) then 1 else "a") == 1', { code: 'SG3001', message: 'the two answers of this if are of different kinds: integer and string', help: 'make both the then and the else value the same kind', at: 'if emails(body) then 1 else "a"' }],
  ];
  for (const [line, want] of rows) it(line, () => expect(clause(line)).toEqual([want]));

  it('lists the fields and constants when nothing is close', () => {
    const [d] = clause('forbid zzzzzzzz > 1');
    expect(d.help).toBe('the fields and constants are `orderId`, `purpose`, `subject`, `body`, `sentAt`, `orderCompletedAt`, `attachments`, `labels`, …');
  });

  it('lets messages use matched, quantifier variables hide fields with a warning, and constants be read', () => {
    expect(diagnose('rule r error "Found {matched}" {\n  forbid emails(body)\n  hint "Remove {matched}"\n}\n')).toEqual([]);
    expect(clause('forbid any label in labels: label == "x"')).toEqual([]);
    // The variable is read inside its condition (no type error); that it hides the field is a warning.
    expect(clause('forbid any body in labels: body == "x"')).toEqual([
      {
        code: 'SG2020',
        message: 'the variable `body` hides the field `body` of `Message` in this condition',
        help: 'name the variable differently, e.g. `b1`, so that `body` still means the field `body`',
        at: 'body',
      },
    ]);
    expect(clause('forbid count(attachments) > limit')).toEqual([]);
    expect(clause('forbid tags.color == "red"')).toEqual([]);
  });
});
