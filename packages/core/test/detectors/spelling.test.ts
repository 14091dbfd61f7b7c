import dict from 'dictionary-en';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpeller, spelling, type Speller } from '../../src/runtime/detectors/index.js';

/** Built once for the tables below (building it takes seconds). */
let speller: Speller | null = null;

const words = (s: string, ignore?: string[]) => spelling(s, speller, ignore ? { ignore } : undefined).map((m) => m.text);

describe('spelling without a dictionary', () => {
  it('returns []', () => {
    expect(spelling('Teh packege was recieved', null)).toEqual([]);
  });
});

describe('spelling: table', () => {
  beforeAll(() => {
    speller = createSpeller(dict);
  }, 30000);
  afterAll(() => {
    speller = null;
  });

  const rows: Array<[string, string[]]> = [
    ['We recieved your message.', ['recieved']],
    ['Teh package is on its way.', ['Teh']],
    ['Your packege has shipped.', ['packege']],
    ['We will definately help.', ['definately']],
    ['Thnak you for your order, we apreciate it.', ['Thnak', 'apreciate']],
    ['The seperate parcel arrives tomorow.', ['seperate', 'tomorow']],
    ['<p>Your <b>adress</b> is wrong</p>', ['adress']],
    ['We shiped it on Monday.', ['shiped']],
    // e-commerce vocabulary and writing conventions that must pass
    ['Our e-commerce shop sells online via our website.', []],
    ['Check the ASIN, FBA and SKU in Seller Central.', []],
    ['We sell on eBay and Amazon.', []],
    ['The unboxing video shows the warranty card.', []],
    ['You will get a refund once tracking shows delivery.', []],
    ['It has USB-C and Bluetooth.', []],
    ['Bluetooth headphones are in stock.', []],
    ["We're sorry, we don't know the customer's address.", []],
    ['The customers’ feedback matters to us.', []],
    ['Please email us.', []],
    ['The colour and the organised packaging were cancelled.', []],
    ['Best regards, Lumoshop', []],
    ['Lumoshop ships fast. Thanks from Lumoshop.', []],
    ['Visit https://lumoshop.co/recieved or mail info@lumoshop.co.', []],
    ['See manual.pdf and setup.exe, SKU ABC123x, item_no 3pcs.', []],
    ['Follow @lumoshopp and #bestdeelz', []],
    ['Vielen Dank für Ihre Bestellung. Wir haben das Paket heute versendet.', []],
    ['Bonjour, merci pour votre commande. Nous avons expédié le colis.', []],
    ['Hola, gracias por su pedido. Hemos enviado el paquete hoy.', []],
    ['Grazie per il suo ordine, il pacco è stato spedito oggi.', []],
    ['ご注文ありがとうございます。商品は本日発送しました。', []],
    ['感谢您的订单，我们已经发货。', []],
    ['Hi Anja, ok thx!', []],
    ['Please check the mailroom and your neighbours.', []],
    ['Our jewellery is aluminium-free; we apologise and have learnt a lot.', []],
    ['The item was recieved by the mailrom.', ['recieved', 'mailrom']],
    ['', []],
  ];
  it.each(rows)('%j', (input, expected) => {
    expect(words(input)).toEqual(expected);
  });

  it('offers up to 3 suggestions, best first', () => {
    const [m] = spelling('We recieved it.', speller);
    expect(m).toMatchObject({ text: 'recieved', word: 'recieved' });
    expect(m!.suggestions[0]).toBe('received');
    expect(m!.suggestions.length).toBeLessThanOrEqual(3);
    expect(spelling('definately', speller)[0]!.suggestions).toEqual(['definitely']);
  });

  it('honours opts.ignore (case-insensitive)', () => {
    expect(words('We recieved it.', ['Recieved'])).toEqual([]);
  });

  it('checks hyphenated words per part', () => {
    expect(words('A well-packeged item.')).toEqual(['packeged']);
  });

  it('maps offsets into the original HTML', () => {
    const input = '<div>We&nbsp;recieved it</div>';
    const [m] = spelling(input, speller);
    expect(input.slice(m!.start, m!.end)).toBe('recieved');
  });
});
