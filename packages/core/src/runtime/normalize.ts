/**
 * `normalize(s)`: text folded so that two human-entered spellings of the same
 * value compare equal. Sellers type the same thing many ways: "Grey" and
 * "gray", "No-Brand" and "no brand", "300 g" and "0.3 kg", "30 x 20 cm" and
 * "300 x 200 mm". The result is only for comparing, never shown.
 */

/** Words written differently in British and American English, folded to one form. */
const SPELLING_VARIANTS: ReadonlyMap<string, string> = new Map([
  ['grey', 'gray'], ['greys', 'grays'], ['colour', 'color'], ['colours', 'colors'], ['coloured', 'colored'],
  ['aluminium', 'aluminum'], ['jewellery', 'jewelry'], ['fibre', 'fiber'], ['fibres', 'fibers'],
  ['tyre', 'tire'], ['tyres', 'tires'], ['mould', 'mold'], ['moulded', 'molded'], ['catalogue', 'catalog'],
  ['centre', 'center'], ['favourite', 'favorite'], ['organiser', 'organizer'], ['organisers', 'organizers'],
  ['storey', 'story'], ['programme', 'program'], ['licence', 'license'],
]);

/** Unit spellings → one symbol. Longest forms first so "millimetres" is not read as "m". */
const UNIT_WORDS: Array<[RegExp, string]> = [
  [/\b(kilomet(er|re)s?|kms?)\b/g, 'km'],
  [/\b(centimet(er|re)s?|cms?)\b/g, 'cm'],
  [/\b(millimet(er|re)s?|mms?)\b/g, 'mm'],
  [/\b(met(er|re)s?)\b/g, 'm'],
  [/\b(inch(es)?|in\.|")/g, 'in'],
  [/\b(milligrams?|mgs?)\b/g, 'mg'],
  [/\b(kilograms?|kgs?|kilos?)\b/g, 'kg'],
  [/\b(grams?|grammes?|gr|gms?)\b/g, 'g'],
  [/\b(pounds?|lbs?)\b/g, 'lb'],
  [/\b(ounces?|oz)\b/g, 'oz'],
  [/\b(millilit(er|re)s?|mls?)\b/g, 'ml'],
  [/\b(centilit(er|re)s?|cls?)\b/g, 'cl'],
  [/\b(lit(er|re)s?|l)\b/g, 'l'],
  [/\b(kilowatts?|kw)\b/g, 'kw'],
  [/\b(watts?|w)\b/g, 'w'],
  [/\b(volts?|v)\b/g, 'v'],
  [/\b(milliamp[- ]?hours?|mah)\b/g, 'mah'],
  [/\b(hertz|hz)\b/g, 'hz'],
];

/** Metric units and their factor to the base unit they are compared in (mm, g, ml, w). */
const METRIC: Readonly<Record<string, [string, number]>> = {
  mm: ['mm', 1], cm: ['mm', 10], m: ['mm', 1000], km: ['mm', 1_000_000],
  mg: ['g', 0.001], g: ['g', 1], kg: ['g', 1000],
  ml: ['ml', 1], cl: ['ml', 10], l: ['ml', 1000],
  w: ['w', 1], kw: ['w', 1000],
};
const UNIT_SYMBOLS = 'km|cm|mm|m|in|mg|kg|g|lb|oz|ml|cl|l|kw|w|v|mah|hz';

/** "1,5" is a decimal comma; "1,500" (three digits) a thousands separator. */
function readNumber(s: string): number {
  const t = /,\d{3}$/.test(s) ? s.replace(',', '') : s.replace(',', '.');
  return Number(t);
}

/** A number as few digits as it needs: 0.3 * 1000 is "300", not "300.00000000000006". */
function showNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/**
 * "30 x 20 cm" and "0.3 kg": every number of a quantity (or of a dimension list sharing one unit) is
 * written in the base unit of its kind; units that have no metric base (in, lb, v) are kept as written.
 */
const QUANTITY_RE = new RegExp(`(\\d+(?:[.,]\\d+)?(?:\\s*[x×*]\\s*\\d+(?:[.,]\\d+)?)*)\\s*(${UNIT_SYMBOLS})\\b`, 'g');

function toBaseUnits(s: string): string {
  return s.replace(QUANTITY_RE, (_all, numbers: string, unit: string) => {
    const metric = METRIC[unit];
    const values = numbers.split(/\s*[x×*]\s*/);
    if (!metric) return values.join(' x ') + unit;
    const [base, factor] = metric;
    return values.map((v) => showNumber(readNumber(v) * factor) + base).join(' x ');
  });
}

export function normalize(s: string | null | undefined): string | null {
  if (s == null) return null;
  let out = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  // Hyphens, underscores and slashes between words are spaces: "No-Brand", "no_brand", "no brand".
  out = out.replace(/(?<=[\p{L}\p{N}])[-_‐‑–/](?=[\p{L}\p{N}])/gu, ' ');
  // "Toys & Games" is "toys and games"; "Children's" is "childrens"; list commas do not count
  // ("Video, DVD & Blu-ray"), decimal commas do ("1,5 kg").
  out = out.replace(/\s*&\s*/g, ' and ').replace(/(?<=\p{L})['’](?=\p{L})/gu, '').replace(/,(?!\d)/g, ' ');
  out = out.replace(/\p{L}+/gu, (w) => SPELLING_VARIANTS.get(w) ?? w);
  for (const [pattern, unit] of UNIT_WORDS) out = out.replace(pattern, unit);
  out = toBaseUnits(out);
  return out.replace(/\s+/g, ' ').trim();
}
