/**
 * The examples docs/diagnostics.md gives for names (SG2xxx) and types
 * (SG3xxx) are true: each mistake it shows gives that code, and each fix it
 * shows does not. Examples are read from the page: code blocks whose lines end
 * in `# error: ...` and `# fixed`, and inline pairs written `mistake` → `fix`;
 * single inline mistakes are listed here and must appear on the page.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.js';

const root = resolve(import.meta.dirname, '../../..');
const doc = readFileSync(resolve(root, 'docs/diagnostics.md'), 'utf8');

const HEADER = `policy demo "Demo" source "tests"
record Attachment { fileName: string  kind: enum(instructions, warranty, invoice, other) = "other" }
record Message {
  orderId: string
  purpose: enum(order_issue, review_request, promotion, other) = "other"
  body: text
  sentAt: datetime?
  orderCompletedAt: date?
  attachments: list<Attachment> = []
  priorReviewRequests: list<datetime> = []
}
rule email-address error "Remove the email address" {
  forbid emails(body)
}
`;

/** The places a snippet can stand in a policy: a rule line, a condition, a record field, an example line, a declaration of its own. */
const PLACES: Array<(snippet: string) => string> = [
  (s) => `rule r error "m" {\n  ${s}\n}\n`,
  (s) => `rule r error "m" {\n  forbid ${s}\n}\n`,
  (s) => `rule r error "m" {\n  forbid (${s}) == (${s})\n}\n`,
  (s) => `record Extra {\n  ${s}\n}\n`,
  (s) => `example "e" {\n  given { orderId: "1", body: "" }\n  ${s}\n}\n`,
  (s) => `${s}\n`,
];

/** The codes a snippet gives in each place. */
function codesIn(snippet: string): Set<string>[] {
  return PLACES.map((place) => new Set(compile(HEADER + place(snippet)).diagnostics.map((d) => d.code)));
}

interface Example {
  code: string;
  mistake: string;
  fix?: string;
}

const entries = [...doc.matchAll(/^### (SG[23]\d\d\d)\b[^\n]*\n([\s\S]*?)(?=^### |^## |(?![\s\S]))/gm)].map((m) => ({ code: m[1], body: m[2] }));

function examplesOf(code: string, body: string): Example[] {
  const out: Example[] = [];
  for (const block of body.matchAll(/```\n([\s\S]*?)```/g)) {
    const lines = block[1].split('\n');
    const mistake = lines.find((l) => /#\s*error/.test(l));
    const fix = lines.find((l) => /#\s*fixed/.test(l));
    if (mistake) out.push({ code, mistake: mistake.replace(/#.*$/, '').trim(), ...(fix ? { fix: fix.replace(/#.*$/, '').trim() } : {}) });
  }
  for (const pair of body.matchAll(/`([^`]+)`\s*→\s*`([^`]+)`/g)) out.push({ code, mistake: pair[1], fix: pair[2] });
  return out;
}

const fromPage = entries.flatMap((e) => examplesOf(e.code, e.body));

/** Mistakes the page shows inline without a fix next to them. */
const INLINE: Example[] = [
  { code: 'SG2010', mistake: 'a.kindd' },
  { code: 'SG2011', mistake: 'sentAt-orderCompletedAt', fix: 'sentAt - orderCompletedAt' },
  { code: 'SG2015', mistake: 'expect emial-address' },
  { code: 'SG3002', mistake: 'orderCompletedAt + 30' },
  { code: 'SG3005', mistake: 'days("x")' },
  { code: 'SG3005', mistake: 'emails(priorReviewRequests)' },
  { code: 'SG3006', mistake: 'purpose == "promo"' },
  { code: 'SG3009', mistake: 'retries: integer = "none"' },
];

describe('docs/diagnostics.md, names and types', () => {
  it('has a section for each, with examples read from code blocks and arrows', () => {
    expect(doc).toContain('\n## Names and imports (SG2xxx)\n');
    expect(doc).toContain('\n## Types (SG3xxx)\n');
    expect(fromPage.map((e) => e.code)).toEqual(['SG2001', 'SG2003', 'SG2012', 'SG2018', 'SG3001', 'SG3003']);
  });

  for (const example of INLINE) {
    it(`${example.code}: the page shows \`${example.mistake}\``, () => {
      const entry = entries.find((e) => e.code === example.code);
      expect(entry?.body).toContain(`\`${example.mistake}\``);
      if (example.fix) expect(entry?.body).toContain(`\`${example.fix}\``);
    });
  }

  for (const { code, mistake, fix } of [...fromPage, ...INLINE]) {
    it(`${code}: ${mistake} gives ${code}${fix ? `, ${fix} does not` : ''}`, () => {
      const seen = codesIn(mistake.startsWith('a.') ? `any a in attachments: ${mistake} == "x"` : mistake);
      const where = seen.findIndex((codes) => codes.has(code));
      expect(where, `${mistake} does not give ${code} in any place`).toBeGreaterThanOrEqual(0);
      if (fix === undefined) return;
      const fixed = codesIn(fix);
      expect(fixed[where].has(code), `${fix} still gives ${code}`).toBe(false);
      expect(fixed.some((codes) => codes.size === 0), `${fix} gives an error wherever it stands`).toBe(true);
    });
  }
});
