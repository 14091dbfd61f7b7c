import { describe, expect, it } from 'vitest';
import { emails } from '../../src/runtime/detectors/index.js';

describe('emails: table', () => {
  // [input, expected matched texts, expected normalised addresses]
  const rows: Array<[string, string[], string[]]> = [
    ['Write to support@lumoshop.co please', ['support@lumoshop.co'], ['support@lumoshop.co']],
    ['JOHN.DOE@GMAIL.COM', ['JOHN.DOE@GMAIL.COM'], ['john.doe@gmail.com']],
    ['plus: anna+orders@web.de.', ['anna+orders@web.de'], ['anna+orders@web.de']],
    ['sub: a.b@mail.shop.example.co.uk', ['a.b@mail.shop.example.co.uk'], ['a.b@mail.shop.example.co.uk']],
    ['<a href="mailto:info@lumoshop.co?subject=Hi">write us</a>', ['info@lumoshop.co'], ['info@lumoshop.co']],
    ['name [at] gmail [dot] com', ['name [at] gmail [dot] com'], ['name@gmail.com']],
    ['name(at)gmail(dot)com', ['name(at)gmail(dot)com'], ['name@gmail.com']],
    ['mail: name at gmail dot com', ['name at gmail dot com'], ['name@gmail.com']],
    ['name@gmail .com', ['name@gmail .com'], ['name@gmail.com']],
    ['name＠gmail.com', ['name＠gmail.com'], ['name@gmail.com']],
    ['name [ät] web [punkt] de', ['name [ät] web [punkt] de'], ['name@web.de']],
    ['name {at} yahoo {dot} fr', ['name {at} yahoo {dot} fr'], ['name@yahoo.fr']],
    ['name@gmail dot com', ['name@gmail dot com'], ['name@gmail.com']],
    ['reach me at john dot doe at gmail dot com', ['john dot doe at gmail dot com'], ['john.doe@gmail.com']],
    ['邮箱: wang@qq.com 谢谢', ['wang@qq.com'], ['wang@qq.com']],
    ['Email:john@x.de', ['john@x.de'], ['john@x.de']],
    ['(anna@lumoshop.co)', ['anna@lumoshop.co'], ['anna@lumoshop.co']],
    ['a@x.com, b@y.org', ['a@x.com', 'b@y.org'], ['a@x.com', 'b@y.org']],
    ['john@gmail.com.Thanks for writing', ['john@gmail.com'], ['john@gmail.com']],
    // negatives
    ['Follow @lumoshop on Instagram', [], []],
    ['5 @ 10 dollars each', [], []],
    ['See you at 5pm', [], []],
    ['Please look at the box', [], []],
    ['name at gmail dot foo', [], []],
    ['Write john@example. Love you', [], []],
    ['user@localhost', [], []],
    ['price x@1.50', [], []],
    ['name at gmail.com', [], []],
    ['@@double@@', [], []],
    ['', [], []],
  ];
  it.each(rows)('%j', (input, expectedTexts, expectedAddresses) => {
    const found = emails(input);
    expect(found.map((m) => m.text)).toEqual(expectedTexts);
    expect(found.map((m) => m.address)).toEqual(expectedAddresses);
  });
});

describe('emails: obfuscated flag', () => {
  it.each([
    ['a@b.com', false],
    ['A@B.COM', false],
    ['a [at] b [dot] com', true],
    ['a＠b.com', true],
    ['a@b .com', true],
    ['a at b dot com', true],
  ] as const)('%s -> %s', (input, flag) => {
    expect(emails(input)[0]?.obfuscated).toBe(flag);
  });
});
