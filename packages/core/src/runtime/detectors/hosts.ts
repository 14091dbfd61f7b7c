import { test as linkifyTest } from 'linkifyjs';
import { memoize } from './util.js';

/** Amazon marketplace registrable domains. Subdomains (www, smile, sellercentral, ...) count too. */
const AMAZON_DOMAINS = [
  'amazon.com', 'amazon.co.uk', 'amazon.de', 'amazon.fr', 'amazon.it', 'amazon.es', 'amazon.co.jp', 'amazon.ca',
  'amazon.com.mx', 'amazon.com.au', 'amazon.in', 'amazon.nl', 'amazon.se', 'amazon.pl', 'amazon.com.tr',
  'amazon.ae', 'amazon.sa', 'amazon.sg', 'amazon.com.be', 'amazon.eg', 'amazon.com.br',
  // Further Amazon-operated domains: newer marketplaces and Amazon's image CDNs.
  'amazon.ie', 'amazon.co.za', 'amazon.cn', 'media-amazon.com', 'ssl-images-amazon.com', 'images-amazon.com',
  'amzn.com', 'amzn.asia',
];

/** Amazon's own link shorteners (amazon: true, shortener: true). */
const AMAZON_SHORTENERS = ['amzn.to', 'amzn.eu', 'a.co'];

/** Third-party URL shorteners. */
const SHORTENERS = [
  'bit.ly', 'tinyurl.com', 't.co', 'goo.gl', 'ow.ly', 'is.gd', 'buff.ly', 'rebrand.ly', 'cutt.ly', 'shorturl.at',
  'tiny.cc', 's.id', 'rb.gy', 't.ly', 'v.gd', 'lnkd.in', 'bl.ink', 'tr.im', 'shorte.st', 'adf.ly',
];

function matchesDomain(host: string, domains: readonly string[]): boolean {
  for (const d of domains) {
    if (host === d) return true;
    if (host.length > d.length && host.endsWith(d) && host.charCodeAt(host.length - d.length - 1) === 46 /* . */) {
      return true;
    }
  }
  return false;
}

/** Lower-case, drop a trailing dot and one leading `www.`. */
export function normalizeHost(host: string): string {
  let h = host.toLowerCase();
  while (h.endsWith('.')) h = h.slice(0, -1);
  if (h.startsWith('www.')) h = h.slice(4);
  return h;
}

/**
 * True for Amazon's marketplace domains (amazon.com, .co.uk, .de, .fr, .it, .es, .co.jp, .ca, .com.mx, .com.au,
 * .in, .nl, .se, .pl, .com.tr, .ae, .sa, .sg, .com.be, .eg, .com.br, plus .ie, .co.za, .cn), their subdomains,
 * Amazon's image CDNs, and Amazon's shorteners amzn.to / amzn.eu / a.co. Look-alikes such as
 * `amazon.com.evil.io` or `myamazon.com` are not Amazon.
 */
export function isAmazonHost(host: string): boolean {
  if (typeof host !== 'string' || host.length === 0 || host.length > 300) return false;
  const h = normalizeHost(host.trim());
  return matchesDomain(h, AMAZON_DOMAINS) || matchesDomain(h, AMAZON_SHORTENERS);
}

export function isShortenerHost(host: string): boolean {
  const h = normalizeHost(host);
  return matchesDomain(h, SHORTENERS) || matchesDomain(h, AMAZON_SHORTENERS);
}

export function isKnownHost(host: string): boolean {
  return isAmazonHost(host) || isShortenerHost(host);
}

/** Whether `tld` is a real top-level domain, per linkifyjs's IANA list (case-insensitive). */
export function isValidTld(tld: string): boolean {
  if (tld.length < 2 || tld.length > 63) return false;
  return knownTld(tld.toLowerCase());
}

/** Asking linkifyjs costs a scan per call; the answer for a name never changes, so it is remembered. */
const knownTld = memoize((key: string): boolean => {
  if (!/^[\p{L}\p{M}]+$/u.test(key)) return false;
  try {
    return linkifyTest(`abc.${key}`, 'url');
  } catch {
    return false;
  }
}, 4096);
