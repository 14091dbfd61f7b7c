import { getAttr, mapSpan, parseHtml, plainView, type PlainView } from './html.js';
import { attributeLinks, visibleTextLinks } from './links.js';
import type { LinkMatch, TextFinds } from './types.js';
import { asText, finalize } from './util.js';

/** Opt-out words in a URL. */
const URL_OPT_OUT_RE =
  /unsubscri|(?:^|[^a-z])unsub(?:[^a-z]|$)|opt[-_.]?out|abmeld|abbestell|d(?:e|é|%c3%a9)sinscri|d(?:e|é|%c3%a9)sabonn|disiscri|darse[-_]de[-_]baja|(?:^|[^a-z])baja(?:[^a-z]|$)/i;

/** Opt-out wording in text (EN, DE, FR, ES, IT, ZH, JA). */
const TEXT_OPT_OUT_RE = new RegExp(
  '(?<![\\p{L}\\p{N}])(?:' +
    [
      'un-?subscrib\\w*',
      'opt(?:s|ed|ing)?[- ]?out',
      'no longer (?:wish|want|like) to receive',
      'stop receiving',
      'abmelde\\w*',
      'abmelden',
      'abmeldung',
      'abbestell\\w*',
      'd[ée]sinscri\\w*',
      'd[ée]sabonn\\w*',
      'dar(?:se|te|le)? de baja',
      'date de baja',
      'cancelar (?:la |tu |su )?suscripci[óo]n',
      'disiscri\\w*',
      "annullare? (?:l'|la )?iscrizione",
    ].join('|') +
    ')(?![\\p{L}\\p{N}])|退订|取消订阅|配信停止|配信解除|購読解除',
  'giu',
);

function hasOptOutWords(s: string): boolean {
  TEXT_OPT_OUT_RE.lastIndex = 0;
  return TEXT_OPT_OUT_RE.test(s);
}

/** Sentence spans of a plain text: split after . ! ? 。！？ followed by whitespace, and at newlines. */
function sentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (c === '\n') {
      out.push([start, i]);
      start = i + 1;
    } else if (c === '。' || c === '！' || c === '？') {
      out.push([start, i + 1]);
      start = i + 1;
    } else if ((c === '.' || c === '!' || c === '?') && (i + 1 >= n || /\s/.test(text[i + 1]!))) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < n) out.push([start, n]);
  return out;
}

/** Index of the sentence containing plain offset `pos` (binary search). */
function sentenceIndexAt(sents: Array<[number, number]>, pos: number): number {
  let lo = 0;
  let hi = sents.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = sents[mid]!;
    if (pos < s) hi = mid - 1;
    else if (pos > e) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(sents.length - 1, lo));
}

/** Plain offset of original offset `orig` (first plain char at or after it). */
function plainOffsetOf(view: PlainView, orig: number): number {
  if (!view.srcStart) return orig;
  const arr = view.srcStart;
  let lo = 0;
  let hi = arr.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid]! < orig) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const MAX_SENTENCE = 300;

/**
 * Unsubscribe / opt-out links and instructions.
 * A link counts when its URL says so (unsubscribe, optout, abmelden ...), when its anchor text does
 * ("<a href=...>Unsubscribe</a>"), or when the sentence around it does ("To unsubscribe visit https://...").
 * A sentence with opt-out wording but no link ("Reply STOP to opt out.", "Click here to unsubscribe") is
 * reported as a match with url/host '' and scheme ''; sentences longer than 300 characters are reported as
 * just the opt-out words.
 */
export function optOutLinks(text: string, finds?: TextFinds): LinkMatch[] {
  const input = asText(text);
  if (input.length === 0) return [];
  const view = plainView(input);
  const sents = sentences(view.text);
  const sentenceHasWords = new Map<number, boolean>();
  const sentenceWords = (idx: number): boolean => {
    let v = sentenceHasWords.get(idx);
    if (v === undefined) {
      const [s, e] = sents[idx] ?? [0, 0];
      v = hasOptOutWords(view.text.slice(s, e));
      sentenceHasWords.set(idx, v);
    }
    return v;
  };
  const sentencesWithLink = new Set<number>();
  const out: LinkMatch[] = [];

  // Anchor text and position of each <a href>, keyed by the href value's start offset.
  const anchors = new Map<number, { anchorText: string; plainPos: number }>();
  if (view.srcStart) {
    const tags = parseHtml(input).tags;
    for (let i = 0; i < tags.length; i++) {
      const t = tags[i]!;
      if (t.name !== 'a' || t.closing) continue;
      const href = getAttr(t, 'href');
      if (!href) continue;
      let endOrig = Math.min(input.length, t.end + 500);
      for (let j = i + 1; j < tags.length && tags[j]!.start < endOrig; j++) {
        if (tags[j]!.name === 'a') {
          endOrig = tags[j]!.start;
          break;
        }
      }
      const anchorText = input.slice(t.end, endOrig).replace(/<[^>]*>/g, ' ');
      let vs = href.valueStart;
      while (vs < href.valueEnd && /\s/.test(input[vs]!)) vs++;
      anchors.set(vs, { anchorText, plainPos: plainOffsetOf(view, t.end) });
    }
  }

  const candidates = [...attributeLinks(input), ...visibleTextLinks(input, finds)];
  for (const l of candidates) {
    let plainPos: number;
    let optOut = URL_OPT_OUT_RE.test(l.url);
    if (l.source === 'href') {
      const a = anchors.get(l.start);
      plainPos = a ? a.plainPos : plainOffsetOf(view, l.start);
      if (!optOut && a && hasOptOutWords(a.anchorText)) optOut = true;
    } else {
      plainPos = plainOffsetOf(view, l.start);
    }
    const si = sents.length ? sentenceIndexAt(sents, plainPos) : -1;
    if (!optOut && si >= 0 && l.source !== 'src' && sentenceWords(si)) optOut = true;
    if (optOut) {
      out.push(l);
      if (si >= 0) sentencesWithLink.add(si);
    }
  }

  // Opt-out sentences without a link.
  TEXT_OPT_OUT_RE.lastIndex = 0;
  let lastSentence = -1;
  let si = 0;
  for (let m = TEXT_OPT_OUT_RE.exec(view.text); m; m = TEXT_OPT_OUT_RE.exec(view.text)) {
    while (si < sents.length - 1 && sents[si]![1] < m.index) si++;
    if (si === lastSentence || sentencesWithLink.has(si)) continue;
    lastSentence = si;
    let [s, e] = sents[si] ?? [m.index, m.index + m[0].length];
    while (s < e && /\s/.test(view.text[s]!)) s++;
    while (e > s && /\s/.test(view.text[e - 1]!)) e--;
    if (e - s > MAX_SENTENCE || s > m.index || e < m.index + m[0].length) {
      s = m.index;
      e = m.index + m[0].length;
    }
    const [os, oe] = mapSpan(view, s, e);
    out.push({
      start: os,
      end: oe,
      text: input.slice(os, oe),
      url: '',
      host: '',
      scheme: '',
      amazon: false,
      shortener: false,
      source: 'text',
    });
  }
  return finalize(out, input.length);
}
