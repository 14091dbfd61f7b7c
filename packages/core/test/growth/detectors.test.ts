/**
 * Every text detector, and a whole shipped policy, takes time in proportion to the text: doubling a long
 * message about doubles the time (quadratic growth would quadruple it). Ratios of medians, never times.
 */
import dict from 'dictionary-en';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { evalContext } from '../../src/runtime/context.js';
import * as detectors from '../../src/runtime/detectors/index.js';
import { detect, DETECTOR_NAMES } from '../../src/runtime/detect.js';
import { growthRatio } from '../reliability/growth.js';

// Sentences a seller writes, with now and then something a detector reports.
const SENTENCES = [
  'Your package left our warehouse today and should arrive within three days.',
  'We are sorry that the lamp arrived with a scratch on the base.',
  'Could you send us a photo of the damaged part?',
  'You can also write to us at support.team@examplestore.com for faster help.',
  'See our catalogue at https://www.examplestore.com/catalogue or examplestore.shop today.',
  'Call us any time on (555) 123-4567 if you have questions.',
  'Order 112-1234567-1234567 ships tomorrow 😀 <img src="https://x.example/p.gif" width="1" height="1">',
  'Click <a href="https://mail.example/unsubscribe">here to unsubscribe</a> from these emails.',
  'Please leave a 5-star review and we send you a free gift, if you are happy with it.',
  'The recieved parcle was fine.',
];

/** About `n` characters of message text. */
function message(n: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < n; i++) {
    const s = SENTENCES[(i * 7) % SENTENCES.length]!;
    parts.push(s);
    size += s.length + 1;
  }
  return parts.join(' ');
}

const speller = detectors.createSpeller(dict);
const N = 100_000;
// Linear growth gives about 2; quadratic gives 4.
const BOUND = 3;

describe('each detector grows linearly with the text', () => {
  // Every detector the runtime implements, as generated code calls it, so a new one cannot be left out.
  const ctx = evalContext({ asOf: null, dictionary: speller });
  const runs: Record<string, (text: string) => unknown> = {
    ...Object.fromEntries(DETECTOR_NAMES.map((name) => [name, (text: string) => detect(name, text, 'body', ctx)])),
    phrases: detectors.compilePhrases(['review*', 'five star', '5-star', 'free gift', 'a free', 'if you are happy', '好评']),
  };
  it('runs over the detectors the runtime implements (at least the nine it shipped with)', () => {
    expect(DETECTOR_NAMES).toEqual(expect.arrayContaining(['links', 'emails', 'phones', 'emoji', 'orderIds', 'images', 'optOutLinks', 'spelling', 'sentences']));
  });
  // The speller is slower per word: a shorter text keeps the test quick, though long enough (a few
  // milliseconds) to time steadily. The quick scans get longer texts, past the sizes where the engine's
  // own thresholds (string and array storage) make small texts noisy.
  const size: Record<string, number> = { spelling: (2 * N) / 5, emails: 4 * N, emoji: 4 * N, orderIds: 4 * N, images: 4 * N, sentences: 4 * N };
  for (const [name, run] of Object.entries(runs)) {
    it(name, () => {
      expect((run(message(size[name] ?? N)) as unknown[]).length).toBeGreaterThan(0);
      expect(growthRatio(run, message, size[name] ?? N, 5)).toBeLessThan(BOUND);
    });
  }
});

describe('a whole policy grows linearly with the message', () => {
  it('buyer-messaging on one long message', () => {
    const root = join(__dirname, '../../../..');
    const { policy } = compile(readFileSync(join(root, 'policies/buyer-messaging.policy'), 'utf8'));
    const ctx = evalContext({ asOf: Date.UTC(2026, 10, 20), dictionary: speller });
    const check = (body: string) => {
      const d = policy!.decode({ orderId: '112-1234567-1234567', subject: 'About your order', body, sentAt: '2026-11-18T10:00:00Z', orderCompletedAt: '2026-11-15' });
      if (!d.ok) throw new Error('the test message does not decode');
      return policy!.evaluate(d.value, ctx);
    };
    expect(check(message(N)).length).toBeGreaterThan(0);
    expect(growthRatio(check, message, N / 5, 3)).toBeLessThan(BOUND);
  }, 120_000);
});

describe('detectors on one long line', () => {
  // A phone number every 30 characters and no line break before the end: each candidate looks for the
  // line it is on, which must not mean searching the whole text back to its start.
  const line = (n: number) => 'Call (555) 123-4567 now please. '.repeat(Math.ceil(n / 32)).slice(0, n);
  it('phones', () => {
    expect(detectors.phones(line(1_000)).length).toBeGreaterThan(0);
    expect(growthRatio((text) => detectors.phones(text), line, 400_000, 3)).toBeLessThan(BOUND);
  }, 120_000);
});
