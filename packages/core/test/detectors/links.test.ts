import { describe, expect, it } from 'vitest';
import { isAmazonHost, links } from '../../src/runtime/detectors/index.js';

const texts = (s: string) => links(s).map((m) => m.text);

describe('links: table', () => {
  const rows: Array<[string, string[]]> = [
    // positives
    // a scheme glued to the word before it (a space lost when a template was pasted)
    ['visit our shophttps://lumoshop.co/deals today', ['https://lumoshop.co/deals']],
    ['Details:http://lumoshop.co', ['http://lumoshop.co']],
    ['点击这里https://lumoshop.co/cn', ['https://lumoshop.co/cn']],
    ['HEREHTTPS://LUMOSHOP.CO/X', ['HTTPS://LUMOSHOP.CO/X']],
    ['Support: https://lumoshop.co/support', ['https://lumoshop.co/support']],
    ['Visit lumoshop.co/support for help', ['lumoshop.co/support']],
    ['See www.example.de.', ['www.example.de']],
    ['Short: bit.ly/3xYz', ['bit.ly/3xYz']],
    ['Your order: http://amazon.com/gp/your-account/order-details?orderID=1', ['http://amazon.com/gp/your-account/order-details?orderID=1']],
    ['<a href="https://x.com">here</a>', ['https://x.com']],
    ["<img src='http://cdn.lumoshop.co/logo.png'>", ['http://cdn.lumoshop.co/logo.png']],
    ['(see https://example.com/a_(b))', ['https://example.com/a_(b)']],
    ['Go to https://lumoshop.co, then log in.', ['https://lumoshop.co']],
    ['Shop at lumoshop.com today', ['lumoshop.com']],
    ['Our store: LUMOSHOP.DE', ['LUMOSHOP.DE']],
    ['Review us on amazon.co.uk!', ['amazon.co.uk']],
    ['请访问lumoshop.co谢谢', ['lumoshop.co']],
    ['詳細はhttps://lumoshop.jp/faq。', ['https://lumoshop.jp/faq']],
    ['Two: https://a.com/x?y=1&z=2 and ftp://files.lumoshop.co/manual', ['https://a.com/x?y=1&z=2', 'ftp://files.lumoshop.co/manual']],
    ['<a href="https://lumoshop.co/help">https://lumoshop.co/help</a>', ['https://lumoshop.co/help', 'https://lumoshop.co/help']],
    ['amzn.to/3abc and a.co/d/xyz', ['amzn.to/3abc', 'a.co/d/xyz']],
    ['Link:https://x.com/a,b (https://y.com).', ['https://x.com/a,b', 'https://y.com']],
    ['readme at lumoshop.md/readme', ['lumoshop.md/readme']],
    ['<p>Go to lumoshop.co&#47;x</p>', ['lumoshop.co&#47;x']],
    // negatives
    ['e.g. this, i.e. that', []],
    ['Dear Mr.Smith, thanks', []],
    ['Firmware v2.5.1 is out', []],
    ['Please read manual.pdf and run setup.exe', []],
    ['Price 19.99 USD', []],
    ['Order 112-1234567-1234567 shipped', []],
    ['Made in the U.S.A. since 1990', []],
    ['It arrived.Thanks a lot', []],
    ['Great item.Best regards', []],
    ['See readme.md and photos.zip', []],
    ['Email me at john@gmail.com', []],
    ['Write to name(at)gmail.com or name [at] web [dot] de', []],
    ['hello.world is a classic', []],
    ['It works.great product, love it.shop again', []],
    ['Lieferung ca.3 Tage, z.B.Montag, bzw.Dienstag, St.Louis, Nr.5', []],
    ['Files: IMG_2034.JPG, invoice.docx, data.csv, setup.msi, video.mp4', []],
    ['<a href="mailto:info@lumoshop.co">mail</a> <a href="#top">top</a> <a href="/help">help</a>', []],
    ['<img src="cid:logo123"> <img src="data:image/png;base64,AAAA">', []],
    ['Total: 1.234,56 € incl. VAT', []],
    ['Version 10.0.19045.2965', []],
    ['', []],
  ];
  it.each(rows)('%j', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });
});

describe('links: fields', () => {
  it('scheme link', () => {
    const [m] = links('Go https://Sellercentral.Amazon.de/x now');
    expect(m).toMatchObject({ text: 'https://Sellercentral.Amazon.de/x', url: 'https://Sellercentral.Amazon.de/x', host: 'sellercentral.amazon.de', scheme: 'https', amazon: true, shortener: false, source: 'text' });
  });
  it('scheme-less link gets http:// in url and scheme ""', () => {
    const [m] = links('visit www.lumoshop.co/a');
    expect(m).toMatchObject({ text: 'www.lumoshop.co/a', url: 'http://www.lumoshop.co/a', host: 'lumoshop.co', scheme: '', amazon: false, source: 'text' });
  });
  it('href value span and source', () => {
    const input = '<a href=" https://x.com/p ">here</a>';
    const [m] = links(input);
    expect(m).toMatchObject({ text: 'https://x.com/p', host: 'x.com', scheme: 'https', source: 'href' });
    expect(input.slice(m!.start, m!.end)).toBe('https://x.com/p');
  });
  it('src source', () => {
    expect(links('<img src="//cdn.x.com/a.png">')[0]).toMatchObject({ text: '//cdn.x.com/a.png', url: 'http://cdn.x.com/a.png', scheme: '', source: 'src' });
  });
  it('other scheme', () => {
    expect(links('ftp://files.x.com/a')[0]).toMatchObject({ scheme: 'other', host: 'files.x.com' });
  });
  it('shorteners', () => {
    const hosts = links('bit.ly/a tinyurl.com/b t.co/c goo.gl/d ow.ly/e is.gd/f buff.ly/g rebrand.ly/h cutt.ly/i shorturl.at/j tiny.cc/k s.id/l rb.gy/m');
    expect(hosts).toHaveLength(13);
    expect(hosts.every((h) => h.shortener && !h.amazon)).toBe(true);
    const amz = links('amzn.to/x amzn.eu/d/y a.co/d/z');
    expect(amz.map((h) => [h.amazon, h.shortener])).toEqual([[true, true], [true, true], [true, true]]);
  });
  it('entity-decoded url for text links', () => {
    const [m] = links('<p>https://x.com/?a=1&amp;b=2</p>');
    expect(m).toMatchObject({ text: 'https://x.com/?a=1&amp;b=2', url: 'https://x.com/?a=1&b=2' });
  });
});

describe('isAmazonHost', () => {
  const yes = ['amazon.com', 'www.amazon.co.uk', 'amazon.de', 'amazon.fr', 'amazon.it', 'amazon.es', 'amazon.co.jp', 'amazon.ca',
    'amazon.com.mx', 'amazon.com.au', 'amazon.in', 'amazon.nl', 'amazon.se', 'amazon.pl', 'amazon.com.tr', 'amazon.ae', 'amazon.sa',
    'amazon.sg', 'amazon.com.be', 'amazon.eg', 'amazon.com.br', 'sellercentral.amazon.de', 'smile.amazon.com', 'AMAZON.COM',
    'amzn.to', 'amzn.eu', 'a.co'];
  const no = ['amazon.com.evil.io', 'myamazon.com', 'amazon-deals.com', 'amazonaws.com', 'evil.com', '', 'amazon', 'co', 'aa.co'];
  it.each(yes)('%s is Amazon', (h) => expect(isAmazonHost(h)).toBe(true));
  it.each(no)('%j is not Amazon', (h) => expect(isAmazonHost(h)).toBe(false));
});
