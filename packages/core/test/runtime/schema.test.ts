import { describe, expect, it } from 'vitest';
import * as s from '../../src/runtime/schema.js';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('primitive readers accept what real data holds', () => {
  const cases: Array<[s.PrimitiveName, unknown, unknown]> = [
    ['string', 'abc', 'abc'],
    ['string', 114, '114'],
    ['text', '  spaced  ', '  spaced  '],
    ['number', 3.5, 3.5],
    ['number', ' 3.5 ', 3.5],
    ['number', '-2e3', -2000],
    ['integer', '7', 7],
    ['integer', '7.0', 7],
    ['percent', '2.5%', 0.025],
    ['percent', 0.0116, 0.0116],
    ['percent', '0.5', 0.5],
    ['boolean', 'TRUE', true],
    ['boolean', 'no', false],
    ['boolean', 'Y', true],
    ['boolean', 0, false],
    ['date', '2026-11-03', day('2026-11-03')],
    ['date', '2026-11-03T23:59:59-02:00', day('2026-11-04')],
    ['datetime', '2026-11-03T10:22:31+00:00', Date.parse('2026-11-03T10:22:31Z')],
    ['datetime', '2020-09-06T00:00Z', Date.parse('2020-09-06T00:00:00Z')],
    ['datetime', '2026-11-03 10:22', Date.parse('2026-11-03T10:22:00Z')],
    ['datetime', '2026-11-03', day('2026-11-03')],
    ['duration', '30 days', 30 * 86_400_000],
    ['duration', '12 hours', 12 * 3_600_000],
    ['duration', 'P2DT3H', 2 * 86_400_000 + 3 * 3_600_000],
    ['duration', 2, 2 * 86_400_000],
  ];
  for (const [kind, input, expected] of cases) {
    it(`${kind} reads ${JSON.stringify(input)}`, () => {
      const r = s.primitive(kind).safeParse(input);
      expect(r.success && r.data).toEqual(expected);
    });
  }
});

describe('bad values are explained', () => {
  const cases: Array<[s.PrimitiveName, unknown, string]> = [
    ['number', 'twelve', 'expected a number such as 12 or 3.5, got "twelve"'],
    ['integer', '2.5', 'expected a whole number such as 3, got "2.5"'],
    ['boolean', 'maybe', 'expected true or false, got "maybe"'],
    ['date', '2026-02-30', 'expected a date such as 2026-11-03, got "2026-02-30"'],
    ['date', '11/03/2026', 'expected a date such as 2026-11-03, got "11/03/2026"'],
    ['datetime', 'yesterday', 'expected a date and time such as 2026-11-03T14:30:00Z, got "yesterday"'],
    ['text', { a: 1 }, 'expected text, got an object'],
    ['number', undefined, 'is missing: expected a number'],
    ['number', '', 'is missing: expected a number'],
  ];
  for (const [kind, input, message] of cases) {
    it(`${kind} rejects ${JSON.stringify(input)}`, () => {
      const r = s.decode(s.primitive(kind), input);
      expect(r).toEqual({ ok: false, problems: [{ path: '', message }] });
    });
  }
});

describe('records', () => {
  const attachment = (opts?: object) =>
    s.recordOf('Attachment', [
      { name: 'fileName', schema: s.primitive('string') },
      { name: 'kind', schema: s.enumOf(['instructions', 'warranty', 'invoice', 'other'], { default: 'other' }) },
    ], opts);
  const message = s.recordOf('Message', [
    { name: 'orderId', schema: s.primitive('string'), aliases: ['amazon-order-id'] },
    { name: 'purchaseDate', schema: s.primitive('datetime') },
    { name: 'note', schema: s.primitive('text', { optional: true }) },
    { name: 'count', schema: s.primitive('integer', { default: 0 }) },
    { name: 'attachments', schema: s.listOf(attachment(), { default: [] }) },
  ]);

  it('reads aliases, loose header spellings, defaults and optional fields; ignores extra keys', () => {
    const r = s.decode(message, { 'amazon-order-id': '114-1', 'Purchase Date': '2026-11-03T10:00:00Z', extra: 1 });
    expect(r).toEqual({
      ok: true,
      value: { orderId: '114-1', purchaseDate: Date.parse('2026-11-03T10:00:00Z'), note: null, count: 0, attachments: [] },
    });
  });

  it('treats blank CSV cells of optional and defaulted fields as missing', () => {
    const r = s.decode(message, { orderId: '1', purchaseDate: '2026-11-03', note: '', count: '', attachments: '' });
    expect(r.ok && r.value).toMatchObject({ note: null, count: 0, attachments: [] });
  });

  it('normalises enum spelling and names the path of a bad nested value', () => {
    const ok = s.decode(message, { orderId: '1', purchaseDate: '2026-11-03', attachments: [{ fileName: 'a.pdf', kind: ' Warranty ' }] });
    expect(ok.ok && (ok.value as { attachments: unknown[] }).attachments).toEqual([{ fileName: 'a.pdf', kind: 'warranty' }]);
    const bad = s.decode(message, { orderId: '1', purchaseDate: '2026-11-03', attachments: [{ fileName: 'a.pdf' }, { fileName: 'b.zip', kind: 'zip' }] });
    expect(bad).toEqual({
      ok: false,
      problems: [{ path: 'attachments[1].kind', message: 'expected one of instructions, warranty, invoice, other, got "zip"' }],
    });
  });

  it('reports every missing required field', () => {
    const r = s.decode(message, {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['orderId', 'purchaseDate']);
  });

  it('rejects a non-object record in plain words', () => {
    expect(s.decode(message, [1, 2])).toEqual({ ok: false, problems: [{ path: '', message: 'expected a Message record (an object with named fields), got a list' }] });
  });

  it('reads lists from CSV cells', () => {
    const tags = s.listOf(s.primitive('string'));
    expect(s.decode(tags, 'a; b | c')).toEqual({ ok: true, value: ['a', 'b', 'c'] });
    expect(s.decode(tags, '["x","y"]')).toEqual({ ok: true, value: ['x', 'y'] });
  });
});
