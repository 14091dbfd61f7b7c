/**
 * Context-aware completion, as a table: a policy with `‸` where the cursor
 * is, and what must (and must not) be offered there. The expected labels are
 * read off the policy text by hand.
 */
import { describe, expect, it } from 'vitest';
import { completeAt } from '../src/index.js';

const POLICY = `policy media "Media"
  input Message

enum Purpose { order_issue, invoice, promotion, other }

## A file attached to the message.
record Attachment { fileName: string  kind: enum(instructions, warranty, invoice, other) = "other" }
record Image { src: string  width: number?  owner: Owner? }
record Owner { name: string  verified: boolean = false }
record Message {
  body: text
  purpose: Purpose = "other"
  attachments: list<Attachment> = []
  images: list<Image> = []
}

const maxAttachments = 3
phrases marketing = ["coupon", "promo code"]
let cover = first(images)

rule example-rule error "A rule" {
  ‸
}
`;

/** The labels offered with `typed` in place of the cursor mark, and where the replaced word starts. */
function offered(typed: string, policy = POLICY): { labels: string[]; from: number; inserts: Record<string, string> } {
  const at = policy.indexOf('‸');
  const text = policy.slice(0, at) + typed + policy.slice(at + 1);
  const offset = at + typed.length;
  const { from, items } = completeAt(text, offset, { fileName: 'media.policy' });
  return { labels: items.map((i) => i.label), from: from - offset, inserts: Object.fromEntries(items.filter((i) => i.insert).map((i) => [i.label, i.insert!])) };
}

const IMAGE = ['src', 'width', 'owner'];
const ATTACHMENT = ['fileName', 'kind'];
const OWNER = ['name', 'verified'];
const PURPOSES = ['order_issue', 'invoice', 'promotion', 'other'];

describe('completion after a dot', () => {
  it.each([
    ['a quantifier variable over a list of records', 'forbid any a in attachments: a.', ATTACHMENT],
    ['a variable while its field name is half typed', 'forbid any a in attachments: a.fil', ATTACHMENT],
    ['a nested record', 'forbid any i in images: i.owner.', OWNER],
    ['an item taken from a list by index', 'forbid images[0].', IMAGE],
    ['a let of record type', 'forbid cover.', IMAGE],
    ['a rule-wide each variable', 'each i in images\n  forbid i.', IMAGE],
    ['a detector match', 'forbid any e in emails(body): e.', ['text', 'start', 'end', 'path', 'address', 'obfuscated']],
  ])('offers exactly the fields of %s', (_what, typed, fields) => {
    expect(offered(typed).labels.sort()).toEqual([...fields].sort());
  });

  it('replaces only the half-typed name after the dot', () => {
    expect(offered('forbid any a in attachments: a.fil').from).toBe(-'fil'.length);
  });
});

describe('completion where an enum is expected', () => {
  it('offers the members, quoted, after == against an enum field', () => {
    const { labels, inserts } = offered('forbid purpose == ');
    expect(labels).toEqual(PURPOSES);
    expect(inserts.promotion).toBe('"promotion"');
  });
  it('offers the members bare once the quote is open, after != on a field of a variable', () => {
    const { labels, inserts } = offered('forbid any a in attachments: a.kind != "');
    expect(labels).toEqual(['instructions', 'warranty', 'invoice', 'other']);
    expect(inserts).toEqual({});
  });
  it('offers the members not yet listed inside in [...]', () => {
    expect(offered('forbid purpose in ["promotion", ').labels).toEqual(['order_issue', 'invoice', 'other']);
  });
  it('offers the members inside a list written over several lines', () => {
    expect(offered('forbid purpose in [\n    "invoice",\n    "').labels).toEqual(['order_issue', 'promotion', 'other']);
  });
});

describe('completion where an expression is expected', () => {
  const { labels } = offered('forbid ');
  it('offers built-ins, the input record’s fields, constants and lets', () => {
    expect(labels).toEqual(expect.arrayContaining(['trim', 'count', 'emails', 'phrases', 'body', 'purpose', 'attachments', 'images', 'maxAttachments', 'cover', 'not', 'any']));
  });
  it('gives each built-in its signature and an example', () => {
    const { items } = completeAt(POLICY.replace('‸', 'forbid '), POLICY.indexOf('‸') + 'forbid '.length);
    const trim = items.find((i) => i.label === 'trim');
    expect(trim).toMatchObject({ kind: 'function', detail: 'trim(text)', call: true });
    expect(trim?.documentation).toContain('Example: empty(trim(orderId))');
    expect(items.find((i) => i.label === 'join')?.detail).toBe('join(list, separator?)');
  });
  it('does not offer statement keywords, records or fields of other records', () => {
    for (const absent of ['rule', 'forbid', 'record', 'Image', 'fileName', 'src']) expect(labels).not.toContain(absent);
  });
  it('offers quantifier variables only inside their quantifier', () => {
    expect(offered('forbid any a in attachments: ').labels).toContain('a');
    expect(offered('forbid (any a in attachments: a.kind == "other") and ').labels).not.toContain('a');
  });
  it('offers only phrase lists as the second argument of phrases()', () => {
    expect(offered('forbid phrases(body, ').labels).toEqual(['marketing']);
  });
  it('offers an expression on a line that continues the one before', () => {
    expect(offered('forbid emails(body) and\n    ').labels).toContain('body');
  });
});

describe('completion where a statement starts', () => {
  it('offers the statements of a rule inside a rule', () => {
    const { labels } = offered('');
    expect(labels.sort()).toEqual(['each', 'fix', 'forbid', 'hint', 'require', 'source', 'when']);
  });
  it('offers the top-level declarations between declarations', () => {
    const text = POLICY.replace('‸', 'forbid emails(body)') + '\n';
    const { items } = completeAt(text, text.length);
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['record', 'enum', 'const', 'let', 'phrases', 'metric', 'rule', 'example']));
    expect(items.map((i) => i.label)).not.toContain('forbid');
  });
});

describe('completion in an example’s given data', () => {
  const example = (typed: string) => {
    const text = POLICY.replace('‸', 'forbid emails(body)') + `\nexample "one" {\n  given { ${typed}`;
    return completeAt(text, text.length, { fileName: 'media.policy' }).items;
  };
  it('offers the input record’s fields not written yet, each with its colon', () => {
    const items = example('body: "hi, there", ');
    expect(items.map((i) => i.label)).toEqual(['purpose', 'attachments', 'images']);
    expect(items[0].insert).toBe('purpose: ');
  });
  it('offers the members of an enum field after its key', () => {
    expect(example('purpose: "').map((i) => i.label)).toEqual(PURPOSES);
  });
  it('offers nothing inside a text value', () => {
    expect(example('body: "hi, ').map((i) => i.label)).toEqual([]);
  });
});

describe('no completion inside text that is not code', () => {
  it.each([
    ['a string', 'forbid body contains "free ship'],
    ['a comment', '# check the body for coup'],
    ['a comment after code', 'forbid emails(body) # addresses like na'],
    ['a string after an escaped quote', 'forbid body contains "say \\"hel'],
    ['a raw string', 'forbid find(body, r"(?i)free \\d'],
  ])('offers nothing inside %s', (_what, typed) => {
    expect(offered(typed).labels).toEqual([]);
  });
  it('offers an expression inside a message’s braces, and after a message with braces on the same line', () => {
    const text = POLICY.replace('rule example-rule error "A rule" {\n  ‸', 'rule example-rule error "Found {count(emails(body))} addresses" { forbid ');
    const afterMessage = completeAt(text, text.indexOf('{ forbid ') + '{ forbid '.length).items.map((i) => i.label);
    expect(afterMessage).toEqual(expect.arrayContaining(['body', 'emails']));
    const inBraces = completeAt(text, text.indexOf('count(emails(') + 'count('.length).items.map((i) => i.label);
    expect(inBraces).toEqual(expect.arrayContaining(['body', 'emails']));
    expect(completeAt(text, text.indexOf('addresses"') + 3).items).toEqual([]);
  });
  it('offers nothing in the middle of a finished string, nor in a rule message', () => {
    const text = POLICY.replace('‸', 'forbid body contains "free gift"');
    expect(completeAt(text, text.indexOf('free gift') + 4).items).toEqual([]);
    expect(completeAt(text, text.indexOf('"A rule"') + 3).items).toEqual([]);
  });
});
