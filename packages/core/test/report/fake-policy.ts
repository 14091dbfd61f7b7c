/**
 * A hand-written CompiledPolicy for testing the runner and the reports
 * without the compiler. Rules:
 *   shop/email  error    every email address in `body` (one violation, a span per address, a fix)
 *   shop/caps   warning  every word of four or more capitals in `body`
 *   shop/note   info     the word "refund" anywhere (about the record as a whole: no path, no spans)
 *   shop/unused error    never fires
 * decode wants an object with a string `body`; evaluate throws on a body containing BOOM.
 */
import type { CompiledPolicy, DecodeResult, RuleInfo, Violation } from '../../src/types.js';

export const RULES: RuleInfo[] = [
  { id: 'email', fullId: 'shop/email', severity: 'error', message: 'Remove the email address {matched}', hint: 'Buyers reach you through Amazon messaging.', hasFix: true },
  { id: 'caps', fullId: 'shop/caps', severity: 'warning', message: 'Do not shout', hasFix: false },
  { id: 'note', fullId: 'shop/note', severity: 'info', message: 'Mentions a refund', hasFix: false },
  { id: 'unused', fullId: 'shop/unused', severity: 'error', message: 'Never fires', hasFix: false },
];

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const CAPS = /\b[A-Z]{4,}\b/g;

function spans(body: string, re: RegExp) {
  return [...body.matchAll(re)].map((m) => ({ path: 'body', start: m.index!, end: m.index! + m[0].length, text: m[0] }));
}

export function fakePolicy(overrides: Partial<CompiledPolicy> = {}): CompiledPolicy {
  return {
    id: 'shop',
    title: 'Shop rules',
    source: 'Seller Central',
    version: '2',
    recordType: 'Message',
    records: [{ name: 'Message', fields: [{ name: 'body', type: { kind: 'text' }, optional: false, hasDefault: false, aliases: [] }] }],
    rules: RULES,
    schema: undefined as unknown as CompiledPolicy['schema'],
    decode(raw: unknown): DecodeResult {
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        return { ok: false, problems: [{ path: '', message: `expected a record (an object), got ${Array.isArray(raw) ? 'a list' : typeof raw}` }] };
      }
      const body = (raw as { body?: unknown }).body;
      if (body === undefined) return { ok: false, problems: [{ path: 'body', message: 'is missing: expected text' }] };
      if (typeof body !== 'string') return { ok: false, problems: [{ path: 'body', message: `expected text, got ${typeof body}` }] };
      return { ok: true, value: { body } };
    },
    evaluate(record: unknown): Violation[] {
      const { body } = record as { body: string };
      if (body.includes('BOOM')) throw new Error('detector crashed');
      const out: Violation[] = [];
      const emails = spans(body, EMAIL);
      if (emails.length > 0) {
        out.push({
          rule: 'shop/email',
          severity: 'error',
          message: `Remove the email address ${emails.map((s) => s.text).join(', ')}`,
          path: 'body',
          spans: emails,
          hint: 'Buyers reach you through Amazon messaging.',
          fix: {
            kind: 'remove',
            description: emails.length === 1 ? `remove "${emails[0].text}"` : `remove ${emails.length} matches`,
            edits: emails.map((s) => ({ path: s.path, start: s.start, end: s.end, text: '' })),
          },
        });
      }
      const caps = spans(body, CAPS);
      if (caps.length > 0) out.push({ rule: 'shop/caps', severity: 'warning', message: 'Do not shout', path: 'body', spans: caps });
      if (/refund/i.test(body)) out.push({ rule: 'shop/note', severity: 'info', message: 'Mentions a refund', path: '', spans: [] });
      return out;
    },
    runExamples: () => [],
    usesToday: false,
    output: { module: '', commonjs: '', dts: '', schema: '' },
    ...overrides,
  };
}
