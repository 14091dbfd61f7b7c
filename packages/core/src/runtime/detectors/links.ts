import { findTextEmails } from './emails.js';
import { getAttr, mapSpan, parseHtml, plainView } from './html.js';
import { isAmazonHost, isKnownHost, isShortenerHost, isValidTld, normalizeHost } from './hosts.js';
import type { LinkMatch, TextFinds } from './types.js';
import { asText, finalize } from './util.js';

/** Characters a host label may contain (CJK excluded so "请访问lumoshop.co谢谢" finds lumoshop.co). */
const LBL = '\\p{sc=Latin}\\p{sc=Greek}\\p{sc=Cyrillic}\\p{N}\\p{M}';
/** CJK, full-width forms and CJK punctuation end a URL. */
const CJK = '\\u2E80-\\u9FFF\\uAC00-\\uD7AF\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFFEF\\u3000-\\u303F';

/**
 * One pass finds both scheme links (group 1 scheme, group 2 authority) and scheme-less hosts (group 3).
 * A scheme may be glued to the word before it ("visit ourshophttps://…", a lost space in copy-pasted
 * templates); a scheme-less host may not, so "word.com" inside a longer token is not split.
 * No construct after a quantifier can force long backtracking: each label is bounded (63) and the
 * pattern has no trailing context, so the scan is linear.
 */
const LINK_RE = new RegExp(
  `(?:(https?|ftp):\\/\\/([^\\s/?#<>"'\`\\\\()\\[\\]{},;|^!*${CJK}]+)` +
    `|(?<![${LBL}_])(?<![.@\\-/\\\\])((?:[${LBL}][${LBL}\\-]{0,62}\\.)+[${LBL}\\-]{2,63}))`,
  'giu',
);
/** Path / query / fragment after the host. */
const PATH_RE = new RegExp(`[/?#][^\\s<>"'\`\\\\{}|^${CJK}]*`, 'uy');
/** Optional port after a scheme-less host. */
const PORT_RE = /:\d{2,5}(?=[/?#\s]|$)/y;
/** Skips the rest of a dotted run after a rejected candidate. */
const DOTTED_RUN_RE = new RegExp(`[${LBL}.\\-]*`, 'uy');
const LABEL_CHAR_RE = new RegExp(`[${LBL}]`, 'u');

/** Generic TLDs common enough to accept on a bare domain with no path (ccTLDs are accepted separately). */
const COMMON_GTLDS = new Set([
  'com', 'net', 'org', 'info', 'biz', 'edu', 'gov', 'shop', 'store', 'online', 'site', 'website', 'xyz', 'club',
  'top', 'vip', 'tech', 'blog', 'asia', 'shopping', 'boutique', 'berlin', 'bayern', 'hamburg', 'koeln', 'wien',
  'paris', 'london', 'tokyo', 'nyc', 'swiss', 'gmbh',
]);

/** Two-letter TLDs that are also English words or common file extensions: need a path, scheme or www. */
const AMBIGUOUS_CCTLDS = new Set(['is', 'so', 'no', 'do', 'by', 'my', 'am', 'as', 'to', 'md', 'py', 'sh', 'rs', 'ps', 'mp']);

/** TLDs that are also common file extensions: never accepted on a bare domain without a path. */
const FILE_EXT_TLDS = new Set(['zip', 'mov', 'md', 'py', 'sh', 'rs', 'ps', 'so', 'app', 'cab', 'run', 'java', 'mobi']);

/** A two-label bare host whose first label is one of these is a sentence join ("it.shop again"), not a site. */
const STOP_LABELS = new Set([
  'a', 'an', 'i', 'it', 'is', 'the', 'and', 'to', 'you', 'me', 'we', 'us', 'so', 'do', 'in', 'on', 'at', 'of', 'or',
  'for', 'be', 'my', 'your', 'our', 'this', 'that', 'he', 'she', 'they', 'them', 'was', 'are', 'not', 'but', 'very',
  'too', 'also', 'again', 'here', 'there', 'now', 'all', 'with', 'from', 'great', 'good', 'nice', 'thanks', 'please',
]);

const TRAIL_PUNCT = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '*', '~', '\u2026', '\u00bb', '\u201d', '\u2019']);

/** Trim trailing punctuation (and unbalanced closing brackets) off a link. Returns the new length. */
export function trimLinkEnd(s: string, minLen: number): number {
  let open = 0;
  let close = 0;
  let openSq = 0;
  let closeSq = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') open++;
    else if (c === ')') close++;
    else if (c === '[') openSq++;
    else if (c === ']') closeSq++;
  }
  let len = s.length;
  while (len > minLen) {
    const c = s[len - 1]!;
    if (TRAIL_PUNCT.has(c)) {
      len--;
    } else if (c === ')' && close > open) {
      close--;
      len--;
    } else if (c === ']' && closeSq > openSq) {
      closeSq--;
      len--;
    } else if (c === '(' || c === '[') {
      if (c === '(') open--;
      else openSq--;
      len--;
    } else {
      break;
    }
  }
  return len;
}

/** Host of a URL's authority part: strips user info and port. */
function hostFromAuthority(authority: string): string {
  let a = authority;
  const at = a.lastIndexOf('@');
  if (at >= 0) a = a.slice(at + 1);
  const colon = a.lastIndexOf(':');
  if (colon >= 0 && /^\d*$/.test(a.slice(colon + 1))) a = a.slice(0, colon);
  return normalizeHost(a);
}

function isAllLower(s: string): boolean {
  return s === s.toLowerCase();
}
function isAllUpper(s: string): boolean {
  return s === s.toUpperCase();
}

/** Validate the labels of a scheme-less host. Returns the TLD (as written) or null. */
function validHostTld(host: string): string | null {
  const labels = host.split('.');
  if (labels.length < 2) return null;
  for (const l of labels) {
    if (l.length === 0 || l.length > 63 || l.startsWith('-') || l.endsWith('-')) return null;
  }
  const tld = labels[labels.length - 1]!;
  if (!isValidTld(tld)) return null;
  return tld;
}

/**
 * Precision rules for a host written without scheme or www. (`hasPath`: a `/`, `?` or `#` part follows).
 * Rejects "arrived.Thanks"-style sentence joins (title-case TLD), file names (readme.md, photos.zip),
 * and rare generic TLDs or word-like ccTLDs unless a path shows it is a link.
 */
function acceptBareHost(host: string, tld: string, hasPath: boolean): boolean {
  const lower = host.toLowerCase();
  if (lower.startsWith('www.')) return true;
  if (isKnownHost(lower)) return true;
  // The TLD must be written all lower-case or all upper-case ("Lumoshop.co", "AMAZON.DE", not "arrived.Thanks").
  if (!isAllLower(tld) && !isAllUpper(tld)) return false;
  // All-caps TLD after a lower-case label ("item.BEST") is a shouting sentence join, not a host.
  const sld = host.slice(0, host.length - tld.length - 1);
  if (isAllUpper(tld) && !isAllUpper(sld) && /[\p{Ll}]/u.test(sld.slice(1))) return false;
  const t = tld.toLowerCase();
  if (hasPath) return true;
  const labels = host.split('.');
  if (labels.length === 2 && STOP_LABELS.has(labels[0]!.toLowerCase())) return false;
  if (FILE_EXT_TLDS.has(t)) return false;
  if (t.length === 2) return !AMBIGUOUS_CCTLDS.has(t);
  return COMMON_GTLDS.has(t);
}

function makeLink(
  input: string,
  start: number,
  end: number,
  url: string,
  host: string,
  scheme: LinkMatch['scheme'],
  source: LinkMatch['source'],
): LinkMatch {
  return {
    start,
    end,
    text: input.slice(start, end),
    url,
    host,
    scheme,
    amazon: isAmazonHost(host),
    shortener: isShortenerHost(host),
    source,
  };
}

/** Find links in a plain-text string (no HTML handling). Offsets are into `text`. */
export function findTextLinks(text: string): Array<{ start: number; end: number; url: string; host: string; scheme: LinkMatch['scheme'] }> {
  const out: Array<{ start: number; end: number; url: string; host: string; scheme: LinkMatch['scheme'] }> = [];
  const re = LINK_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    let end = start + m[0].length;
    if (m[1] !== undefined) {
      // scheme link
      PATH_RE.lastIndex = end;
      const pm = PATH_RE.exec(text);
      if (pm) end += pm[0].length;
      const schemeLen = m[1].length + 3;
      const raw = text.slice(start, end);
      const len = trimLinkEnd(raw, schemeLen);
      end = start + len;
      re.lastIndex = Math.max(end, start + 1);
      const afterScheme = raw.slice(schemeLen, len);
      const authEnd = afterScheme.search(/[/?#]/);
      const authority = authEnd < 0 ? afterScheme : afterScheme.slice(0, authEnd);
      const host = hostFromAuthority(authority);
      if (!host || !LABEL_CHAR_RE.test(host)) continue;
      const s = m[1].toLowerCase();
      out.push({ start, end, url: raw.slice(0, len), host, scheme: s === 'http' ? 'http' : s === 'https' ? 'https' : 'other' });
      continue;
    }
    const hostRaw = m[3]!;
    const next = text.charCodeAt(end);
    // Truncated candidate (a.bb.c matched as a.bb), or the local part of an email.
    if ((next === 46 /* . */ && LABEL_CHAR_RE.test(text.charAt(end + 1))) || next === 64 /* @ */ || next === 0xff20) {
      DOTTED_RUN_RE.lastIndex = end;
      const skip = DOTTED_RUN_RE.exec(text);
      re.lastIndex = end + (skip ? skip[0].length : 0) + 1;
      continue;
    }
    const tld = validHostTld(hostRaw);
    if (!tld) continue;
    let pathEnd = end;
    PORT_RE.lastIndex = pathEnd;
    const port = PORT_RE.exec(text);
    if (port) pathEnd += port[0].length;
    PATH_RE.lastIndex = pathEnd;
    const pm = PATH_RE.exec(text);
    if (pm) pathEnd += pm[0].length;
    const raw = text.slice(start, pathEnd);
    const len = trimLinkEnd(raw, hostRaw.length);
    const hasPath = len > hostRaw.length && /[/?#]/.test(raw.slice(hostRaw.length, len));
    if (!acceptBareHost(hostRaw, tld, hasPath)) continue;
    end = start + len;
    re.lastIndex = end;
    out.push({ start, end, url: 'http://' + raw.slice(0, len), host: normalizeHost(hostRaw), scheme: '' });
  }
  return out;
}

const SKIP_SCHEMES = /^(?:mailto|tel|sms|callto|javascript|vbscript|data|cid|about|blob|file|mid):/i;
const ANY_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const BARE_HREF_RE = new RegExp(`^(?:[${LBL}][${LBL}\\-]{0,62}\\.)+[${LBL}\\-]{2,63}(?::\\d{1,5})?(?:[/?#]|$)`, 'u');

/** Classify an href/src attribute value. Returns null when it is not a link to a web host. */
export function classifyAttrUrl(value: string): { url: string; host: string; scheme: LinkMatch['scheme'] } | null {
  const v = value.trim();
  if (!v || v.length > 8192 || SKIP_SCHEMES.test(v)) return null;
  const sm = ANY_SCHEME.exec(v);
  if (sm) {
    const rest = v.slice(sm[0].length);
    const authEnd = rest.search(/[/?#]/);
    const host = hostFromAuthority(authEnd < 0 ? rest : rest.slice(0, authEnd));
    if (!host || !LABEL_CHAR_RE.test(host)) return null;
    const s = sm[1]!.toLowerCase();
    return { url: v, host, scheme: s === 'http' ? 'http' : s === 'https' ? 'https' : 'other' };
  }
  if (v.startsWith('//')) {
    const rest = v.slice(2);
    const authEnd = rest.search(/[/?#]/);
    const host = hostFromAuthority(authEnd < 0 ? rest : rest.slice(0, authEnd));
    if (!host || !LABEL_CHAR_RE.test(host) || !host.includes('.')) return null;
    return { url: 'http:' + v, host, scheme: '' };
  }
  const bm = BARE_HREF_RE.exec(v);
  if (bm) {
    const hostPart = v.slice(0, v.search(/[:/?#]|$/));
    if (!validHostTld(hostPart)) return null;
    return { url: 'http://' + v, host: normalizeHost(hostPart), scheme: '' };
  }
  return null;
}

/** Offsets of an attribute's trimmed raw value. */
export function trimmedValueSpan(input: string, valueStart: number, valueEnd: number): [number, number] {
  let s = valueStart;
  let e = valueEnd;
  while (s < e && /\s/.test(input[s]!)) s++;
  while (e > s && /\s/.test(input[e - 1]!)) e--;
  return [s, e];
}

/** Links in `href` and `src` attributes of any tag. */
export function attributeLinks(input: string): LinkMatch[] {
  const parsed = parseHtml(input);
  const out: LinkMatch[] = [];
  for (const tag of parsed.tags) {
    if (tag.closing) continue;
    for (const name of ['href', 'src'] as const) {
      const attr = getAttr(tag, name);
      if (!attr || !attr.hasValue) continue;
      const c = classifyAttrUrl(attr.value);
      if (!c) continue;
      const [s, e] = trimmedValueSpan(input, attr.valueStart, attr.valueEnd);
      if (e <= s) continue;
      out.push(makeLink(input, s, e, c.url, c.host, c.scheme, name));
    }
  }
  return out;
}

/** Links in the visible text (HTML tags removed, entities decoded), with offsets into `input`. */
export function visibleTextLinks(input: string, finds?: TextFinds): LinkMatch[] {
  const view = plainView(input);
  const out: LinkMatch[] = [];
  // The domain of an email address (also a disguised one: "name(at)gmail.com") is not a web link.
  const mails = finds ? finds.emails(view.text) : findTextEmails(view.text);
  let mi = 0;
  for (const l of finds ? finds.links(view.text) : findTextLinks(view.text)) {
    while (mi < mails.length && mails[mi]!.end <= l.start) mi++;
    if (mi < mails.length && mails[mi]!.start < l.end) continue;
    const [s, e] = mapSpan(view, l.start, l.end);
    out.push(makeLink(input, s, e, l.url, l.host, l.scheme, 'text'));
  }
  return out;
}

/**
 * Web links: scheme links (http, https, ftp), `www.` hosts, bare domains with a real TLD (precision rules
 * above), and `href` / `src` attribute values in HTML. Emails, mailto:/tel:/data:/cid: and relative URLs are
 * not links.
 */
export function links(text: string, finds?: TextFinds): LinkMatch[] {
  const input = asText(text);
  if (input.length === 0) return [];
  return finalize([...attributeLinks(input), ...visibleTextLinks(input, finds)], input.length);
}
