import { describe, expect, it } from 'vitest';
import { compilePhrases } from '../../src/runtime/detectors/index.js';

const LIST = [
  'leave a review', 'review*', 'five star', '5-star', '% off', 'free shipping', 'free', 'buy now', 'limited time',
  'positive feedback', 'feedback', '好评', 'レビュー', 'Bewertung*', 'avis', 'c++',
];
const match = compilePhrases(LIST);
const texts = (s: string) => match(s).map((m) => m.text);

describe('compilePhrases: table', () => {
  const rows: Array<[string, string[]]> = [
    ['Please leave a review!', ['leave a review']],
    ['Please LEAVE   A\nREVIEW', ['LEAVE   A\nREVIEW']],
    ['Reviews and reviewed items', ['Reviews', 'reviewed']],
    ['A review helps', ['review']],
    ['Give us five star', ['five star']],
    ['5-star rating', ['5-star']],
    // a hyphen and a space between words are the same gap, both ways
    ['5 star rating', ['5 star']],
    ['5 - star rating', ['5 - star']],
    ['Five-Star please', ['Five-Star']],
    ['five \u2013 star', ['five \u2013 star']],
    ['Limited Time', ['Limited Time']],
    ['5star rating', []],
    ['fivestar', []],
    ['50 % off today', ['% off']],
    ['50% off today', ['% off']],
    ['请给我们five star好评', ['five star', '好评']],
    ['Free shipping on all orders', ['Free shipping']],
    ['Free gifts', ['Free']],
    ['freedom and carefree', []],
    ['BUY NOW', ['BUY NOW']],
    ['buy nowhere', []],
    ['positive feedback please', ['positive feedback']],
    ['feedback', ['feedback']],
    ['feedbacks', []],
    ['请给好评谢谢', ['好评']],
    ['レビューをお願いします', ['レビュー']],
    ['Bitte eine Bewertung abgeben, Bewertungen helfen', ['Bewertung', 'Bewertungen']],
    ['Votre avis compte', ['avis']],
    ['avisé', []],
    ['I love c++ a lot', ['c++']],
    ['<p>Please <b>leave a review</b></p>', ['leave a review']],
    ['<a href="https://x.com/free">link</a>', []],
    ['preview', []],
    ['limited-time offer', ['limited-time']],
    ['free-shipping', ['free-shipping']],
    ['buy-now', ['buy-now']],
    ['-- free --', ['free']],
    ['', []],
  ];
  it.each(rows)('%j', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });
  it('reports the phrase that matched', () => {
    expect(match('Reviews!')[0]).toMatchObject({ text: 'Reviews', phrase: 'review*' });
    expect(match('leave a review')[0]).toMatchObject({ phrase: 'leave a review' });
  });
  it('longest first at a position', () => {
    const m = compilePhrases(['free', 'free shipping'])('free shipping now');
    expect(m.map((x) => x.text)).toEqual(['free shipping']);
  });
  it('a longer phrase that runs into a word gives way to a shorter one at the same position', () => {
    // 'free shipping' fails its right boundary in "free shippingx"; 'free' still matches there.
    const m = compilePhrases(['free shipping', 'free', 'free ship*', 'ship'])('free shippingx and free shipx ship');
    expect(m.map((x) => [x.text, x.phrase])).toEqual([
      ['free shippingx', 'free ship*'],
      ['free shipx', 'free ship*'],
      ['ship', 'ship'],
    ]);
    const n = compilePhrases(['free shipping', 'great deal', 'free', 'deal'])('free shippingx, great dealer deal');
    expect(n.map((x) => [x.text, x.phrase])).toEqual([
      ['free', 'free'],
      ['deal', 'deal'],
    ]);
  });
  it('a phrase glued to the word before it is not found, whatever else may start at the same place', () => {
    // By hand: "ΣΑΣ" follows "review" with no space, so it has no word boundary on its left; the emoji
    // phrase is a candidate at the same place (its first letter is not one the literal scan can fold).
    expect(compilePhrases(['😀 review', 'ΣΑΣ', 'review'])('reviewΣΑΣ ')).toEqual([]);
    expect(compilePhrases(['😀 review', 'ΣΑΣ', 'review'])('review ΣΑΣ 😀 review').map((m) => m.text)).toEqual(['review', 'ΣΑΣ', '😀 review']);
  });
  it('a word that starts with a hyphen may follow the gap after a hyphen', () => {
    // By hand: in "check - -out" the gap before "-out" is " - " and then " ", or " " then "- -out" fails;
    // the phrase is found either way, and "check -outx" is not (no boundary after "out").
    expect(compilePhrases(['check -out'])('check - -out, check -outx').map((m) => m.text)).toEqual(['check - -out']);
  });
  it('empty and odd lists', () => {
    expect(compilePhrases([])('anything')).toEqual([]);
    expect(compilePhrases(['', '   '])('anything')).toEqual([]);
    // Only a trailing `*` after other characters is a wildcard: '*' alone is literal, '.*' is '.' + word chars.
    const odd = compilePhrases(['a(b', '[x]', '\\', '*', '.*'])('a(b [x] \\ * .x ab x');
    expect(odd.map((m) => m.text)).toEqual(['a(b', '[x]', '\\', '*', '.x']);
  });
  it('offsets into original HTML', () => {
    const input = '<p>Free&nbsp;shipping</p>';
    const [m] = match(input);
    expect(m).toMatchObject({ text: 'Free&nbsp;shipping', phrase: 'free shipping' });
    expect(input.slice(m!.start, m!.end)).toBe(m!.text);
  });
});
