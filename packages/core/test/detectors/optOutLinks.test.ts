import { describe, expect, it } from 'vitest';
import { optOutLinks } from '../../src/runtime/detectors/index.js';

const texts = (s: string) => optOutLinks(s).map((m) => m.text);

describe('optOutLinks: table', () => {
  const rows: Array<[string, string[]]> = [
    ['Unsubscribe: https://lumoshop.co/unsubscribe?id=1', ['https://lumoshop.co/unsubscribe?id=1']],
    ['Manage at https://lumoshop.co/email/optout', ['https://lumoshop.co/email/optout']],
    ['https://x.com/opt-out?u=3', ['https://x.com/opt-out?u=3']],
    ['<a href="https://x.com/u?id=1">Unsubscribe</a>', ['https://x.com/u?id=1']],
    ['<a href="https://x.com/prefs">Click here</a> to unsubscribe.', ['https://x.com/prefs']],
    ['To unsubscribe, visit lumoshop.co/prefs.', ['lumoshop.co/prefs']],
    ['Newsletter abmelden: https://lumoshop.de/nl', ['https://lumoshop.de/nl']],
    ['Se désinscrire : https://lumoshop.fr/p', ['https://lumoshop.fr/p']],
    ['Para darse de baja visite https://lumoshop.es/b', ['https://lumoshop.es/b']],
    ['退订请点击 https://lumoshop.cn/t', ['https://lumoshop.cn/t']],
    ['<a href="https://lumoshop.de/newsletter/abmelden">hier</a>', ['https://lumoshop.de/newsletter/abmelden']],
    ['Click here to unsubscribe.', ['Click here to unsubscribe.']],
    ['Thanks for your order!\nReply STOP to opt out.', ['Reply STOP to opt out.']],
    ['Sie können sich jederzeit abmelden.', ['Sie können sich jederzeit abmelden.']],
    ['Vous pouvez vous désabonner à tout moment.', ['Vous pouvez vous désabonner à tout moment.']],
    ['Puede darse de baja en cualquier momento.', ['Puede darse de baja en cualquier momento.']],
    ['Per disiscriverti rispondi NO.', ['Per disiscriverti rispondi NO.']],
    ['配信停止をご希望の場合はご連絡ください。', ['配信停止をご希望の場合はご連絡ください。']],
    ['If you no longer wish to receive these emails, let us know.', ['If you no longer wish to receive these emails, let us know.']],
    ['Hi. Visit https://lumoshop.co/help. To opt-out reply STOP.', ['To opt-out reply STOP.']],
    // negatives
    ['Visit https://lumoshop.co/help for support', []],
    ['<a href="https://lumoshop.co">our shop</a>', []],
    ['Your order has shipped. Tracking: https://track.dhl.de/x', []],
    ['We subscribe to high quality standards.', []],
    ['Please choose an option out of the list.', []],
    ['Thank you for your order!', []],
    ['', []],
  ];
  it.each(rows)('%j', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });
  it('phrase matches have empty url/host/scheme', () => {
    expect(optOutLinks('Click here to unsubscribe.')[0]).toMatchObject({ url: '', host: '', scheme: '', amazon: false, shortener: false, source: 'text' });
  });
  it('link matches carry link fields', () => {
    expect(optOutLinks('<a href="https://x.com/u">Unsubscribe</a>')[0]).toMatchObject({ url: 'https://x.com/u', host: 'x.com', scheme: 'https', source: 'href' });
  });
});
