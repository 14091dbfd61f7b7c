import { describe, expect, it } from 'vitest';
import { emails, links, stripHtml } from '../../src/runtime/detectors/index.js';

// Every named reference of the HTML standard is decoded, not only a handful:
// sellers' HTML editors write &commat; &period; &lowbar; and friends.
describe('HTML named entities: the complete table', () => {
  const rows: Array<[string, string]> = [
    ['a&commat;b', 'a@b'],
    ['x&period;y', 'x.y'],
    ['snake&lowbar;case', 'snake_case'],
    ['why&quest;', 'why?'],
    ['one&NewLine;two', 'one\ntwo'],
    ['&colon;&sol;&sol;', '://'],
    ['caf&eacute; &Eacute;t&eacute;', 'café Été'],
    ['&AMP; upper-case legacy form', '& upper-case legacy form'],
    // unknown names and references without the closing semicolon stay as written
    ['&bogus; &notanentity; &ampx;', '&bogus; &notanentity; &ampx;'],
    ['fish &amp chips', 'fish &amp chips'],
  ];
  it.each(rows)('%s', (input, visible) => {
    expect(stripHtml(input).text).toBe(visible);
  });
});

describe('emails and links hidden behind entities', () => {
  it('finds an email written with &commat; and &period;, pointing at the written form', () => {
    const body = 'Write to lumo&period;care&commat;gmail&period;com today';
    const found = emails(body);
    expect(found.map((e) => e.address)).toEqual(['lumo.care@gmail.com']);
    expect(found[0]!.text).toBe('lumo&period;care&commat;gmail&period;com');
  });
  it('finds a link written with &colon; and &sol;', () => {
    const body = '<p>See https&colon;&sol;&sol;lumoshop&period;co&sol;help</p>';
    const hosts = links(body).map((l) => l.host);
    expect(hosts).toEqual(['lumoshop.co']);
  });
});
