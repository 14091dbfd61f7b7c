/**
 * Drives `sellguard lsp` as an editor would: spawns it over stdio, speaks
 * JSON-RPC, opens the shipped buyer-messaging policy, a policy that imports
 * another file, and broken variants, and checks each answer against
 * positions found in the text by hand.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CodeLensRequest,
  ExecuteCommandRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  HoverRequest,
  ReferencesRequest,
  RenameRequest,
  SignatureHelpRequest,
  type CompletionItem,
  type CompletionList,
  type Location,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node.js';
import { CLI, positionOf, startClient, uri, type TestClient } from './lsp-client.js';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');
const SHIPPED = resolve(import.meta.dirname, '../../../policies/buyer-messaging.policy');

let dir: string;
let client: TestClient;
let main: string;
let common: string;
let buyer: string;
const read = (p: string) => readFileSync(p, 'utf8');
const labels = (r: CompletionItem[] | CompletionList | null) => (Array.isArray(r) ? r : (r?.items ?? [])).map((i) => i.label);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sellguard-lsp-'));
  cpSync(FIXTURES, dir, { recursive: true });
  cpSync(SHIPPED, join(dir, 'buyer-messaging.policy'));
  main = join(dir, 'main.policy');
  common = join(dir, 'common.policy');
  buyer = join(dir, 'buyer-messaging.policy');
  client = await startClient(dir);
});

afterAll(async () => {
  await client?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sellguard lsp over stdio', () => {
  it('reports no problems in the shipped policy and a misspelt field with a quick fix', async () => {
    expect(await client.open(buyer)).toEqual([]);
    const broken = read(buyer).replace('when not empty(orderId)', 'when not empty(orderI)');
    const brokenPath = join(dir, 'broken.policy');
    writeFileSync(brokenPath, broken);
    const diagnostics = await client.open(brokenPath);
    expect(diagnostics).toHaveLength(1);
    const [d] = diagnostics;
    expect(d.severity).toBe(1);
    expect(d.message).toContain('orderI');
    expect(d.codeDescription?.href).toMatch(/docs\/diagnostics\.md#sg\d{4}$/);
    expect(d.range.start).toEqual(positionOf(broken, 'orderI)'));
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri(brokenPath) },
      range: d.range,
      context: { diagnostics },
    });
    const edit = (actions as Array<{ edit?: { changes?: Record<string, Array<{ newText: string }>> } }>)[0]?.edit?.changes?.[uri(brokenPath)];
    expect(edit?.map((e) => e.newText)).toEqual(['orderId']);
    // Opening runs the shipped policy's examples (spelling dictionary included): slow on a busy machine.
  }, 120_000);

  it('offers `==` for a single `=` in a condition', async () => {
    const text = read(main).replace('a.kind == "other"', 'a.kind = "other"');
    const path = join(dir, 'single-equals.policy');
    const diagnostics = await client.open(path, text);
    const eq = diagnostics.find((d) => d.range.start.line === positionOf(text, ' = "other"').line);
    expect(eq).toBeDefined();
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri(path) }, range: eq!.range, context: { diagnostics: [eq!] } })) as Array<{
      edit: { changes: Record<string, Array<{ newText: string; range: { start: { character: number } } }>> };
    }>;
    const [change] = actions[0].edit.changes[uri(path)];
    expect(change.newText).toBe('==');
    expect(change.range.start.character).toBe(positionOf(text, '= "other"').character);
    await client.closeDocument(path);
  });

  it('shows the type and documentation of a field on hover', async () => {
    const text = read(buyer);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri(buyer) }, position: positionOf(text, 'empty(orderId)', 'empty('.length + 2) });
    const value = (hover?.contents as MarkupContent).value;
    expect(value).toContain('field Message.orderId: string');
    expect(value).toContain('17-digit Amazon order id');
  });

  it('shows rule metadata and built-in signatures on hover', async () => {
    const text = read(buyer);
    const onRule = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri(buyer) }, position: positionOf(text, 'rule order-id-missing', 6) });
    expect((onRule?.contents as MarkupContent).value).toContain('rule buyer-messaging/order-id-missing error');
    const onTrim = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri(buyer) }, position: positionOf(text, 'trim(orderId)', 1) });
    expect((onTrim?.contents as MarkupContent).value).toContain('trim(');
  });

  it('goes to a definition in the imported file', async () => {
    await client.open(main);
    const text = read(main);
    const onConst = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: uri(main) },
      position: positionOf(text, '<= maxAttachments', 4),
    })) as Location;
    expect(onConst.uri).toBe(uri(common));
    expect(onConst.range.start).toEqual(positionOf(read(common), 'maxAttachments'));
    const onField = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri(main) }, position: positionOf(text, 'a.kind', 3) })) as Location;
    expect(onField.uri).toBe(uri(common));
    expect(onField.range.start).toEqual(positionOf(read(common), 'kind:'));
  });

  it('finds the references of a record across files', async () => {
    await client.open(common);
    const refs = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uri(common) },
      position: positionOf(read(common), 'record Attachment', 'record '.length),
      context: { includeDeclaration: false },
    })) as Location[];
    const mainText = read(main);
    // The import line and the field's list type; not the title ("Attachment checks") nor maxAttachments.
    const expected = [positionOf(mainText, '{ Attachment,', 2), positionOf(mainText, 'list<Attachment>', 'list<'.length)].map((start) => ({ uri: uri(main), ...start }));
    expect(refs.map((r) => ({ uri: r.uri, line: r.range.start.line, character: r.range.start.character })).sort((a, b) => a.line - b.line)).toEqual(expected);
  });

  it('renames a constant in its file and where it is imported', async () => {
    const edit = await client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: uri(main) },
      position: positionOf(read(main), '<= maxAttachments', 4),
      newName: 'attachmentLimit',
    });
    const changes = edit?.changes ?? {};
    expect(Object.keys(changes).sort()).toEqual([uri(common), uri(main)].sort());
    const apply = (text: string, edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>) => {
      const lines = text.split('\n');
      for (const e of [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)) {
        const line = lines[e.range.start.line];
        lines[e.range.start.line] = line.slice(0, e.range.start.character) + e.newText + line.slice(e.range.end.character);
      }
      return lines.join('\n');
    };
    expect(apply(read(main), changes[uri(main)])).toBe(read(main).replaceAll('maxAttachments', 'attachmentLimit'));
    expect(apply(read(common), changes[uri(common)])).toBe(read(common).replaceAll('maxAttachments', 'attachmentLimit'));
  });

  it('completes the fields of the record in scope after a dot', async () => {
    const text = read(main).replace('a.kind == "other"', 'a.');
    const path = join(dir, 'typing-dot.policy');
    await client.open(path, text);
    const items = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri(path) }, position: positionOf(text, 'a.', 2) });
    expect(labels(items).sort()).toEqual(['fileName', 'kind']);
    await client.closeDocument(path);
  });

  it('completes enum members after ==', async () => {
    const text = read(main).replace('a.kind == "other"', 'a.kind == "');
    const path = join(dir, 'typing-enum.policy');
    await client.open(path, text);
    const items = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri(path) }, position: positionOf(text, 'a.kind == "', 'a.kind == "'.length) });
    expect(labels(items)).toEqual(['instructions', 'warranty', 'invoice', 'other']);
    await client.closeDocument(path);
  });

  it('shows the parameters of a built-in while its arguments are typed', async () => {
    const text = read(buyer);
    const help = await client.connection.sendRequest(SignatureHelpRequest.type, { textDocument: { uri: uri(buyer) }, position: positionOf(text, 'phrases(body, marketing)', 'phrases(body, '.length) });
    expect(help?.signatures[0].label).toBe('phrases(text, phraseList)');
    expect(help?.activeParameter).toBe(1);
  });

  it('completes keywords where a statement starts', async () => {
    const text = read(main).replace('  require count(attachments) <= maxAttachments\n', '  require count(attachments) <= maxAttachments\n  \n');
    const path = join(dir, 'typing-statement.policy');
    await client.open(path, text);
    const inRule = labels(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri(path) }, position: positionOf(text, 'maxAttachments\n  \n', 'maxAttachments\n  '.length) }));
    expect(inRule).toEqual(expect.arrayContaining(['when', 'require', 'forbid', 'hint', 'fix']));
    expect(inRule).not.toContain('record');
    const lastLine = text.split('\n').length - 1;
    const topLevel = labels(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri(path) }, position: { line: lastLine, character: 0 } }));
    expect(topLevel).toEqual(expect.arrayContaining(['record', 'rule', 'metric', 'example', 'const', 'phrases']));
    await client.closeDocument(path);
  });

  it('formats a badly laid out file back to the canonical layout', async () => {
    const canonical = read(main);
    const messy = canonical.replace('  require count', 'require   count').replace('policy attachments "Attachment checks"\n  input Note', 'policy attachments "Attachment checks"\ninput Note');
    const path = join(dir, 'messy.policy');
    await client.open(path, messy);
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: uri(path) }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toHaveLength(1);
    expect(edits![0].newText).toBe(canonical);
    expect(edits![0].range.end.line).toBe(messy.split('\n').length - 1);
    await client.closeDocument(path);
  });

  it('runs the examples: a failing one is a warning on the example, and each example has a lens saying how it went', async () => {
    const text = read(main).replace('  expect nothing', '  expect no-other');
    const path = join(dir, 'wrong-expectation.policy');
    const diagnostics = await client.open(path, text);
    const line = positionOf(text, 'example "one file"').line;
    expect(diagnostics.map((d) => ({ line: d.range.start.line, severity: d.severity }))).toEqual([{ line, severity: 2 }]);
    expect(diagnostics[0].message).toContain('the example "one file" fails');
    expect(diagnostics[0].message).toContain('no-other');
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uri(path) } });
    expect(lenses?.map((l) => ({ line: l.range.start.line, fails: l.command?.title.startsWith('✗') }))).toEqual([{ line, fails: true }]);
    await client.closeDocument(path);
    await client.open(main);
    const summary = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'sellguard.runExamples', arguments: [main] });
    expect(summary).toEqual({ passed: 1, failed: 0 });
  });

  it('lists the declarations of a file as its outline', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uri(main) } })) as Array<{ name: string; children?: Array<{ name: string }> }>;
    expect(symbols.map((s) => s.name)).toEqual(['Note', 'too-many', 'no-other', 'one file']);
    expect(symbols[0].children?.map((c) => c.name)).toEqual(['body', 'attachments']);
  });
});

describe('sellguard lsp as a process', () => {
  it('ends cleanly when the editor closes its input without saying goodbye', () => {
    const r = spawnSync(process.execPath, [CLI, 'lsp', '--stdio'], { input: '', encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});
