import { hrefTargets, mapSpan, plainView } from './html.js';
import { isValidTld } from './hosts.js';
import type { EmailMatch, TextFinds } from './types.js';
import { asText, finalize } from './util.js';

/**
 * Email detection is anchored on "at" markers, so its cost is linear: for each marker we look at most
 * 64 characters to the left (local part) and parse the domain to the right with a sticky regex whose
 * labels are bounded.
 *
 * Markers: `@`, full-width `＠`, bracketed `[at]` `(at)` `{at}` `<at>` `[ät]` `(@)`, and the bare word
 * ` at ` (only with spelled-out dots — `name at gmail dot com` — and a well-known TLD).
 * Dots: `.`, full-width `．`, spaced ` . `, bracketed `[dot]` `(punkt)` ..., and the bare words
 * ` dot ` / ` punkt ` / ` point ` / ` punto `.
 */

const LBL = '\\p{sc=Latin}\\p{sc=Greek}\\p{sc=Cyrillic}\\p{N}\\p{M}';
const SP = '[ \\t\\u00a0]';
const AT_RE = new RegExp(
  `[@\\uFF20]|${SP}{0,3}[\\[({<]${SP}{0,2}(?:at|ät|@|chiocciola|arroba|arobase|klammeraffe)${SP}{0,2}[\\])}>]${SP}{0,3}|${SP}{1,3}(?:at|arroba|chiocciola|arobase)${SP}{1,3}`,
  'giu',
);
const DOT_WORDS = '(?:dot|punkt|point|punto|\\.)';
/** One dot form (captured as group 1), then a label (group 2). */
const DOT_LABEL_RE = new RegExp(
  `(\\.|\\uFF0E|${SP}{1,3}\\.${SP}{0,3}|\\.${SP}{1,3}|${SP}{0,3}[\\[({<]${SP}{0,2}${DOT_WORDS}${SP}{0,2}[\\])}>]${SP}{0,3}|${SP}{1,3}${DOT_WORDS}${SP}{1,3})` +
    `([${LBL}](?:[${LBL}\\-]{0,62}))`,
  'iuy',
);
const LABEL_RE = new RegExp(`[${LBL}][${LBL}\\-]{0,62}`, 'uy');
const LOCAL_CHAR_RE = new RegExp(`[${LBL}._%+\\-]`, 'u');
const LABEL_CHAR_RE = new RegExp(`[${LBL}]`, 'u');
/** An obfuscated dot immediately before a position (used to extend `john [dot] doe [at] ...` leftwards). */
const DOT_BEFORE_RE = new RegExp(
  `(?:${SP}{0,3}[\\[({<]${SP}{0,2}${DOT_WORDS}${SP}{0,2}[\\])}>]${SP}{0,3}|${SP}{1,3}${DOT_WORDS}${SP}{1,3})$`,
  'iu',
);

/** TLDs accepted after spelled-out or spaced dots ("name at gmail dot com", "name@gmail .com"). */
const KNOWN_EMAIL_TLDS = new Set([
  'com', 'net', 'org', 'edu', 'gov', 'info', 'biz', 'io', 'co', 'uk', 'de', 'fr', 'es', 'it', 'nl', 'be', 'at', 'ch',
  'pl', 'se', 'dk', 'no', 'fi', 'ie', 'pt', 'jp', 'cn', 'ca', 'au', 'nz', 'mx', 'br', 'in', 'ru', 'eu', 'us', 'me',
  'hk', 'tw', 'sg', 'kr', 'ar', 'cl', 'za', 'tr', 'ae', 'sa', 'cz', 'gr', 'hu', 'ro',
]);

interface FoundEmail {
  start: number;
  end: number;
  address: string;
  obfuscated: boolean;
}

function isLocalChar(ch: string): boolean {
  return LOCAL_CHAR_RE.test(ch);
}

function lowerIsUpper(s: string): boolean {
  return s === s.toLowerCase() || s === s.toUpperCase();
}

/** Scan the local part leftwards from `end` (exclusive). Returns its start or -1. */
function localStart(text: string, end: number): number {
  let s = end;
  // Code units: LBL letters outside the BMP are rare in local parts; treat surrogates as stops.
  while (s > 0 && end - s < 65 && isLocalChar(text[s - 1]!)) s--;
  if (end - s > 64 || s === end) return -1;
  if (s > 0) {
    const prev = text[s - 1]!;
    if (isLocalChar(prev) || prev === '@' || prev === '\uFF20' || prev === '/' || prev === '\\') return -1;
  }
  // Local part must not start or end with '.', nor contain '..'; it needs a letter or digit.
  while (s < end && (text[s] === '.' || text[s] === '-' || text[s] === '+')) s++;
  const local = text.slice(s, end);
  if (!local || local.endsWith('.') || local.includes('..') || !LABEL_CHAR_RE.test(local)) return -1;
  return s;
}

/** Find emails in a plain string. Offsets are into `text`. */
export function findTextEmails(text: string): FoundEmail[] {
  const out: FoundEmail[] = [];
  const re = AT_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let minStart = 0;
  while ((m = re.exec(text)) !== null) {
    const ms = m.index;
    const me = ms + m[0].length;
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const marker = m[0].trim().toLowerCase();
    const plainAt = marker === '@';
    const fullWidthAt = marker === '\uff20';
    // Spelled-out "at" in any of the marketplaces' languages: the strict checks for bare words apply.
    const wordAt = marker === 'at' || marker === 'arroba' || marker === 'chiocciola' || marker === 'arobase';
    // Local part
    let ls = localStart(text, ms);
    if (ls < 0 || ls < minStart) continue;
    let local = text.slice(ls, ms);
    let obfuscated = !plainAt;
    if (!plainAt && !fullWidthAt) {
      // Extend "john [dot] doe [at] ..." leftwards (up to 3 more labels).
      for (let k = 0; k < 3; k++) {
        const window = text.slice(Math.max(0, ls - 24), ls);
        const dm = DOT_BEFORE_RE.exec(window);
        if (!dm) break;
        const dotStart = ls - dm[0].length;
        const prevStart = localStart(text, dotStart);
        if (prevStart < 0 || prevStart < minStart) break;
        local = text.slice(prevStart, dotStart) + '.' + local;
        ls = prevStart;
      }
    }
    // Domain
    LABEL_RE.lastIndex = me;
    const first = LABEL_RE.exec(text);
    if (!first) continue;
    const labels: string[] = [first[0]];
    const ends: number[] = [me + first[0].length];
    const dotKinds: string[] = [];
    let pos = ends[0]!;
    while (labels.length < 10) {
      DOT_LABEL_RE.lastIndex = pos;
      const dm = DOT_LABEL_RE.exec(text);
      if (!dm) break;
      dotKinds.push(dm[1]!);
      labels.push(dm[2]!);
      pos = dm.index + dm[0].length;
      ends.push(pos);
    }
    // Choose the longest prefix of labels that ends in a valid TLD.
    let count = labels.length;
    let accepted = false;
    while (count >= 2) {
      const tld = labels[count - 1]!;
      const end = ends[count - 1]!;
      const nextCh = text.charAt(end);
      const usedDots = dotKinds.slice(0, count - 1);
      const literalOnly = usedDots.every((d) => d === '.');
      const allSpelled = usedDots.every((d) => /[a-z]/i.test(d));
      // A dotted continuation we could not parse (label too long, too many labels) means "not an address".
      const unparsedTail = count === labels.length && nextCh === '.' && LABEL_CHAR_RE.test(text.charAt(end + 1));
      let ok = !unparsedTail && isValidTld(tld) && nextCh !== '@' && nextCh !== '\uFF20';
      if (ok && !literalOnly) {
        // Obfuscated dots: the TLD must be a well-known one, written in a consistent case.
        ok = KNOWN_EMAIL_TLDS.has(tld.toLowerCase()) && lowerIsUpper(tld);
      }
      if (ok && wordAt) ok = allSpelled;
      if (ok) {
        accepted = true;
        break;
      }
      count--;
    }
    if (!accepted) continue;
    const usedDots = dotKinds.slice(0, count - 1);
    if (usedDots.some((d) => d !== '.')) obfuscated = true;
    if (fullWidthAt) obfuscated = true;
    const end = ends[count - 1]!;
    const address = (local + '@' + labels.slice(0, count).join('.')).toLowerCase();
    out.push({ start: ls, end, address, obfuscated });
    minStart = end;
    re.lastIndex = end;
  }
  return out;
}

function toMatch(input: string, s: number, e: number, f: FoundEmail): EmailMatch {
  return { start: s, end: e, text: input.slice(s, e), address: f.address, obfuscated: f.obfuscated };
}

/**
 * Email addresses in visible text and in `mailto:` hrefs, including disguised forms. Not emails:
 * `@username` handles, `5 @ 10 dollars`, `me at 5pm`, `look at the box`, `name @ gmail.com` (spaces around a
 * plain `@` are not treated as an address).
 */
export function emails(text: string, finds?: TextFinds): EmailMatch[] {
  const input = asText(text);
  if (input.length === 0) return [];
  const out: EmailMatch[] = [];
  const view = plainView(input);
  for (const f of finds ? finds.emails(view.text) : findTextEmails(view.text)) {
    const [s, e] = mapSpan(view, f.start, f.end);
    out.push(toMatch(input, s, e, f));
  }
  if (view.srcStart) {
    for (const target of hrefTargets(input, 'mailto')) {
      for (const f of findTextEmails(target.text)) out.push(toMatch(input, target.start + f.start, target.start + f.end, f));
    }
  }
  return finalize(out, input.length);
}
