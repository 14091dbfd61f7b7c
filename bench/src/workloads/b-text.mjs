/**
 * Workload B1: messages, five rules a regular expression can state (an
 * email address, a web link, a US phone number, a discount, a request to
 * change a review). One pattern string per rule, the same for every engine
 * (it means the same in RE2 syntax, in JavaScript and in JSON Schema).
 * Workload B2: the full shipped buyer-messaging policy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@sellguard/core';
import { contextFor } from '@sellguard/core/node';
import { MESSAGES_AS_OF } from '../data/messages.mjs';
import { z } from 'zod';
import Ajv from 'ajv';
import { parse as celParse } from '@marcbachmann/cel-js';

export const TEXT_RULES = [
  ['email', String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`],
  ['link', String.raw`https?://[A-Za-z0-9.-]+`],
  ['phone', String.raw`\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}`],
  ['discount', String.raw`\b([Ss]ave|[Gg]et|[Ee]njoy|[Tt]ake)\s+(up\s+to\s+)?\d{1,2}\s?%`],
  ['review-change', String.raw`\b([Uu]pdat|[Cc]hang|[Rr]emov|[Dd]elet|[Rr]evis|[Ee]dit)[a-z]*\s+(your|the|this|that)\s+(review|rating|feedback)`],
];

/** The five rules as a policy, through find(). */
export function findPolicySource() {
  const rules = TEXT_RULES.map(([id, re]) => `rule ${id} error "found {matched}" {\n  forbid find(body, ${JSON.stringify(re)})\n}`);
  return `policy text "Text rules"\n  input Message\n\nrecord Message {\n  orderId: string\n  body: text\n}\n\n${rules.join('\n\n')}\n`;
}

/** The same intent with Sellguard's own detectors where it has one (emails, links, phones). */
function detectorPolicySource() {
  const find = (id) => JSON.stringify(TEXT_RULES.find(([i]) => i === id)[1]);
  return `policy text "Text rules"\n  input Message\n\nrecord Message {\n  orderId: string\n  body: text\n}\n
rule email error "found {matched}" { forbid emails(body) }
rule link error "found {matched}" { forbid links(body) }
rule phone error "found {matched}" { forbid phones(body) }
rule discount error "found {matched}" { forbid find(body, ${find('discount')}) }
rule review-change error "found {matched}" { forbid find(body, ${find('review-change')}) }
`;
}

function compiled(source) {
  const { policy, diagnostics } = compile(source);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`benchmark policy does not compile: ${errors[0].message}`);
  return { policy, ctx: contextFor([policy], { asOf: MESSAGES_AS_OF }) };
}

const RULE_IDS = TEXT_RULES.map(([id]) => `text/${id}`);

/** The floor: JSON.parse, then one RegExp test per rule. */
export function floorText() {
  const res = TEXT_RULES.map(([, re]) => new RegExp(re));
  return (line) => {
    const m = JSON.parse(line);
    const body = typeof m.body === 'string' ? m.body : '';
    const out = [];
    for (let k = 0; k < res.length; k++) if (res[k].test(body)) out.push({ rule: RULE_IDS[k], path: 'body' });
    return out;
  };
}

export function textContenders() {
  const viaFind = compiled(findPolicySource());
  const viaDetectors = compiled(detectorPolicySource());
  const sellguard = ({ policy, ctx }) => (line) => {
    const d = policy.decode(JSON.parse(line));
    return d.ok ? policy.evaluate(d.value, ctx) : [{ rule: 'invalid', path: '' }];
  };
  const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
  const validate = ajv.compile({
    type: 'object',
    required: ['orderId', 'body'],
    properties: { orderId: { type: 'string' }, body: { type: 'string', allOf: TEXT_RULES.map(([, re]) => ({ not: { pattern: re } })) } },
  });
  const cel = TEXT_RULES.map(([, re]) => celParse(`body.matches(${JSON.stringify(re)})`));
  const zMessage = z.object({ orderId: z.string(), body: z.string() });
  const res = TEXT_RULES.map(([, re]) => new RegExp(re));
  return [
    { name: 'hand-written RegExp (floor)', check: floorText() },
    { name: 'Sellguard find()', check: sellguard(viaFind) },
    { name: 'Sellguard own detectors', check: sellguard(viaDetectors), noAgreement: true },
    {
      name: 'ajv (pattern)',
      check: (line) => {
        if (validate(JSON.parse(line))) return [];
        return validate.errors.filter((e) => e.keyword === 'not').map((e) => ({ rule: RULE_IDS[Number(e.schemaPath.split('/').at(-2))], path: 'body' }));
      },
    },
    {
      name: '@marcbachmann/cel-js (matches)',
      check: (line) => {
        const m = JSON.parse(line);
        const out = [];
        for (let k = 0; k < cel.length; k++) if (cel[k]({ body: m.body })) out.push({ rule: RULE_IDS[k], path: 'body' });
        return out;
      },
    },
    {
      name: 'zod safeParse + RegExp',
      check: (line) => {
        const p = zMessage.safeParse(JSON.parse(line));
        if (!p.success) return [{ rule: 'invalid', path: '' }];
        const out = [];
        for (let k = 0; k < res.length; k++) if (res[k].test(p.data.body)) out.push({ rule: RULE_IDS[k], path: 'body' });
        return out;
      },
    },
  ];
}

/** B2: the full shipped buyer-messaging policy, decode + evaluate. */
export function buyerMessaging(root) {
  const { policy, ctx } = compiled(readFileSync(join(root, 'policies/buyer-messaging.policy'), 'utf8'));
  return (line) => {
    const d = policy.decode(JSON.parse(line));
    return d.ok ? policy.evaluate(d.value, ctx) : [{ rule: 'invalid', path: '' }];
  };
}

/** Agreement key for B1: which rules fired (paths differ: spans vs whole field). */
export const rulesKey = (violations) => [...new Set(violations.map((v) => v.rule))].sort().join(' ');
