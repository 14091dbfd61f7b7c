/**
 * A small, linear-time, never-throwing HTML tokenizer used by the detectors.
 *
 * It follows the HTML5 tokenizer closely enough for seller messages: start and
 * end tags with quoted / unquoted / bare attributes (quotes only open a value
 * right after `=`), comments, `<!...>` / `<?...>` bogus comments, and the raw
 * text elements `<script>` / `<style>` whose content is skipped. A `<` that is
 * not followed by a letter, `/`+letter, `!` or `?` is ordinary text ("a < b",
 * "I <3 it"). An unterminated tag or quoted value makes the rest of the input
 * plain text (every later `<` is literal), which keeps the scan linear.
 *
 * The "plain view" of a string is its visible text: tags removed (block-level
 * tags become a newline, other tags vanish), entities decoded. Each plain
 * character remembers the original span it came from, so detectors can run on
 * the plain view and report offsets into the original string.
 */
import { decodeHTMLStrict } from 'entities';
import { memoize } from './util.js';

export interface HtmlAttr {
  /** Lower-cased attribute name. */
  name: string;
  /** Entity-decoded value ('' for a bare attribute). */
  value: string;
  /** Offsets of the raw value in the original string (between the quotes). */
  valueStart: number;
  valueEnd: number;
  /** The attribute had an `=value` part. */
  hasValue: boolean;
}

export interface HtmlTag {
  start: number;
  end: number;
  /** Lower-cased tag name. */
  name: string;
  closing: boolean;
  attrs: HtmlAttr[];
}

export interface PlainView {
  /** Visible text. */
  text: string;
  /** Original offset where plain char i starts. Length text.length + 1 (last entry = input length). */
  srcStart: Int32Array | null;
  /** Original offset where plain char i ends (exclusive). */
  srcEnd: Int32Array | null;
}

export interface ParsedHtml {
  input: string;
  tags: HtmlTag[];
  /** Text segments between tags / comments: [start, end) pairs in the original string. */
  textSegments: Array<[number, number]>;
  hasMarkup: boolean;
}

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'body', 'html', 'head', 'title',
  'img', 'iframe', 'video', 'audio', 'object', 'embed', 'input', 'button', 'select', 'textarea', 'option', 'center',
]);

const ENTITY_RE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/y;

/** The character(s) a complete `&name;` reference stands for, or undefined for an unknown name. */
function namedEntity(reference: string): string | undefined {
  const decoded = decodeHTMLStrict(reference);
  return decoded === reference ? undefined : decoded;
}

/**
 * Decode the entity starting at `pos` (where text[pos] === '&').
 * Returns [decoded, length] or null when there is no recognised entity there.
 */
export function decodeEntityAt(text: string, pos: number): [string, number] | null {
  ENTITY_RE.lastIndex = pos;
  const m = ENTITY_RE.exec(text);
  if (!m) return null;
  let decoded: string | undefined;
  if (m[1] !== undefined || m[2] !== undefined) {
    const cp = m[1] !== undefined ? parseInt(m[1], 10) : parseInt(m[2]!, 16);
    if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) decoded = '\ufffd';
    else decoded = String.fromCodePoint(cp);
  } else {
    // The full HTML5 named-entity table (&commat;, &period;, &NewLine; …); names are case-sensitive,
    // but sellers' tools also write &AMP; or &Eacute; for &eacute;, so a lower-case retry follows.
    decoded = namedEntity(m[0]) ?? namedEntity(m[0].toLowerCase());
  }
  if (decoded === undefined) return null;
  return [decoded, m[0].length];
}

/** Decode entities in an attribute value (no offset tracking needed). */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  let out = '';
  let last = 0;
  for (let i = s.indexOf('&'); i >= 0; i = s.indexOf('&', i + 1)) {
    const d = decodeEntityAt(s, i);
    if (!d) continue;
    out += s.slice(last, i) + d[0];
    last = i + d[1];
    i = last - 1;
  }
  return out + s.slice(last);
}

function isAsciiAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isHtmlSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

const RAWTEXT_END: Record<string, RegExp> = {
  script: /<\/script/gi,
  style: /<\/style/gi,
};

/** Tokenize `input` into tags and text segments. Memoised for the last input. */
export const parseHtml: (input: string) => ParsedHtml = memoize(parseHtmlUncached, 1);

function parseHtmlUncached(input: string): ParsedHtml {
  const tags: HtmlTag[] = [];
  const textSegments: Array<[number, number]> = [];
  const n = input.length;
  let textStart = 0;
  let i = input.indexOf('<');
  let hasMarkup = false;
  const pushText = (end: number): void => {
    if (end > textStart) textSegments.push([textStart, end]);
  };
  while (i >= 0 && i < n - 1) {
    const c1 = input.charCodeAt(i + 1);
    // Comment
    if (c1 === 33 /* ! */ || c1 === 63 /* ? */) {
      let end: number;
      if (input.startsWith('<!--', i)) {
        const close = input.indexOf('-->', i + 4);
        if (close < 0) break; // unterminated comment: rest is text
        end = close + 3;
      } else {
        const close = input.indexOf('>', i + 2);
        if (close < 0) break;
        end = close + 1;
      }
      pushText(i);
      hasMarkup = true;
      textStart = end;
      i = input.indexOf('<', end);
      continue;
    }
    let closing = false;
    let p = i + 1;
    if (c1 === 47 /* / */) {
      closing = true;
      p++;
    }
    if (p >= n || !isAsciiAlpha(input.charCodeAt(p))) {
      i = input.indexOf('<', i + 1);
      continue;
    }
    const tag = parseTagAt(input, i, p, closing);
    if (!tag) break; // unterminated: the rest is plain text
    pushText(i);
    hasMarkup = true;
    tags.push(tag);
    textStart = tag.end;
    let next = tag.end;
    if (!closing && (tag.name === 'script' || tag.name === 'style')) {
      const re = RAWTEXT_END[tag.name]!;
      re.lastIndex = tag.end;
      const m = re.exec(input);
      if (!m) {
        // Unterminated raw text element: everything after it is hidden.
        textStart = n;
        break;
      }
      textStart = m.index;
      next = m.index;
    }
    i = input.indexOf('<', next);
  }
  pushText(n);
  return { input, tags, textSegments, hasMarkup };
}

/** Parse a tag whose name starts at `p` (`<` at `start`). Returns null when the tag never closes. */
function parseTagAt(input: string, start: number, p: number, closing: boolean): HtmlTag | null {
  const n = input.length;
  let q = p;
  while (q < n) {
    const c = input.charCodeAt(q);
    if (isHtmlSpace(c) || c === 47 || c === 62) break;
    q++;
  }
  const name = input.slice(p, q).toLowerCase();
  const attrs: HtmlAttr[] = [];
  let k = q;
  while (k < n) {
    let c = input.charCodeAt(k);
    if (c === 62 /* > */) {
      return { start, end: k + 1, name, closing, attrs };
    }
    if (isHtmlSpace(c) || c === 47 /* / */) {
      k++;
      continue;
    }
    // attribute name
    const nameStart = k;
    k++;
    while (k < n) {
      c = input.charCodeAt(k);
      if (isHtmlSpace(c) || c === 47 || c === 62 || c === 61) break;
      k++;
    }
    const attrName = input.slice(nameStart, k).toLowerCase();
    // optional whitespace then '='
    let m = k;
    while (m < n && isHtmlSpace(input.charCodeAt(m))) m++;
    if (m < n && input.charCodeAt(m) === 61 /* = */) {
      m++;
      while (m < n && isHtmlSpace(input.charCodeAt(m))) m++;
      if (m >= n) return null;
      const qc = input.charCodeAt(m);
      let vStart: number;
      let vEnd: number;
      if (qc === 34 || qc === 39) {
        vStart = m + 1;
        vEnd = input.indexOf(qc === 34 ? '"' : "'", vStart);
        if (vEnd < 0) return null;
        k = vEnd + 1;
      } else {
        vStart = m;
        vEnd = m;
        while (vEnd < n) {
          const d = input.charCodeAt(vEnd);
          if (isHtmlSpace(d) || d === 62) break;
          vEnd++;
        }
        k = vEnd;
      }
      attrs.push({
        name: attrName,
        value: decodeEntities(input.slice(vStart, vEnd)),
        valueStart: vStart,
        valueEnd: vEnd,
        hasValue: true,
      });
    } else {
      attrs.push({ name: attrName, value: '', valueStart: k, valueEnd: k, hasValue: false });
    }
  }
  return null;
}

export function getAttr(tag: HtmlTag, name: string): HtmlAttr | undefined {
  for (const a of tag.attrs) if (a.name === name) return a;
  return undefined;
}

/**
 * The visible text of `input` with an offset map back to `input`.
 * For plain text without `<` or `&` the view is the input itself (maps are null = identity): told apart
 * by two quick searches, before the memo, since looking a new text up in the memo reads all of it too.
 * HTML is memoised for the last input.
 */
export function plainView(input: string): PlainView {
  if (input.indexOf('<') < 0 && input.indexOf('&') < 0) return { text: input, srcStart: null, srcEnd: null };
  return htmlView(input);
}

const htmlView: (input: string) => PlainView = memoize(htmlViewUncached, 1);

function htmlViewUncached(input: string): PlainView {
  const parsed = parseHtml(input);
  const n = input.length;
  // Upper bound for the plain text length: input length (+1 per tag for separators, which replace >= 3 chars).
  const srcStart = new Int32Array(n + 1);
  const srcEnd = new Int32Array(n + 1);
  const parts: string[] = [];
  let len = 0;
  let tagIdx = 0;
  const tags = parsed.tags;
  const emitChar = (ch: string, s: number, e: number): void => {
    parts.push(ch);
    for (let u = 0; u < ch.length; u++) {
      srcStart[len] = s;
      srcEnd[len] = e;
      len++;
    }
  };
  // Next '&' at or after a position; cached so that segments without '&' do not rescan the input (linear).
  let ampCache = -2;
  const nextAmp = (from: number): number => {
    if (ampCache === -1) return -1;
    if (ampCache < from) ampCache = input.indexOf('&', from);
    return ampCache;
  };
  const emitSegment = (s: number, e: number): void => {
    let runStart = s;
    let amp = nextAmp(s);
    while (amp >= 0 && amp < e) {
      const d = decodeEntityAt(input, amp);
      if (d && amp + d[1] <= e) {
        if (amp > runStart) emitRun(runStart, amp);
        emitChar(d[0], amp, amp + d[1]);
        runStart = amp + d[1];
        amp = nextAmp(runStart);
      } else {
        amp = nextAmp(amp + 1);
      }
    }
    if (e > runStart) emitRun(runStart, e);
  };
  const emitRun = (s: number, e: number): void => {
    parts.push(input.slice(s, e));
    for (let u = s; u < e; u++) {
      srcStart[len] = u;
      srcEnd[len] = u + 1;
      len++;
    }
  };
  for (const [s, e] of parsed.textSegments) {
    // Emit separators for tags that end at or before this segment.
    while (tagIdx < tags.length && tags[tagIdx]!.end <= s) {
      const t = tags[tagIdx]!;
      if (BLOCK_TAGS.has(t.name)) emitSeparator(t);
      tagIdx++;
    }
    emitSegment(s, e);
  }
  for (; tagIdx < tags.length; tagIdx++) {
    const t = tags[tagIdx]!;
    if (BLOCK_TAGS.has(t.name)) emitSeparator(t);
  }
  function emitSeparator(t: HtmlTag): void {
    // Collapse consecutive separators.
    if (len > 0 && parts[parts.length - 1] === '\n') return;
    emitChar('\n', t.start, t.end);
  }
  srcStart[len] = n;
  srcEnd[len] = n;
  return { text: parts.join(''), srcStart: srcStart.subarray(0, len + 1), srcEnd: srcEnd.subarray(0, len + 1) };
}

/** Map a [start, end) span of the plain view back to the original string. */
export function mapSpan(view: PlainView, start: number, end: number): [number, number] {
  if (!view.srcStart || !view.srcEnd) return [start, end];
  const s = view.srcStart[start]!;
  const e = end > start ? view.srcEnd[end - 1]! : s;
  return [s, e];
}

/**
 * Optional helper: the visible text of an HTML (or plain) string and a function
 * mapping an offset in that text to the offset in `input` where that character
 * came from (offset === text.length maps to input.length).
 */
export function stripHtml(input: string): { text: string; map: (offset: number) => number } {
  try {
    const view = plainView(typeof input === 'string' ? input : String(input));
    const len = view.text.length;
    return {
      text: view.text,
      map: (offset: number) => {
        const o = Math.max(0, Math.min(len, Math.floor(offset) || 0));
        return view.srcStart ? view.srcStart[o]! : o;
      },
    };
  } catch {
    return { text: String(input), map: (o: number) => o };
  }
}

/**
 * The targets of `<a href="scheme:...">` links (mailto:, tel:): the text after
 * the scheme up to any `?`, `;` or `#` part, with its offset in the input.
 */
export function hrefTargets(input: string, scheme: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  const prefix = new RegExp(`^\\s*${scheme}:`, 'i');
  for (const tag of parseHtml(input).tags) {
    if (tag.closing) continue;
    const href = getAttr(tag, 'href');
    if (!href || !href.hasValue) continue;
    const raw = input.slice(href.valueStart, href.valueEnd);
    const m = prefix.exec(raw);
    if (!m) continue;
    const rest = raw.slice(m[0].length);
    const cut = rest.search(/[?;#]/);
    out.push({ text: (cut < 0 ? rest : rest.slice(0, cut)).replace(/\s+$/, ''), start: href.valueStart + m[0].length });
  }
  return out;
}
