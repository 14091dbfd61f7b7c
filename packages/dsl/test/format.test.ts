import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { format, parse } from '../src/index.js';
import { meaning } from '../src/format.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
const sample = fixture('sample.policy');
const commented = fixture('comments.policy');

/** Formats, and checks the three promises: no diagnostics, same meaning, idempotent. */
function formatted(text: string): string {
  const once = format(text);
  expect(once.diagnostics).toEqual([]);
  expect(meaning(parse(once.text).ast)).toEqual(meaning(parse(text).ast));
  expect(format(once.text)).toEqual({ text: once.text, diagnostics: [], changed: false });
  return once.text;
}

describe('format', () => {
  it('is idempotent and keeps the meaning of the sample', () => {
    const out = formatted(sample);
    expect(out).not.toBe(sample);
    expect(format(sample).changed).toBe(true);
  });

  it('lays out the sample canonically', () => {
    const out = formatted(sample);
    // a blank line between all top-level declarations (the sample has none between its consts and examples)
    expect(out).toContain('const windowLength = 30 days\n\nconst maxRate: percent = 2.5%\n');
    expect(out).toContain('  expect nothing\n}\n');
    expect(out).toContain('}\n\nexample "clean" {\n');
    // an object that does not fit in 100 columns is broken one entry per line; one that fits stays
    expect(out).toContain(
      [
        '  given {',
        '    orderId: "112-1234567-1234567",',
        '    body: "write to a@b.com",',
        '    sentAt: "2026-01-02T10:00:00Z",',
        '    orderCompletedAt: 2026-01-01,',
        '    "odd key": -1.5,',
        '    attachments: [{ fileName: "x.pdf", kind: "other" }]',
        '  }',
      ].join('\n'),
    );
    expect(out).toContain('  given { orderId: "112-1234567-1234567", body: "Your parcel ships today." }\n');
    expect(out.endsWith('}\n')).toBe(true);
    for (const line of out.split('\n')) expect(line).toBe(line.trimEnd());
  });

  it('puts every comment back where it was', () => {
    const out = formatted(commented);
    expect(out).toBe(fixture('comments.formatted.policy'));
    const texts = (s: string) => parse(s).ast.comments.map((c) => c.text);
    expect(texts(out)).toEqual(texts(commented));
  });

  it('keeps doc comments attached', () => {
    const out = formatted('record   R {\n  ## the id\n  ## of the order\n     id:string\n}\n## E doc\nenum E{a,b}');
    expect(out).toBe('record R {\n  ## the id\n  ## of the order\n  id: string\n}\n\n## E doc\nenum E { a, b }\n');
    const rec = parse(out).ast.declarations[0];
    expect(rec.kind === 'RecordDecl' && rec.fields[0].doc).toBe('the id\nof the order');
  });

  it('normalizes spacing, indentation and separators', () => {
    expect(formatted('rule   r   error   "m"{when a==1   and(b<2)\nforbid   -x*3+y/2>=z  fix   replace"t"}')).toBe(
      'rule r error "m" {\n  when a == 1 and (b < 2)\n  forbid -x * 3 + y / 2 >= z\n  fix replace "t"\n}\n',
    );
    expect(formatted('record R{a:string,b:list<map<text>>?=[] from "x","y"}')).toBe(
      'record R {\n  a: string\n  b: list<map<text>>? = [] from "x", "y"\n}\n',
    );
    expect(formatted('import {A,B,} from "./x.policy"\nconst x=[1,2 ,3,]')).toBe('import { A, B } from "./x.policy"\n\nconst x = [1, 2, 3]\n');
  });

  it('keeps one blank line inside blocks where the author left blank lines', () => {
    expect(formatted('rule r "m" {\n\n  when a\n\n\n\n  forbid b\n  forbid c\n\n}\n')).toBe('rule r "m" {\n  when a\n\n  forbid b\n  forbid c\n}\n');
  });

  it('keeps string literals exactly as written', () => {
    const text = 'const a = "tab\\t \\u00e9 \\\\d"\n\nconst b = { "odd key": 1, plain: 2 }\n\nconst c = r"\\d{3} \\q \\n"\n';
    expect(formatted(text)).toBe(text);
  });

  it('fills long lists of plain values into lines of at most 100 columns, and keeps short ones on one line', () => {
    const items = Array.from({ length: 12 }, (_, i) => `"phrase number ${i}"`);
    const out = formatted(`phrases p = [${items.join(', ')}]\nconst short = [1, 2]\n`);
    // Each "phrase number N", is 19 or 20 characters: five fit on a 100-column line after the indent.
    const line = (from: number, to: number) => `  ${items.slice(from, to).join(', ')}${to < items.length ? ',' : ''}`;
    expect(out).toBe(`phrases p = [\n${line(0, 5)}\n${line(5, 10)}\n${line(10, 12)}\n]\n\nconst short = [1, 2]\n`);
    for (const l of out.split('\n')) expect(l.length).toBeLessThanOrEqual(100);
  });

  it('breaks long lists of expressions one item per line', () => {
    const items = Array.from({ length: 8 }, (_, i) => `lower(fieldNumber${i})`);
    const out = formatted(`const c = [${items.join(', ')}]\n`);
    expect(out).toBe(`const c = [\n${items.map((i) => `  ${i}`).join(',\n')}\n]\n`);
  });

  it('keeps nested lists flat when they fit inside a broken parent', () => {
    const out = formatted(`const c = { toys: ["CPC", "ASTM F963"], electronics: ["FCC", "CE", "RoHS"], jewelry: ["nickel-free", "lead-free"] }\n`);
    expect(out).toBe('const c = {\n  toys: ["CPC", "ASTM F963"],\n  electronics: ["FCC", "CE", "RoHS"],\n  jewelry: ["nickel-free", "lead-free"]\n}\n');
  });

  it('moves a comment inside a one-line expression to the end of the line', () => {
    expect(formatted('rule r "m" {\n  require a and # why\n    b\n}\n')).toBe('rule r "m" {\n  require a and b # why\n}\n');
  });

  it('formats empty input and comment-only input', () => {
    expect(format('')).toEqual({ text: '', diagnostics: [], changed: false });
    expect(formatted('# just a note\n\n\n# another\n')).toBe('# just a note\n\n# another\n');
  });

  it('returns input with syntax errors unchanged, with the diagnostics', () => {
    const broken = 'rule r critical "m" {\n   forbid x\n}\n';
    const r = format(broken);
    expect(r.text).toBe(broken);
    expect(r.changed).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['SG1005']);
  });
});

/** Every `*.policy` under the repository's `policies/` folder. */
function policyFiles(): string[] {
  const root = fileURLToPath(new URL('../../../policies', import.meta.url));
  if (!existsSync(root) || !statSync(root).isDirectory()) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.policy'))
    .sort()
    .map((f) => join(root, f));
}

describe('policies/ round trip', () => {
  const files = policyFiles();

  it(`finds the policies (${files.length} now)`, () => {
    const names = files.map((f) => f.slice(f.lastIndexOf('/') + 1));
    expect(names).toEqual(expect.arrayContaining(['account-health-orders.policy', 'buyer-messaging.policy', 'listing-defense.policy']));
  });

  for (const file of files) {
    it(file.slice(file.indexOf('policies')), () => {
      const text = readFileSync(file, 'utf8');
      const parsed = parse(text);
      const result = format(text);
      // A shipped policy reads without errors; a broken one would be left as it is and prove nothing here.
      expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(result.diagnostics.filter((d) => d.code === 'SG1098')).toEqual([]);
      expect(meaning(parse(result.text).ast)).toEqual(meaning(parsed.ast));
      expect(format(result.text).text).toBe(result.text);
    });
  }
});
