import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/runtime/normalize.js';

// Pairs a seller would call "the same": each must normalize to the same text.
const same: Array<[string, string]> = [
  ['Grey', 'gray'],
  ['Space Grey', 'space gray'],
  ['Colour: Silver', 'color: silver'],
  ['Brushed Aluminium', 'brushed aluminum'],
  ['No-Brand', 'no brand'],
  ['no_brand', 'No Brand'],
  ['Black/White', 'black white'],
  ['BCB-3', 'bcb 3'],
  ['300 g', '0.3 kg'],
  ['300g', '0,3 kg'],
  ['1,500 g', '1.5 kilograms'],
  ['1.2 Kilograms', '1200 grams'],
  ['250 mg', '0.25 g'],
  ['1.5 m', '150 cm'],
  ['150 Centimeters', '1500 millimetres'],
  ['30 x 20 cm', '300 x 200 mm'],
  ['30 × 20 centimeters', '0.3 x 0.2 m'],
  ['500 ml', '0.5 l'],
  ['1,5 Liter', '1500 Milliliters'],
  ['33 cl', '330 ml'],
  ['60 W', '0.06 kW'],
  ['5000 mAh', '5000 milliamp hours'],
  ['  Crème   Brûlée ', 'creme brulee'],
  ['Toys & Games', 'toys and games'],
  ['Video, DVD & Blu-ray', 'video dvd and blu ray'],
  ["Children's Product Certificate", 'childrens product certificate'],
  ['Children’s Product Certificate', "children's product certificate"],
];
// Pairs that differ and must stay different.
const different: Array<[string, string]> = [
  ['300 g', '3 kg'],
  ['1.5 m', '15 cm'],
  ['30 x 20 cm', '30 x 25 cm'],
  ['Gray', 'Green'],
  ['1 lb', '1 kg'],
  ['12 in', '12 cm'],
  ['60 W', '60 V'],
  ['BCB-3', 'BCB-4'],
];

describe('normalize: spellings of the same value', () => {
  it.each(same)('%s = %s', (a, b) => {
    expect(normalize(a)).toBe(normalize(b));
  });
  it.each(different)('%s ≠ %s', (a, b) => {
    expect(normalize(a)).not.toBe(normalize(b));
  });
  it('keeps missing values missing', () => {
    expect(normalize(null)).toBeNull();
    expect(normalize(undefined)).toBeNull();
  });
});
