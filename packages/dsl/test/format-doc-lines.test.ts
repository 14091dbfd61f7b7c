/**
 * A `##` doc line belongs to the first thing on the line below it, so a file
 * with two fields on one line under a doc line formats (it used to be left
 * unchanged with SG1098, "please report this file").
 */
import { describe, expect, it } from 'vitest';
import { format, parse } from '../src/index.js';

const twoFieldsUnderDoc = (doc: string) => `policy p "P"\n  input R\n\nrecord R {\n  ${doc}\n  orderId: string purpose: string = "other"\n}\n`;

describe('a doc line above two fields on one line', () => {
  for (const doc of ['##', '## the order']) {
    it(`(${doc}) formats, documents the first field only, and formats again to the same text`, () => {
      const r = format(twoFieldsUnderDoc(doc));
      expect(r.diagnostics.map((d) => d.code)).toEqual([]);
      expect(r.text).toBe(`policy p "P"\n  input R\n\nrecord R {\n  ${doc}\n  orderId: string\n  purpose: string = "other"\n}\n`);
      expect(format(r.text)).toMatchObject({ text: r.text, changed: false, diagnostics: [] });
      const fields = parse(r.text).ast.declarations.flatMap((d) => (d.kind === 'RecordDecl' ? d.fields : []));
      expect(fields.map((f) => [f.name.text, f.doc])).toEqual([
        ['orderId', doc.slice(3)],
        ['purpose', null],
      ]);
    });
  }
});
