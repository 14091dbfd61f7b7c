import { describe, expect, it } from 'vitest';
import { phones } from '../../src/runtime/detectors/index.js';

describe('phones: positives', () => {
  // [input, matched text, E.164, country]
  const rows: Array<[string, string, string, string | undefined]> = [
    ['Call (555) 123-4567 today', '(555) 123-4567', '+15551234567', 'US'],
    ['555-123-4567', '555-123-4567', '+15551234567', 'US'],
    ['+1 555 123 4567', '+1 555 123 4567', '+15551234567', undefined],
    ['Call me: 1-800-555-0199.', '1-800-555-0199', '+18005550199', 'US'],
    ['+1 (212) 555-0199', '+1 (212) 555-0199', '+12125550199', 'US'],
    ['UK office +44 20 7946 0958', '+44 20 7946 0958', '+442079460958', 'GB'],
    ['020 7946 0958', '020 7946 0958', '+442079460958', 'GB'],
    ['mobile 07700 900123', '07700 900123', '+447700900123', 'GB'],
    ['+44 (0)20 7946 0958', '+44 (0)20 7946 0958', '+442079460958', 'GB'],
    ['Tel +49 30 123456789', '+49 30 123456789', '+4930123456789', 'DE'],
    ['030 12345678', '030 12345678', '+493012345678', 'DE'],
    ['Handy: 0151 23456789', '0151 23456789', '+4915123456789', 'DE'],
    ['+49 (0)30 1234567', '+49 (0)30 1234567', '+49301234567', 'DE'],
    ['Tel.: 030/12345678', '030/12345678', '+493012345678', 'DE'],
    ['(+49) 30 1234567', '(+49) 30 1234567', '+49301234567', 'DE'],
    ['0049 30 123456789', '0049 30 123456789', '+4930123456789', 'DE'],
    ['电话 +86 138 0013 8000', '+86 138 0013 8000', '+8613800138000', 'CN'],
    ['手机13800138000', '13800138000', '+8613800138000', 'CN'],
    ['010-12345678', '010-12345678', '+861012345678', 'CN'],
    ['Tél : +33 1 23 45 67 89', '+33 1 23 45 67 89', '+33123456789', 'FR'],
    ['Appelez le 06 12 34 56 78', '06 12 34 56 78', '+33612345678', 'FR'],
    ['03-1234-5678までお電話ください', '03-1234-5678', '+81312345678', 'JP'],
    ['call 5551234567', '5551234567', '+15551234567', 'US'],
    ['<p>Phone: <b>+49 30 123456789</b></p>', '+49 30 123456789', '+4930123456789', 'DE'],
    ['WhatsApp +34 612 34 56 78', '+34 612 34 56 78', '+34612345678', 'ES'],
  ];
  it.each(rows)('%j', (input, text, number, country) => {
    const found = phones(input);
    expect(found.map((m) => m.text)).toEqual([text]);
    expect(found[0]!.number).toBe(number);
    expect(found[0]!.country).toBe(country);
  });
});

describe('phones: negatives', () => {
  const rows: string[] = [
    'Order 112-1234567-1234567 has shipped',
    'Bestellnummer 302-1234567-1234567 vom 03.11.2026',
    'parts 1234567-1234567',
    'ASIN B07XYZ1234',
    'Delivered on 2026-11-03',
    'Lieferung am 03.11.2026',
    'Shipped 11/03/2026 at 12:30',
    'Total $1,234.56',
    'Summe 1.234,56 €',
    'Preis: 1 299,00 EUR',
    '2 x 500 ml',
    'UPS 1Z999AA10123456784',
    'Amazon Logistics TBA123456789000',
    'SKU-12345-XL',
    'Model RX-7800',
    'Invoice INV-2026-000123',
    '10115 Berlin',
    'in 2025 and 2026',
    '50% off until 2027',
    'Artikel 4012345678',
    'EAN 4006381333931',
    'ISBN 978-3-16-148410-0',
    'Order #: 555-123-4567',
    'DHL 00340434161094042557',
    'USPS 9400 1000 0000 0000 0000 00',
    'reference 12345678',
    'tracking 1234 5678 9012',
    'Version 10.2.3.4567',
    'Size 120x80x45 cm, 3500 mAh',
    'IBAN DE89 3704 0044 0532 0130 00',
    'Card 4111 1111 1111 1111',
    'ZIP 90210-1234',
    'Lieferzeit 2-3 Werktage, 9-17 Uhr',
    '',
  ];
  it.each(rows)('%j', (input) => {
    expect(phones(input).map((m) => m.text)).toEqual([]);
  });
});

describe('phones: tel: links', () => {
  it('reports the number inside a tel: href', () => {
    const input = '<a href="tel:+4930123456789">Call us</a>';
    const [m] = phones(input);
    expect(m).toMatchObject({ text: '+4930123456789', number: '+4930123456789', country: 'DE' });
    expect(input.slice(m!.start, m!.end)).toBe('+4930123456789');
  });
  it('tel: href and the visible number are two matches', () => {
    expect(phones('<a href="tel:+442079460958">+44 20 7946 0958</a>').map((m) => m.text)).toEqual(['+442079460958', '+44 20 7946 0958']);
  });
});

describe('phones: several in one text', () => {
  it('keeps order and spans', () => {
    const input = 'Tel. 030 12345678, Fax 030 87654321 / UK: +44 20 7946 0958';
    const found = phones(input);
    expect(found.map((m) => m.text)).toEqual(['030 12345678', '030 87654321', '+44 20 7946 0958']);
    for (const m of found) expect(input.slice(m.start, m.end)).toBe(m.text);
  });
});
