/**
 * Buyer messages as sellers write them: greetings, order talk, and now and
 * then something Amazon forbids (an email address, an outside link, a phone
 * number, a discount, a request to change a review). One JSON object per
 * line, with the fields of policies/buyer-messaging.policy.
 */
import { seeded } from './random.mjs';

const OPENERS = ['Hello', 'Hi there', 'Dear customer', 'Good morning', 'Thank you for your order'];
const SENTENCES = [
  'Your package left our warehouse today and should arrive within three days.',
  'We are sorry that the lamp arrived with a scratch on the base.',
  'A replacement has been sent at no cost to you.',
  'Please let us know if the size does not fit.',
  'The instructions for assembly are included in the box.',
  'We have issued a full refund for the missing item.',
  'Could you send us a photo of the damaged part?',
  'The carrier reported a delay because of the weather.',
  'Your order was packed with extra care this time.',
  'We checked the serial number and it matches our records.',
];
const FORBIDDEN = [
  () => 'You can also write to us at support.team@examplestore.com for faster help.',
  () => 'See our full catalogue at https://www.examplestore.com/catalogue today.',
  () => 'Call us any time on (555) 123-4567 if you have questions.',
  (rnd) => `Save ${5 + rnd.int(40)}% on your next order with our code.`,
  () => 'Could you please update your review after we fixed the problem?',
  () => 'Track it on https://www.amazon.com/gp/your-account/order-history as usual.',
  () => 'Please remove the feedback once you receive the replacement.',
  (rnd) => `Get up to ${10 + rnd.int(50)} % off when you buy two.`,
];
const CLOSERS = ['Best regards, the Example Store team', 'Kind regards, Anna', 'Thanks again, Example Store'];

const DAY = 86_400_000;
const AS_OF = Date.UTC(2026, 10, 20);
/** The day the messages are checked as of. */
export const MESSAGES_AS_OF = AS_OF;

function orderId(rnd) {
  const d = (n) => String(rnd.int(10 ** n)).padStart(n, '0');
  return `${100 + rnd.int(900)}-${d(7)}-${d(7)}`;
}

/** `count` messages as JSON text lines, the same for the same seed. */
export function messages(count, seed = 7) {
  const rnd = seeded(seed);
  const lines = new Array(count);
  for (let i = 0; i < count; i++) {
    const id = orderId(rnd);
    const parts = [`${rnd.pick(OPENERS)},`];
    const n = 2 + rnd.int(5);
    for (let s = 0; s < n; s++) parts.push(rnd.chance(0.08) ? rnd.pick(FORBIDDEN)(rnd) : rnd.pick(SENTENCES));
    parts.push(rnd.pick(CLOSERS));
    const completed = AS_OF - rnd.int(40) * DAY;
    lines[i] = JSON.stringify({
      orderId: id,
      subject: `About your order ${id}`,
      body: parts.join(' '),
      sentAt: new Date(completed + rnd.int(10) * DAY).toISOString(),
      orderCompletedAt: new Date(completed).toISOString().slice(0, 10),
    });
  }
  return lines;
}

/** One message whose body is about `bytes` long, for the text-size scaling run. */
export function bigMessage(bytes, seed = 11) {
  const rnd = seeded(seed);
  const parts = [];
  let size = 0;
  while (size < bytes) {
    const s = rnd.chance(0.02) ? rnd.pick(FORBIDDEN)(rnd) : rnd.pick(SENTENCES);
    parts.push(s);
    size += s.length + 1;
  }
  return { orderId: '112-1234567-1234567', subject: 'About your order 112-1234567-1234567', body: parts.join(' '), sentAt: '2026-11-18T10:00:00Z', orderCompletedAt: '2026-11-15' };
}
