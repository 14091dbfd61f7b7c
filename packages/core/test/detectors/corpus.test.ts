/**
 * Precision corpus: ordinary, compliant seller messages in the languages Sellguard supports. None of them
 * contains a link, email address, phone number, emoji, image or opt-out wording, so every one of those
 * detectors must return nothing; each contains exactly the order ids listed. A false alarm here is the
 * failure mode that makes sellers stop trusting the tool.
 */
import dict from 'dictionary-en';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpeller, emails, emoji, images, links, optOutLinks, orderIds, phones, spelling, type Speller } from '../../src/runtime/detectors/index.js';

const CORPUS: Array<{ lang: string; text: string; orderIds: string[] }> = [
  {
    lang: 'en',
    text: 'Hello Sarah,\n\nThank you for your order 112-1234567-1234567. Your package (2 x 500 ml, approx. 1.2 kg) shipped on 11/03/2026 via UPS, tracking number 1Z999AA10123456784. It should arrive by Friday.\n\nBest regards,\nLumoshop Customer Service',
    orderIds: ['112-1234567-1234567'],
  },
  {
    lang: 'en',
    text: 'Hi Tom, regarding order 302-9876543-2109876: the refund of $1,234.56 was issued today. Please allow 3-5 business days. SKU-12345-XL is back in stock.',
    orderIds: ['302-9876543-2109876'],
  },
  {
    lang: 'en',
    text: 'Dear customer, the manual for model RX-7800 (firmware v2.5.1) is in the box, e.g. as manual.pdf on the USB stick. Invoice INV-2026-000123 is attached. Order 111-2223334-4445556.',
    orderIds: ['111-2223334-4445556'],
  },
  {
    lang: 'en',
    text: 'Your item arrived.Thanks for your patience! We are sorry for the delay with order 113-0000000-1111111; the carrier (Amazon Logistics, TBA123456789000) had a backlog. 100% satisfaction is our goal.',
    orderIds: ['113-0000000-1111111'],
  },
  {
    lang: 'en',
    text: 'Hello, for order 114-5555555-6666666 we need your choice: size 10.5 or 11? The price difference is 19.99 USD. Made in the U.S.A. Reply here in Buyer-Seller Messaging, i.e. this thread.',
    orderIds: ['114-5555555-6666666'],
  },
  {
    lang: 'en',
    text: '<p>Dear Mr. Smith,</p><p>Thank you for order <b>115-1212121-3434343</b>. The replacement (ASIN B07XYZ1234) ships on 2026-11-03 at 10:30.</p><p>Kind regards,<br>Lumoshop</p>',
    orderIds: ['115-1212121-3434343'],
  },
  {
    lang: 'en',
    text: 'Order 116-7777777-8888888: dimensions 120x80x45 cm, battery 3500 mAh, 5V/2A, 65W. Setup takes 5-10 min. Read setup.exe instructions only on Windows 10/11.',
    orderIds: ['116-7777777-8888888'],
  },
  {
    lang: 'en',
    text: "We're sorry the customer's parcel was damaged. We've issued a replacement for order 117-1111111-2222222 and don't need the item back. Thanks again!",
    orderIds: ['117-1111111-2222222'],
  },
  {
    lang: 'de',
    text: 'Sehr geehrte Frau Müller,\n\nvielen Dank für Ihre Bestellung 302-1234567-1234567 vom 03.11.2026. Der Artikel (Art.-Nr. 4012345678) wurde heute mit DHL versendet, Sendungsnummer 00340434161094042557. Betrag: 1.234,56 €.\n\nMit freundlichen Grüßen\nIhr Lumoshop-Team',
    orderIds: ['302-1234567-1234567'],
  },
  {
    lang: 'de',
    text: 'Hallo Herr Schmidt, zu Bestellung 303-7654321-7654321: Das Paket geht an 10115 Berlin, Invalidenstr. 12. Lieferung ca. 2-3 Werktage, z.B. bis Mittwoch, 14:00 Uhr.',
    orderIds: ['303-7654321-7654321'],
  },
  {
    lang: 'de',
    text: 'Guten Tag, leider ist Größe 42 ausverkauft. Wir erstatten 49,90 EUR für Bestellung 304-1111111-9999999. Rechnung Nr. 2026-000123 folgt.',
    orderIds: ['304-1111111-9999999'],
  },
  {
    lang: 'fr',
    text: 'Bonjour Madame Martin,\n\nMerci pour votre commande 405-1234567-7654321 du 03/11/2026. Le colis (2,5 kg) a été expédié par Colissimo, numéro de suivi 6A12345678901. Montant : 59,90 €.\n\nCordialement,\nLumoshop',
    orderIds: ['405-1234567-7654321'],
  },
  {
    lang: 'fr',
    text: "Bonjour, concernant la commande 406-2222222-3333333 : le modèle XR-2000 est compatible, cf. la notice p. 12. Livraison prévue le 12.11.2026 entre 8h et 13h.",
    orderIds: ['406-2222222-3333333'],
  },
  {
    lang: 'es',
    text: 'Hola Sr. García,\n\nGracias por su pedido 407-1234567-1234567. El paquete salió el 03/11/2026 con SEUR, número de seguimiento 1234 5678 9012. Importe: 1.299,00 €.\n\nSaludos cordiales,\nLumoshop',
    orderIds: ['407-1234567-1234567'],
  },
  {
    lang: 'it',
    text: "Gentile cliente,\n\ngrazie per l'ordine 408-7654321-1234567 del 03.11.2026. Il pacco (cod. art. 12345) è stato spedito con BRT e arriverà entro 2-3 giorni lavorativi. Totale: 89,90 €.\n\nCordiali saluti,\nLumoshop",
    orderIds: ['408-7654321-1234567'],
  },
  {
    lang: 'ja',
    text: '山田様\n\nこの度はご注文（注文番号：250-1234567-1234567）いただき、誠にありがとうございます。商品は2026年11月3日に発送いたしました。お届けまで2〜3日程度かかります。\n\nLumoshop カスタマーサービス',
    orderIds: ['250-1234567-1234567'],
  },
  {
    lang: 'ja',
    text: 'ご注文番号 251-7654321-7654321 の商品について、サイズはMサイズ（約30cm×20cm）です。価格は¥3,980（税込）です。',
    orderIds: ['251-7654321-7654321'],
  },
  {
    lang: 'zh',
    text: '尊敬的客户您好：\n\n感谢您的订单（订单号：112-7654321-1234567）。您的包裹已于2026年11月3日发出，预计3-5个工作日送达。金额：¥199.00。\n\n祝好，\nLumoshop',
    orderIds: ['112-7654321-1234567'],
  },
  {
    lang: 'zh',
    text: '您好，订单 113-1234567-7654321 的商品型号为 RX-7800，尺寸 120x80 厘米，重量约 1.5 公斤。如有问题请在此回复。',
    orderIds: ['113-1234567-7654321'],
  },
  {
    lang: 'en',
    text: 'Hi Anna,\n\nFollowing up on order 118-3333333-4444444: the item is a 2-pack (2 x 250 g) of Brand™ coffee®, © 2026. Please check section 3.2 of the leaflet. Best, Jo',
    orderIds: ['118-3333333-4444444'],
  },
  {
    lang: 'en',
    text: 'Order 119-5555555-0000000 update: Qty 3, unit price 12.50, subtotal 37.50, VAT 19% included. Batch 2026/11/03-A. Expected delivery: Nov 3-5.',
    orderIds: ['119-5555555-0000000'],
  },
  {
    lang: 'en',
    text: '<div><p>Hello,</p><p>Your order <strong>120-1234567-9876543</strong> has been dispatched.</p><table><tr><td>Item</td><td>Qty</td></tr><tr><td>Desk lamp LX-200</td><td>1</td></tr></table><p>Thanks, Lumoshop</p></div>',
    orderIds: ['120-1234567-9876543'],
  },
  {
    lang: 'de',
    text: 'Hallo, die Ersatzteile (Teil-Nr. 55-1234-0) für Ihre Bestellung 305-5555555-5555555 sind unterwegs. Bitte beachten Sie Abschnitt 4.1.2 der Anleitung.',
    orderIds: ['305-5555555-5555555'],
  },
  {
    lang: 'en',
    text: 'Hi, I noticed order 121-2468024-6802468 was delivered on 03.11.2026. If anything is wrong, reply to this message. Note: we ship Mon.-Fri. only.',
    orderIds: ['121-2468024-6802468'],
  },
  {
    lang: 'en',
    text: 'Hello! Order 122-1357913-5791357: the colour you chose (grey) is available. We have organised express shipping at no extra cost. Cheers, Lumoshop',
    orderIds: ['122-1357913-5791357'],
  },
];

describe('precision corpus: compliant messages produce no findings', () => {
  let speller: Speller | null = null;
  beforeAll(() => {
    speller = createSpeller(dict);
  }, 30000);
  afterAll(() => {
    speller = null;
  });

  it.each(CORPUS.map((c, i) => [`${i}:${c.lang}`, c] as const))('%s', (_label, c) => {
    expect(links(c.text).map((m) => m.text)).toEqual([]);
    expect(emails(c.text).map((m) => m.text)).toEqual([]);
    expect(phones(c.text).map((m) => m.text)).toEqual([]);
    expect(emoji(c.text).map((m) => m.text)).toEqual([]);
    expect(images(c.text).map((m) => m.text)).toEqual([]);
    expect(optOutLinks(c.text).map((m) => m.text)).toEqual([]);
    expect(orderIds(c.text).map((m) => m.text)).toEqual(c.orderIds);
    expect(spelling(c.text, speller).map((m) => m.text)).toEqual([]);
  });
});
