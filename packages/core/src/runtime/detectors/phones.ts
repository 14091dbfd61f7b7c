import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { hrefTargets, mapSpan, plainView } from './html.js';
import { findOrderIds } from './orderIds.js';
import type { PhoneMatch } from './types.js';
import { asText, finalize } from './util.js';

/**
 * Phone numbers, precision first.
 *
 * 1. Candidates are maximal runs of digits joined by single separators (space, -, ., /, parentheses),
 *    optionally starting with `+` or `(`: one linear regex, no backtracking.
 * 2. Context filters throw out runs glued to letters / codes (SKU-12345-XL, B07XYZ1234, 1Z999AA1...,
 *    INV-2026-000123), prices and quantities (currency or unit next to the number), dates, decimals,
 *    Amazon order ids and their parts, and numbers labelled as order / invoice / tracking / SKU / EAN ...
 * 3. The remaining candidate must look like a phone number in one of these shapes:
 *    - international: `+CC ...` or `00CC ...` — valid, or possible and written in groups;
 *    - North American: `(555) 123-4567`, `555-123-4567`, `1-800-555-0199` (area code 2-9xx);
 *    - national with trunk prefix 0 (GB, DE, CN, FR, IT, ES, JP tried in turn): valid in one of them, with
 *      the country whose own national format matches the written grouping preferred;
 *    - Chinese mobile `13800138000` / `138 0013 8000`;
 *    - anything else valid in US/GB/DE/CN/FR/IT/ES/JP only when a phone word (tel, call, Telefon, 电话 ...)
 *      precedes it on the same line.
 *    Unformatted digit strings need a leading 0 (10-12 digits), the CN mobile shape or a phone word.
 */

const RUN_RE = /(?:\+[ \u00a0]?|\([ \u00a0]?\+?)?\d(?:[\d()]|[ \u00a0]?[-./][ \u00a0]?(?=[\d(])|[ \u00a0](?=[\d(]))*/g;

const TRUNK_COUNTRIES: CountryCode[] = ['GB', 'DE', 'CN', 'FR', 'IT', 'ES', 'JP'];
const KEYWORD_COUNTRIES: CountryCode[] = ['US', 'GB', 'DE', 'CN', 'FR', 'IT', 'ES', 'JP'];

const POSITIVE_RE =
  /(?:\b(?:tel|tele|phone|telephone|call|ring|text|sms|whatsapp|mobile|cell|fax|hotline|telefon\w*|handy|mobil\w*|rufnummer|anruf\w*|ruf|t[ée]l[ée]phone|t[ée]l|portable|tel[ée]fono|m[óo]vil|cellulare|ll[aá]m\w*|chiam\w*)\b|電話|电话|手机|携帯|連絡先|联系)/giu;
const NEGATIVE_RE =
  /(?:\b(?:order\w*|bestell\w*|commande|pedido|ordine|auftrag\w*|invoice\w*|rechnung\w*|facture|factura|fattura|sku|asin|ean|upc|gtin|isbn|mpn|model\w*|mod[èe]le|artikel\w*|art\.?-?nr|item|ref|reference|referenz|serial|serien\w*|s\/n|tracking|track|sendung\w*|paket\w*|suivi|seguimiento|zip|plz|postcode|postleitzahl|iban|bic|account|konto\w*|kunden\w*|customer|batch|lot|charge|lieferschein\w*|delivery|lieferung|versand\w*|parcel|shipment|case|ticket|claim|id|vat|ust|steuer\w*|tax|iva|p\.iva|partita|siret|siren|cif|nif|tva|sdi|mwst)\b|订单|注文|快递|运单|追跡|发票|型号|番号)/giu;

const UNIT_AFTER_RE =
  /^[ \u00a0]?(?:€|\$|£|¥|₹|%|‰|(?:eur|usd|gbp|chf|jpy|cny|rmb|ml|cl|l|kg|g|mg|cm|mm|m|km|x|pcs|pc|pieces|stück|stk|st|mah|w|kw|v|hz|gb|mb|tb|px|dpi|min|h|s|sec)\b)/iu;
const CURRENCY_BEFORE_RE = /[$€£¥₹][ \u00a0]?$/u;
const DATE_RE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})(?!\d)/;
const NANP_RE = /^(?:\+?1[-. \u00a0]?)?(?:\([2-9]\d{2}\)[ \u00a0]?|[2-9]\d{2}[-. \u00a0])\d{3}[-. \u00a0]\d{4}$/;
const CN_MOBILE_RE = /^1[3-9]\d(?:\d{8}|[ -]\d{4}[ -]\d{4})$/;

function digitGroups(s: string): number[] {
  const g: number[] = [];
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) run++;
    else if (run > 0) {
      g.push(run);
      run = 0;
    }
  }
  if (run > 0) g.push(run);
  return g;
}

function sameGroups(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function parse(text: string, country?: CountryCode): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(text, country ? { defaultCountry: country, extract: false } : { extract: false });
  } catch {
    return undefined;
  }
}

/** The last phone / non-phone keyword on the same line within 40 characters before `start`. */
function keywordContext(text: string, start: number, reach = 40): 'positive' | 'negative' | null {
  // The line break is looked for inside the window only: searching the whole text back from `start` took
  // time in proportion to the text for every candidate (quadratic on a long message without line breaks).
  let window = text.slice(Math.max(0, start - reach), start);
  const nl = window.lastIndexOf('\n');
  if (nl >= 0) window = window.slice(nl + 1);
  let lastPos = -1;
  let lastNeg = -1;
  POSITIVE_RE.lastIndex = 0;
  for (let m = POSITIVE_RE.exec(window); m; m = POSITIVE_RE.exec(window)) lastPos = m.index;
  NEGATIVE_RE.lastIndex = 0;
  for (let m = NEGATIVE_RE.exec(window); m; m = NEGATIVE_RE.exec(window)) lastNeg = m.index;
  if (lastPos < 0 && lastNeg < 0) return null;
  return lastNeg > lastPos ? 'negative' : 'positive';
}

/** Letters of space-separated scripts, digits and `_`: a number glued to these is a code, not a phone. */
const GLUE_RE = /^[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{Nd}_]$/u;
function isGlueAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && GLUE_RE.test(text.charAt(i));
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/** Context filters around a candidate [s, e) of `text`. True = reject. */
function rejectedByContext(text: string, s: number, e: number): boolean {
  const prev = text.charAt(s - 1);
  if (s > 0) {
    if (isGlueAt(text, s - 1)) return true;
    if ('-/#@=&_\\+*'.includes(prev)) return true;
    if ((prev === '.' || prev === ',') && isDigit(text.charAt(s - 2))) return true;
    if (CURRENCY_BEFORE_RE.test(text.slice(Math.max(0, s - 2), s))) return true;
  }
  if (e < text.length) {
    const next = text.charAt(e);
    if (isGlueAt(text, e)) return true;
    if ('-/@_'.includes(next) && isGlueAt(text, e + 1)) return true;
    if ((next === '.' || next === ',' || next === ':') && isDigit(text.charAt(e + 1))) return true;
    if (UNIT_AFTER_RE.test(text.slice(e, e + 8))) return true;
  }
  return false;
}

interface Candidate {
  start: number;
  end: number;
  number: string;
  country?: string;
}

function evaluate(text: string, s: number, e: number, orderSpans: Array<{ start: number; end: number }>): Candidate | null {
  const cand = text.slice(s, e);
  const digits = cand.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 17) return null;
  for (const o of orderSpans) if (o.start < e && s < o.end) return null;
  if (rejectedByContext(text, s, e)) return null;
  if (DATE_RE.test(cand)) return null;
  const groups = digitGroups(cand);
  // Amazon order id parts: 3-7, 7-7, 3-7-7.
  const gs = groups.join(',');
  if (gs === '3,7' || gs === '7,7' || gs === '3,7,7') return null;
  // Decimal-looking: a single dot or comma between two groups where the last has 1-2 digits.
  if (/^\d+[.,]\d{1,2}$/.test(cand)) return null;
  const ctx = keywordContext(text, s);
  // A number written with its country code is a phone unless a label such as "order" sits right before it.
  const international = /^\(?\+/.test(cand) || (cand.startsWith('00') && !cand.startsWith('000'));
  if (ctx === 'negative' && !(international && keywordContext(text, s, 15) !== 'negative')) return null;
  const hasSeparators = groups.length > 1;
  // "(+49) 30 ..." -> "+49 30 ..."
  const trimmed = cand.replace(/^\([ \u00a0]?(\+[^)]*)\)/, '$1 ');

  // International
  if (trimmed.startsWith('+') || (trimmed.startsWith('00') && !trimmed.startsWith('000'))) {
    const intl = trimmed.startsWith('+') ? trimmed : '+' + trimmed.slice(2);
    const pn = parse(intl);
    if (!pn) return null;
    if (pn.isValid() || (pn.isPossible() && (hasSeparators || ctx === 'positive') && digits.length >= 10)) {
      return { start: s, end: e, number: pn.number, country: pn.country };
    }
    return null;
  }
  // North American grouping.
  if (NANP_RE.test(cand)) {
    const pn = parse(cand, 'US');
    if (pn && pn.isPossible()) return { start: s, end: e, number: pn.number, country: pn.country ?? 'US' };
    return null;
  }
  // Unformatted 10-digit North American number after a phone word ("call 5551234567").
  if (ctx === 'positive' && /^[2-9]\d{9}$/.test(cand)) {
    const pn = parse(cand, 'US');
    if (pn && pn.isPossible()) return { start: s, end: e, number: pn.number, country: pn.country ?? 'US' };
  }
  // Chinese mobile.
  if (CN_MOBILE_RE.test(cand)) {
    const pn = parse(cand, 'CN');
    if (pn && pn.isValid()) return { start: s, end: e, number: pn.number, country: 'CN' };
  }
  // National numbers with a trunk prefix 0.
  if (/^\(?0[1-9]/.test(cand) && (hasSeparators || ctx === 'positive' || (digits.length >= 10 && digits.length <= 12))) {
    let firstValid: { pn: PhoneNumber; country: CountryCode } | null = null;
    for (const country of TRUNK_COUNTRIES) {
      const pn = parse(cand, country);
      if (!pn) continue;
      if (hasSeparators && pn.isPossible() && sameGroups(digitGroups(pn.formatNational()), groups)) {
        return { start: s, end: e, number: pn.number, country };
      }
      if (!firstValid && pn.isValid()) firstValid = { pn, country };
    }
    if (firstValid) return { start: s, end: e, number: firstValid.pn.number, country: firstValid.country };
    return null;
  }
  // Anything else only with a phone word before it.
  if (ctx === 'positive') {
    for (const country of KEYWORD_COUNTRIES) {
      const pn = parse(cand, country);
      if (pn && pn.isValid()) return { start: s, end: e, number: pn.number, country };
    }
  }
  return null;
}

/** Phone numbers in a plain string. Offsets are into `text`. */
export function findPhones(text: string): Candidate[] {
  const out: Candidate[] = [];
  const orderSpans = findOrderIds(text);
  const re = RUN_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    let s = m.index;
    let e = s + m[0].length;
    // Trim trailing separators / unbalanced brackets.
    while (e > s && !isDigit(text.charAt(e - 1))) {
      if (text.charAt(e - 1) === ')' && countChar(text, s, e, '(') >= countChar(text, s, e, ')')) break;
      e--;
    }
    // Drop an unbalanced leading '('.
    if (text.charAt(s) === '(' && countChar(text, s, e, '(') > countChar(text, s, e, ')')) {
      s++;
      while (s < e && text.charAt(s) === ' ') s++;
    }
    if (countChar(text, s, e, '(') !== countChar(text, s, e, ')')) continue;
    if (e - s > 40) continue;
    const c = evaluate(text, s, e, orderSpans);
    if (c) out.push(c);
  }
  return out;
}

function countChar(text: string, s: number, e: number, ch: string): number {
  let n = 0;
  for (let i = s; i < e; i++) if (text[i] === ch) n++;
  return n;
}

/**
 * Phone numbers in the visible text and in `tel:` hrefs. `number` is E.164; `country` the ISO country it was
 * attributed to (absent when the calling code is shared, e.g. +1 with an unassigned area code).
 */
export function phones(text: string): PhoneMatch[] {
  const input = asText(text);
  if (input.length === 0) return [];
  const view = plainView(input);
  const out: PhoneMatch[] = [];
  for (const c of findPhones(view.text)) {
    const [s, e] = mapSpan(view, c.start, c.end);
    const match: PhoneMatch = { start: s, end: e, text: input.slice(s, e), number: c.number };
    if (c.country) match.country = c.country;
    out.push(match);
  }
  if (view.srcStart) {
    // tel: links in HTML: the number after "tel:" (any format libphonenumber accepts as possible).
    for (const target of hrefTargets(input, 'tel')) {
      const trimmedBody = target.text;
      const s = target.start;
      const e = s + trimmedBody.length;
      const digits = trimmedBody.replace(/\D/g, '');
      if (digits.length < 6 || digits.length > 17) continue;
      let pn: PhoneNumber | undefined;
      if (/^\+|^00/.test(trimmedBody)) pn = parse(trimmedBody.startsWith('00') ? '+' + trimmedBody.slice(2) : trimmedBody);
      else for (const country of KEYWORD_COUNTRIES) {
        const p = parse(trimmedBody, country);
        if (p && p.isValid()) {
          pn = p;
          break;
        }
      }
      if (!pn || !pn.isPossible()) continue;
      const match: PhoneMatch = { start: s, end: e, text: input.slice(s, e), number: pn.number };
      if (pn.country) match.country = pn.country;
      out.push(match);
    }
  }
  return finalize(out, input.length);
}
