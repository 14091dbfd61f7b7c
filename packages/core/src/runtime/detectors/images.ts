import { getAttr, parseHtml, type HtmlTag } from './html.js';
import type { ImageMatch } from './types.js';
import { asText, finalize } from './util.js';

/** Hosts (or host prefixes) that serve open-tracking pixels. */
const TRACKER_HOSTS = [
  'google-analytics.com', 'doubleclick.net', 'list-manage.com', 'mandrillapp.com',
  'mailtrack.io', 'mixmax.com', 'yesware.com', 'bananatag.com', 'mailfoogae.appspot.com', 'emltrk.com',
  'getnotify.com', 'readnotify.com', 'pixel.wp.com', 'bat.bing.com', 'trk.klaviyo.com', 'ct.sendgrid.net',
  'track.hubspot.com', 'open.convertkit-mail.com', 'mktoresp.com',
];
/** First host label that marks a tracking endpoint: pixel.example.com, track.shop.de, trk.x.io ... */
const TRACKER_HOST_LABEL_RE = /^(?:pixel|pixels|track|tracking|tracker|trk|beacon|analytics|open|opens|clicks?|email-?open|stats)\./i;
/** Path segments / file names typical of tracking pixels. */
const TRACKER_PATH_RE =
  /(?:^|\/)(?:pixel|pixels|beacon|1x1|track|tracking|trk|open|wf\/open|impression)(?:\.(?:gif|png|jpe?g|php|aspx?)|\/|$)/i;

function parseLength(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const m = /^\s*(\d{1,6}(?:\.\d+)?)\s*(px)?\s*$/i.exec(v);
  if (!m) return undefined;
  return Number(m[1]);
}

function parseStyle(style: string): Map<string, string> {
  const out = new Map<string, string>();
  if (style.length > 10000) style = style.slice(0, 10000);
  for (const decl of style.split(';')) {
    const colon = decl.indexOf(':');
    if (colon < 0) continue;
    const prop = decl.slice(0, colon).trim().toLowerCase();
    const value = decl
      .slice(colon + 1)
      .replace(/!important/i, '')
      .trim()
      .toLowerCase();
    if (prop) out.set(prop, value);
  }
  return out;
}

function srcHostAndPath(src: string): { host: string; path: string } {
  const m = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#]*)([^?#]*)/i.exec(src);
  if (m) {
    let host = m[1]!.toLowerCase();
    const at = host.lastIndexOf('@');
    if (at >= 0) host = host.slice(at + 1);
    host = host.replace(/:\d*$/, '');
    return { host, path: m[2]! };
  }
  return { host: '', path: src.replace(/[?#].*$/s, '') };
}

function looksLikeTrackerUrl(src: string): boolean {
  const { host, path } = srcHostAndPath(src);
  if (host) {
    for (const h of TRACKER_HOSTS) {
      if (host === h || host.endsWith('.' + h)) return true;
    }
    if (TRACKER_HOST_LABEL_RE.test(host)) return true;
  }
  return TRACKER_PATH_RE.test(path);
}

function imageFromTag(input: string, tag: HtmlTag, linksTo: string | undefined): ImageMatch {
  const srcAttr = getAttr(tag, 'src');
  const src = srcAttr ? srcAttr.value.trim() : '';
  const style = parseStyle(getAttr(tag, 'style')?.value ?? '');
  let width = parseLength(getAttr(tag, 'width')?.value);
  let height = parseLength(getAttr(tag, 'height')?.value);
  const sw = parseLength(style.get('width'));
  const sh = parseLength(style.get('height'));
  if (sw !== undefined) width = sw;
  if (sh !== undefined) height = sh;
  const display = style.get('display');
  const visibility = style.get('visibility');
  const opacity = style.get('opacity');
  const hidden =
    getAttr(tag, 'hidden') !== undefined ||
    display === 'none' ||
    visibility === 'hidden' ||
    visibility === 'collapse' ||
    (opacity !== undefined && /^0*(?:\.0*)?$/.test(opacity)) ||
    width === 0 ||
    height === 0;
  const tiny = width !== undefined && height !== undefined && width <= 1 && height <= 1;
  const tracking = hidden || tiny || (src !== '' && looksLikeTrackerUrl(src));
  const animated = /\.gif$/i.test(src.replace(/[?#].*$/s, ''));
  const img: ImageMatch = {
    start: tag.start,
    end: tag.end,
    text: input.slice(tag.start, tag.end),
    src,
    hidden,
    tracking,
    animated,
  };
  if (width !== undefined) img.width = width;
  if (height !== undefined) img.height = height;
  if (linksTo !== undefined) img.linksTo = linksTo;
  const alt = getAttr(tag, 'alt');
  if (alt) img.alt = alt.value;
  return img;
}

/**
 * `<img>` tags. Size comes from the width/height attributes or inline style (style wins; `%` and other units
 * are ignored). `hidden`: display:none, visibility:hidden/collapse, opacity:0, the `hidden` attribute, or a
 * zero width/height. `tracking`: hidden, or both sides ≤ 1px, or a src on a known tracking host / pixel path.
 * `animated`: the src path ends in `.gif`. `linksTo`: the href of the enclosing `<a>`.
 */
export function images(text: string): ImageMatch[] {
  const input = asText(text);
  if (input.length === 0 || input.indexOf('<') < 0) return [];
  const parsed = parseHtml(input);
  const out: ImageMatch[] = [];
  let anchorHref: string | undefined;
  for (const tag of parsed.tags) {
    if (tag.name === 'a') {
      if (tag.closing) anchorHref = undefined;
      else {
        const href = getAttr(tag, 'href');
        anchorHref = href && href.value.trim() ? href.value.trim() : undefined;
      }
      continue;
    }
    if (tag.name === 'img' && !tag.closing) out.push(imageFromTag(input, tag, anchorHref));
  }
  return finalize(out, input.length);
}
