/**
 * More of what an editor asks `sellguard lsp` over stdio: lets (hover,
 * definition, references, rename, semantic tokens), built-in hover with an
 * example, folding, the missing-quote quick fix, and completion in the
 * shipped buyer-messaging policy. Positions are found in the text by hand.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  FoldingRangeRequest,
  HoverRequest,
  ReferencesRequest,
  RenameRequest,
  SemanticTokensRequest,
  type CompletionItem,
  type CompletionList,
  type Location,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node.js';
import { positionOf, startClient, uri, type TestClient } from './lsp-client.js';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');
const SHIPPED = resolve(import.meta.dirname, '../../../policies/buyer-messaging.policy');

const LETS = `policy lets "Let checks"
  input Note

import { Attachment } from "./common.policy"

record Note {
  body: text
  attachments: list<Attachment> = []
}

## The first attachment, if any.
let firstFile = first(attachments)
let invoiceFirst = firstFile.kind == "invoice"

rule invoice-first warning "An invoice comes first" {
  forbid invoiceFirst and firstFile.fileName != ""
}
`;

let dir: string;
let client: TestClient;
let lets: string;
const labels = (r: CompletionItem[] | CompletionList | null) => (Array.isArray(r) ? r : (r?.items ?? [])).map((i) => i.label);
const hoverText = async (path: string, text: string, needle: string, shift: number) =>
  ((await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri(path) }, position: positionOf(text, needle, shift) }))?.contents as MarkupContent | undefined)?.value ?? '';

/** Applies LSP edits to a text (edits on one line each, as rename produces). */
function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  for (const e of [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)) {
    const line = lines[e.range.start.line];
    lines[e.range.start.line] = line.slice(0, e.range.start.character) + e.newText + line.slice(e.range.end.character);
  }
  return lines.join('\n');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sellguard-lsp-features-'));
  cpSync(FIXTURES, dir, { recursive: true });
  lets = join(dir, 'lets.policy');
  client = await startClient(dir);
  expect(await client.open(lets, LETS)).toEqual([]);
});

afterAll(async () => {
  await client?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('lets over stdio', () => {
  it('shows a let’s type and documentation on hover over a use', async () => {
    const value = await hoverText(lets, LETS, 'firstFile.kind', 2);
    expect(value).toContain('let firstFile: Attachment');
    expect(value).toContain('The first attachment, if any.');
  });

  it('goes from a use to the let’s declaration', async () => {
    const target = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri(lets) }, position: positionOf(LETS, 'forbid invoiceFirst', 'forbid '.length + 3) })) as Location;
    expect(target.uri).toBe(uri(lets));
    expect(target.range.start).toEqual(positionOf(LETS, 'let invoiceFirst', 'let '.length));
  });

  it('finds every use of a let, in another let and in a rule', async () => {
    const refs = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uri(lets) },
      position: positionOf(LETS, 'let firstFile', 'let '.length),
      context: { includeDeclaration: false },
    })) as Location[];
    const starts = refs.map((r) => r.range.start).sort((a, b) => a.line - b.line);
    expect(starts).toEqual([positionOf(LETS, 'firstFile.kind'), positionOf(LETS, 'firstFile.fileName')]);
  });

  it('renames a let at its declaration and every use', async () => {
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uri(lets) }, position: positionOf(LETS, 'firstFile.fileName', 1), newName: 'leadFile' });
    expect(Object.keys(edit?.changes ?? {})).toEqual([uri(lets)]);
    expect(apply(LETS, edit!.changes![uri(lets)])).toBe(LETS.replaceAll('firstFile', 'leadFile'));
  });

  it('colours lets as read-only variables and built-ins as functions', async () => {
    const { data } = (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: uri(lets) } })) ?? { data: [] };
    // LSP's relative encoding: line delta, start delta (from the previous token on the same line), length, type, modifiers.
    const tokens: Array<{ line: number; character: number; length: number; type: number; mods: number }> = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      tokens.push({ line, character, length: data[i + 2], type: data[i + 3], mods: data[i + 4] });
    }
    const at = (needle: string, shift = 0) => tokens.find((t) => t.line === positionOf(LETS, needle, shift).line && t.character === positionOf(LETS, needle, shift).character);
    // The legend the server announces: types [type, enum, property, variable, function, event], modifiers [declaration, readonly].
    expect(at('let firstFile', 4)).toEqual({ ...positionOf(LETS, 'let firstFile', 4), length: 'firstFile'.length, type: 3, mods: 1 | 2 });
    expect(at('forbid invoiceFirst', 7)).toEqual({ ...positionOf(LETS, 'forbid invoiceFirst', 7), length: 'invoiceFirst'.length, type: 3, mods: 2 });
    expect(at('first(attachments)')).toEqual({ ...positionOf(LETS, 'first(attachments)'), length: 'first'.length, type: 4, mods: 0 });
    expect(at('firstFile.fileName', 'firstFile.'.length)).toEqual({ ...positionOf(LETS, 'firstFile.fileName', 'firstFile.'.length), length: 'fileName'.length, type: 2, mods: 0 });
  });
});

describe('more editor features over stdio', () => {
  it('shows a built-in’s signature, summary and an example on hover', async () => {
    const buyer = join(dir, 'buyer-messaging.policy');
    cpSync(SHIPPED, buyer);
    const text = readFileSync(buyer, 'utf8');
    await client.open(buyer);
    const value = await hoverText(buyer, text, 'trim(orderId)', 1);
    expect(value).toContain('trim(text)');
    expect(value).toContain('The text without leading and trailing spaces.');
    expect(value).toMatch(/Example:[\s\S]*empty\(trim\(orderId\)\)/);
  }, 120_000);

  it('folds each declaration that spans lines', async () => {
    const ranges = (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: uri(lets) } })) ?? [];
    const lines = LETS.split('\n');
    const from = (start: string) => lines.findIndex((l) => l.startsWith(start));
    const closing = (start: number) => lines.findIndex((l, i) => i > start && l === '}');
    const record = from('record Note');
    const rule = from('rule invoice-first');
    expect(ranges.map((r) => [r.startLine, r.endLine]).sort((a, b) => a[0] - b[0])).toEqual([
      [record, closing(record)],
      [rule, closing(rule)],
    ]);
  });

  it('offers to close a string left open', async () => {
    const text = LETS.replace('firstFile.fileName != ""', 'firstFile.fileName != "draft');
    const path = join(dir, 'open-string.policy');
    const diagnostics = await client.open(path, text);
    const open = diagnostics.find((d) => d.range.start.line === positionOf(text, '"draft').line);
    expect(open?.message).toBeTruthy();
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri(path) }, range: open!.range, context: { diagnostics: [open!] } })) as Array<{
      edit: { changes: Record<string, TextEdit[]> };
    }>;
    const fixed = apply(text, actions[0].edit.changes[uri(path)]);
    expect(fixed).toBe(LETS.replace('firstFile.fileName != ""', 'firstFile.fileName != "draft"'));
    await client.closeDocument(path);
  });

  it('offers the word the parser guessed for a misspelt severity and rule line', async () => {
    const text = LETS.replace('invoice-first warning', 'invoice-first warnign').replace('  forbid invoiceFirst', '  forbd invoiceFirst');
    const path = join(dir, 'misspelt.policy');
    const diagnostics = await client.open(path, text);
    expect(diagnostics.length).toBeGreaterThan(0);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri(path) }, range: diagnostics[0].range, context: { diagnostics } })) as Array<{
      edit: { changes: Record<string, TextEdit[]> };
    }>;
    const edits = actions.flatMap((a) => a.edit.changes[uri(path)]);
    expect(apply(text, edits)).toBe(LETS);
    await client.closeDocument(path);
  });

  it('completes the fields of an image after a dot in the buyer-messaging policy, and nothing inside its strings and comments', async () => {
    const shipped = readFileSync(SHIPPED, 'utf8');
    const text = `${shipped}\nrule wide-image warning "A wide image" {\n  forbid any i in images: i.\n}\n`;
    const path = join(dir, 'typing-buyer.policy');
    await client.open(path, text);
    const items = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri(path) }, position: positionOf(text, 'images: i.', 'images: i.'.length) });
    expect(labels(items).sort()).toEqual(['height', 'kind', 'linksTo', 'src', 'width']);
    const inString = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri(path) }, position: positionOf(text, '"A wide image"', 3) });
    expect(labels(inString)).toEqual([]);
    const inComment = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri(path) }, position: positionOf(text, "# Amazon's rules", 5) });
    expect(labels(inComment)).toEqual([]);
    await client.closeDocument(path);
  }, 120_000);

  it('completes enum members inside in [...]', async () => {
    const text = LETS.replace('let invoiceFirst = firstFile.kind == "invoice"', 'let invoiceFirst = firstFile.kind in ["invoice", ');
    const path = join(dir, 'typing-list.policy');
    await client.open(path, text);
    const position = positionOf(text, '["invoice", ', '["invoice", '.length);
    const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri(path) }, position })) as CompletionItem[];
    expect(labels(items)).toEqual(['instructions', 'warranty', 'other']);
    expect(items.map((i) => (i.textEdit as TextEdit).newText)).toEqual(['"instructions"', '"warranty"', '"other"']);
    await client.closeDocument(path);
  });
});
