/**
 * The email detector at its edges: the 64-character limit of the part before
 * the "@" (RFC 5321), the number of domain labels, every well-known TLD
 * accepted after a spelled-out dot, the "at" words of each marketplace
 * language, and the places reported for links in HTML. Expected matches are
 * written by hand from those rules.
 */
import { describe, expect, it } from 'vitest';
import { emails } from '../../src/runtime/detectors/index.js';

const texts = (s: string) => emails(s).map((m) => m.text);
const addresses = (s: string) => emails(s).map((m) => m.address);

describe('the part before the @', () => {
  it('may be 64 characters long, not 65', () => {
    const local64 = 'a'.repeat(64);
    expect(texts(`write to ${local64}@example.com`)).toEqual([`${local64}@example.com`]);
    expect(texts(`write to a${local64}@example.com`)).toEqual([]);
    expect(texts(`${'b'.repeat(63)}@example.com`)).toEqual([`${'b'.repeat(63)}@example.com`]);
  });

  it('is not taken from inside a path, a handle or another address', () => {
    expect(texts('files/joe@example.com')).toEqual([]);
    expect(texts('C:\\joe@example.com')).toEqual([]);
    expect(texts('x@joe@example.com')).toEqual([]);
    expect(texts('x＠joe@example.com')).toEqual([]);
  });

  it('loses leading dots, hyphens and plus signs, and must not end with a dot or hold two in a row', () => {
    expect(texts('.joe@example.com')).toEqual(['joe@example.com']);
    expect(texts('-joe@example.com')).toEqual(['joe@example.com']);
    expect(texts('+joe@example.com')).toEqual(['joe@example.com']);
    expect(texts('joe.@example.com')).toEqual([]);
    expect(texts('jo..e@example.com')).toEqual([]);
    expect(texts('_@example.com')).toEqual([]);
    expect(texts('@example.com')).toEqual([]);
  });

  it('is extended leftwards over spelled-out dots only for a disguised at, by at most three more parts', () => {
    expect(texts('john [dot] doe@gmail.com')).toEqual(['doe@gmail.com']);
    expect(texts('john [dot] doe [at] gmail [dot] com')).toEqual(['john [dot] doe [at] gmail [dot] com']);
    expect(addresses('a [dot] b [dot] c [dot] d [dot] e [at] gmail [dot] com')).toEqual(['b.c.d.e@gmail.com']);
    expect(texts('john [dot] doe＠gmail.com')).toEqual(['doe＠gmail.com']);
    expect(addresses('john [DOT] doe [at] gmail [dot] com')).toEqual(['john.doe@gmail.com']);
  });
});

describe('the domain', () => {
  it('has at most ten labels', () => {
    const labels = (n: number) => Array.from({ length: n }, (_, i) => `x${i + 1}`).join('.');
    expect(addresses(`a@${labels(9)}.com`)).toEqual([`a@${labels(9)}.com`]);
    expect(addresses(`a@${labels(10)}.com`)).toEqual([]);
  });

  it('starts with a letter or digit right after the at', () => {
    expect(texts('jo@.com')).toEqual([]);
    expect(texts('jo@-x.com')).toEqual([]);
  });

  it('stops before a TLD it cannot take, judging only the dots it keeps', () => {
    expect(addresses('name@shop.xyz [dot] zzq')).toEqual(['name@shop.xyz']);
    expect(addresses('name@shop [dot] co.xyz')).toEqual(['name@shop.co']);
    expect(addresses('name at shop dot co.uk')).toEqual(['name@shop.co']);
  });

  it('is not followed by another @', () => {
    expect(texts('a@b.com@c')).toEqual([]);
    expect(texts('a@b.com＠c')).toEqual([]);
  });

  it('takes any real TLD after plain dots, but only well-known ones after disguised dots', () => {
    expect(addresses('name@shop.xyz')).toEqual(['name@shop.xyz']);
    expect(addresses('name@shop [dot] xyz')).toEqual([]);
    expect(addresses('name@shop [dot] com')).toEqual(['name@shop.com']);
  });

  it('accepts a disguised TLD in one case only', () => {
    expect(addresses('name at gmail dot COM')).toEqual(['name@gmail.com']);
    expect(addresses('name at gmail dot Com')).toEqual([]);
  });

  it('needs spelled-out dots after a spelled-out at, in every language', () => {
    expect(addresses('name at gmail [dot] com')).toEqual(['name@gmail.com']);
    expect(addresses('name at gmail . com')).toEqual([]);
    expect(addresses('nombre arroba correo.es')).toEqual([]);
    expect(addresses('nome chiocciola posta.it')).toEqual([]);
    expect(addresses('nom arobase mail.fr')).toEqual([]);
  });

  const known = ['com', 'net', 'org', 'edu', 'gov', 'info', 'biz', 'io', 'co', 'uk', 'de', 'fr', 'es', 'it', 'nl', 'be', 'at', 'ch',
    'pl', 'se', 'dk', 'no', 'fi', 'ie', 'pt', 'jp', 'cn', 'ca', 'au', 'nz', 'mx', 'br', 'in', 'ru', 'eu', 'us', 'me',
    'hk', 'tw', 'sg', 'kr', 'ar', 'cl', 'za', 'tr', 'ae', 'sa', 'cz', 'gr', 'hu', 'ro'];
  it.each(known)('knows .%s after a disguised dot', (tld) => {
    expect(addresses(`name [at] shop [dot] ${tld}`)).toEqual([`name@shop.${tld}`]);
  });
});

describe('at words of the marketplace languages', () => {
  it.each([
    ['nombre arroba correo punto es', 'nombre@correo.es'],
    ['nome chiocciola posta punto it', 'nome@posta.it'],
    ['nom arobase mail point fr', 'nom@mail.fr'],
    ['name (@) web (punkt) de', 'name@web.de'],
    ['name [klammeraffe] web [punkt] de', 'name@web.de'],
  ])('%s', (text, address) => {
    expect(addresses(text)).toEqual([address]);
    expect(emails(text)[0]?.obfuscated).toBe(true);
  });
});

describe('places in HTML', () => {
  it('points at the address inside a mailto link, and at a visible address', () => {
    const html = '<p>Mail <b>jo@shop.de</b></p><a href="mailto:info@lumoshop.co">us</a>';
    const found = emails(html).map((m) => [m.text, m.start, m.end]);
    const visible = html.indexOf('jo@shop.de');
    const linked = html.indexOf('info@lumoshop.co');
    expect(found).toEqual([
      ['jo@shop.de', visible, visible + 'jo@shop.de'.length],
      ['info@lumoshop.co', linked, linked + 'info@lumoshop.co'.length],
    ]);
  });

  it('finds an address written as plain text once', () => {
    expect(texts('mailto:info@lumoshop.co')).toEqual(['info@lumoshop.co']);
  });

  it('marks a plain at with disguised dots as disguised, counting only the dots of the address', () => {
    expect(emails('a@b [dot] com')[0]?.obfuscated).toBe(true);
    expect(emails('a@b [dot] c.com')[0]?.obfuscated).toBe(true);
    expect(emails('a@b.com')[0]?.obfuscated).toBe(false);
    expect(emails('a@b.com [dot] zzq')[0]?.obfuscated).toBe(false);
  });

  it('points at an address after a space inside a mailto link', () => {
    const html = '<a href="mailto: info@lumoshop.co">us</a>';
    const at = html.indexOf('info@lumoshop.co');
    expect(emails(html).map((m) => [m.text, m.start, m.end])).toEqual([['info@lumoshop.co', at, at + 'info@lumoshop.co'.length]]);
  });
});
