import { mapSpan, plainView } from './html.js';
import type { OrderIdMatch } from './types.js';
import { asText, finalize } from './util.js';

/** Amazon order id: 3-7-7 digits with hyphens, not inside a longer digit run. Fixed width, so linear. */
const ORDER_ID_RE = /(?<!\d)\d{3}-\d{7}-\d{7}(?!\d)/g;

/** Order ids in a plain string. Offsets are into `text`. */
export function findOrderIds(text: string): Array<{ start: number; end: number; orderId: string }> {
  const out: Array<{ start: number; end: number; orderId: string }> = [];
  const re = ORDER_ID_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, orderId: m[0] });
  return out;
}

/**
 * Amazon order ids (`123-1234567-1234567`) in the visible text. ASCII digits and hyphen-minus only;
 * a digit directly before or after (a longer run) disqualifies the match.
 */
export function orderIds(text: string): OrderIdMatch[] {
  const input = asText(text);
  if (input.length === 0) return [];
  const view = plainView(input);
  const out: OrderIdMatch[] = [];
  for (const o of findOrderIds(view.text)) {
    const [s, e] = mapSpan(view, o.start, o.end);
    out.push({ start: s, end: e, text: input.slice(s, e), orderId: o.orderId });
  }
  return finalize(out, input.length);
}
