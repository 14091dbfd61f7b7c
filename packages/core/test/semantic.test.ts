/** The semantic model: each name use points at its declaration, with the type the checker gave it. */
import { describe, expect, it } from 'vitest';
import { analyze, analyzeSemantics, describeType } from '../src/index.js';

const SOURCE = `policy media "Media"
  input Message
record Attachment { kind: enum(invoice, other) = "other" }
record Image { kind: enum(brand, product) = "product"  width: number? }
record Message { body: text  attachments: list<Attachment> = []  images: list<Image> = [] }
const maxWidth = 1200
rule wide-brand error "A brand image is too wide" {
  forbid any i in images: i.kind == "brand" and i.width > maxWidth
}
example "narrow" {
  given { body: "hi", images: [{ kind: "brand", width: 10 }] }
  expect not wide-brand
}
`;
const at = (needle: string, shift = 0) => SOURCE.indexOf(needle) + shift;

describe('the semantic model', () => {
  // Analysed inside each test, not once for all: mutation testing then knows which tests run the checker.
  const analysed = () => analyzeSemantics(SOURCE);
  it('checks the policy without problems', () => expect(analysed().diagnostics).toEqual([]));

  it('links a member to the field of the record the object has, not another record with the same field', () => {
    const found = analysed().model.at('', at('i.kind', 2));
    expect(found?.decl).toMatchObject({ kind: 'field', name: 'kind', parent: 'Image', span: { start: at('kind: enum(brand') } });
    expect(describeType(found!.type!)).toBe('one of brand, product');
  });

  it('links a quantifier variable, a constant, a rule id in an example and a field key in example data', () => {
    expect(analysed().model.at('', at('i.width'))?.decl).toMatchObject({ kind: 'variable', name: 'i', span: { start: at('any i in') + 4 } });
    expect(analysed().model.at('', at('> maxWidth', 2))?.decl).toMatchObject({ kind: 'const', span: { start: at('const maxWidth') + 6 } });
    expect(analysed().model.at('', at('not wide-brand', 4))?.decl).toMatchObject({ kind: 'rule', span: { start: at('rule wide-brand') + 5 } });
    expect(analysed().model.at('', at('given { body', 8))?.decl).toMatchObject({ kind: 'field', parent: 'Message', name: 'body' });
  });

  it('lists every reference of a declaration', () => {
    const images = analysed().model.decls.find((d) => d.kind === 'record' && d.name === 'Image')!;
    expect(analysed().model.referencesOf(images).map((u) => u.span.start)).toEqual([at('list<Image>') + 5]);
  });

  it('gives the playground the right field on hover', () => {
    expect(analyze(SOURCE).hover(at('i.kind', 2))?.text).toBe('field Image.kind: one of brand, product, default "product"');
  });
});

describe('lets in the semantic model', () => {
  const TEXT = `policy media "Media"
  input Message
record Image { kind: enum(brand, product) = "product"  width: number? }
record Message { body: text  images: list<Image> = [] }
## The first image of the message, if any.
let cover = first(images)
let wideCover = cover.width > 1200
rule wide error "The cover is too wide" {
  forbid wideCover and cover.kind == "brand"
}
`;
  const { model, diagnostics } = analyzeSemantics(TEXT);
  const pos = (needle: string, shift = 0, from = 0) => TEXT.indexOf(needle, from) + shift;
  it('checks the policy without problems', () => expect(diagnostics).toEqual([]));

  it('declares each let with its type and documentation', () => {
    const cover = model.at('', pos('let cover', 4));
    expect(cover).toMatchObject({ isDeclaration: true, decl: { kind: 'let', name: 'cover', span: { start: pos('let cover', 4), end: pos('let cover', 9) }, doc: 'The first image of the message, if any.' } });
    expect(describeType(cover!.decl!.type!)).toBe('Image');
    expect(describeType(model.at('', pos('let wideCover', 4))!.decl!.type!)).toBe('boolean');
  });

  it('links every use of a let to its declaration, in other lets and in rules', () => {
    const cover = model.decls.find((d) => d.kind === 'let' && d.name === 'cover')!;
    expect(model.referencesOf(cover).map((u) => u.span.start)).toEqual([pos('cover.width'), pos('cover.kind')]);
    expect(model.at('', pos('forbid wideCover', 8))?.decl).toMatchObject({ kind: 'let', name: 'wideCover', span: { start: pos('let wideCover', 4) } });
  });

  it('links a field reached through a let of record type to that record', () => {
    expect(model.at('', pos('cover.kind', 7))?.decl).toMatchObject({ kind: 'field', parent: 'Image', name: 'kind' });
  });
});

describe('every kind of name a condition reads', () => {
  const POLICY = `policy shop "Shop"
  input Order
record Address { city: string }
record Order { id: string  qty: integer  note: text  ship: Address?  when: date }
const cap = 3
phrases promo = ["free gift"]
metric big-orders "Big orders" {
  count
  where qty > cap
}
rule many-big error "Too many big orders" {
  require big-orders < 10
}
rule r error "Order {id}" {
  forbid qty > cap and phrases(note, promo) and ship.city == "x"
  forbid any e in emails(note): e.address == "a"
}
`;
  const at = (needle: string, shift = 0) => POLICY.indexOf(needle) + shift;
  const use = (offset: number) => analyzeSemantics(POLICY).model.at('', offset);

  it('checks the policy without problems', () => expect(analyzeSemantics(POLICY).diagnostics).toEqual([]));

  it('links a field of the input record read by its bare name', () => {
    const found = use(at('forbid qty', 7));
    expect(found?.decl).toMatchObject({ kind: 'field', name: 'qty', parent: 'Order', span: { start: at('qty: integer') } });
    expect(describeType(found!.type!)).toBe('integer');
  });

  it('links a constant, a phrase list and a metric to their declarations', () => {
    expect(use(at('> cap and', 2))?.decl).toMatchObject({ kind: 'const', name: 'cap', span: { start: at('const cap') + 6 } });
    expect(use(at('note, promo', 6))?.decl).toMatchObject({ name: 'promo', span: { start: at('phrases promo') + 8 } });
    const metric = use(at('require big-orders', 8));
    expect(metric?.decl).toMatchObject({ kind: 'metric', name: 'big-orders', span: { start: at('metric big-orders') + 7 } });
  });

  it('links a field of an optional record to that record, and gives a detector match field its type', () => {
    const city = use(at('ship.city', 5));
    expect(city?.decl).toMatchObject({ kind: 'field', name: 'city', parent: 'Address' });
    expect(describeType(city!.type!)).toBe('string');
    const address = use(at('e.address', 2));
    expect(address?.decl).toBeUndefined();
    expect(address && describeType(address.type!)).toBe('string');
  });
});
