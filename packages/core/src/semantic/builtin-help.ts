/**
 * What an editor shows about a built-in: its signature and one line a policy
 * author could write with it. Shared by hover, completion and signature help,
 * in the playground and in the language server.
 */
import { DETECTORS, FUNCTIONS } from '../compile/builtins.js';

/** One realistic use of each built-in, over the fields of a buyer message. */
const EXAMPLES: Readonly<Record<string, string>> = Object.freeze({
  days: 'days(sentAt - orderCompletedAt) > 30',
  hours: 'hours(repliedAt - receivedAt) > 24',
  today: 'orderCompletedAt >= today() - 30 days',
  dateOf: 'dateOf(sentAt) - orderCompletedAt <= 30 days',
  languageCode: 'languageCode(language) == "en"',
  lower: 'lower(subject) contains "refund"',
  upper: 'upper(countryCode) == "US"',
  trim: 'empty(trim(orderId))',
  normalize: 'normalize(title) contains normalize(brand)',
  length: 'length(subject) > 200',
  count: 'count(emails(body)) > 0',
  sum: 'sum(quantities) > 10',
  min: 'min(prices) > 0',
  max: 'max(prices) < 1000',
  first: 'first(images) != null',
  empty: 'empty(orderId)',
  exists: 'exists(sentAt)',
  replace: 'replace(match.text, "http://", "https://")',
  split: 'split(certifications, " or ")',
  join: 'join(bulletPoints, " ")',
  keys: 'count(keys(attributes)) > 0',
  round: 'round(rating, 1) >= 4.5',
  abs: 'abs(priceChange) > 10',
  links: 'forbid any link in links(body): not link.amazon',
  emails: 'forbid emails(body)',
  phones: 'forbid phones(body)',
  emoji: 'forbid emoji(subject)',
  orderIds: 'forbid any o in orderIds(body): o.orderId != orderId',
  images: 'forbid any img in images(body): img.hidden',
  optOutLinks: 'forbid optOutLinks(body)',
  spelling: 'forbid spelling(body)',
  sentences: 'forbid any s in sentences(body): s.text contains "review" and s.text contains "refund"',
  phrases: 'forbid phrases(body, marketing)',
  find: 'forbid find(body, "(?i)free gift")',
});

export function isBuiltin(name: string): boolean {
  return Object.hasOwn(FUNCTIONS, name) || Object.hasOwn(DETECTORS, name);
}

/** `trim(text)`, `phrases(text, phraseList)`; undefined for a name that is no built-in. */
export function builtinSignature(name: string): string | undefined {
  if (Object.hasOwn(FUNCTIONS, name)) {
    const fn = FUNCTIONS[name];
    const required = fn.params.length - (fn.optional ?? 0);
    return `${name}(${fn.params.map((p, i) => (i < required ? p.name : `${p.name}?`)).join(', ')})`;
  }
  if (name === 'phrases') return 'phrases(text, phraseList)';
  if (name === 'find') return 'find(text, "pattern")';
  return Object.hasOwn(DETECTORS, name) ? `${name}(text)` : undefined;
}

/** The parameter names of a built-in, for signature help. */
export function builtinParameters(name: string): string[] {
  const signature = builtinSignature(name);
  return signature ? signature.slice(name.length + 1, -1).split(', ').filter(Boolean) : [];
}

export interface BuiltinHelp {
  signature: string;
  summary: string;
  example: string;
}

export function builtinHelp(name: string): BuiltinHelp | undefined {
  const signature = builtinSignature(name);
  if (!signature) return undefined;
  const summary = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name].summary : `finds ${DETECTORS[name].summary}`;
  return { signature, summary: summary.charAt(0).toUpperCase() + summary.slice(1) + '.', example: EXAMPLES[name] ?? `${name}(body)` };
}

export const BUILTIN_NAMES: readonly string[] = Object.freeze([...Object.keys(FUNCTIONS), ...Object.keys(DETECTORS)]);
