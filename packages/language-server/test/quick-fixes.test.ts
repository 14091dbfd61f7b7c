/**
 * Every kind of problem whose help says exactly what to write gets a quick
 * fix, and applying it over stdio gives back the policy as it should be:
 * one broken variant per kind, opened in `sellguard lsp`, all fixes applied.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeActionRequest, type TextEdit } from 'vscode-languageserver-protocol/node.js';
import { startClient, uri, type TestClient } from './lsp-client.js';

const GOOD = `policy notes "Note checks"
  input Note

record Note {
  subject: string
  body: text
  urgent: boolean = false
}

rule no-email error "No email addresses" {
  when not empty(body) and urgent == false
  forbid emails(body) or subject contains "mail me"
}
`;

/** [what is wrong, the text as written, the text once fixed (GOOD unless given)]. */
const BROKEN: Array<[string, string, string?]> = [
  ['a misspelt field', GOOD.replace('not empty(body)', 'not empty(bdy)')],
  ['a misspelt built-in', GOOD.replace('forbid emails(body)', 'forbid emals(body)')],
  ['a misspelt severity', GOOD.replace('no-email error', 'no-email eror')],
  ['a misspelt rule line', GOOD.replace('  forbid emails', '  forbd emails')],
  ['a misspelt declaration', GOOD.replace('record Note', 'recrd Note')],
  ['a single = in a condition', GOOD.replace('urgent == false', 'urgent = false')],
  ['=== for ==', GOOD.replace('urgent == false', 'urgent === false')],
  ['&& for and', GOOD.replace('body) and urgent', 'body) && urgent')],
  ['|| for or', GOOD.replace('(body) or subject', '(body) || subject')],
  ['! for not', GOOD.replace('when not empty', 'when !empty')],
  ['& for and', GOOD.replace('body) and urgent', 'body) & urgent')],
  ['&& touching its neighbours', GOOD.replace('body) and urgent', 'body)&&urgent')],
  ['| for or', GOOD.replace('(body) or subject', '(body) | subject')],
  ['!== for !=', GOOD.replace('urgent == false', 'urgent !== true'), GOOD.replace('urgent == false', 'urgent != true')],
  ['single quotes', GOOD.replace('"mail me"', "'mail me'")],
  ['a text missing its closing quote', GOOD.replace('"mail me"', '"mail me')],
];

let dir: string;
let client: TestClient;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sellguard-lsp-fixes-'));
  client = await startClient(dir);
});

afterAll(async () => {
  await client?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Applies non-overlapping edits, each within one line. */
function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  for (const e of [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)) {
    const line = lines[e.range.start.line];
    lines[e.range.start.line] = line.slice(0, e.range.start.character) + e.newText + line.slice(e.range.end.character);
  }
  return lines.join('\n');
}

describe('quick fixes over stdio', () => {
  it.each(BROKEN.map(([what, text, fixed], i) => [what, text, fixed ?? GOOD, i] as const))('fixes %s', async (_what, text, fixed, i) => {
    expect(text).not.toBe(fixed);
    const path = join(dir, `broken-${i}.policy`);
    const diagnostics = await client.open(path, text);
    expect(diagnostics.length).toBeGreaterThan(0);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri(path) }, range: diagnostics[0].range, context: { diagnostics } })) as Array<{
      edit: { changes: Record<string, TextEdit[]> };
    }>;
    expect(apply(text, actions.flatMap((a) => a.edit.changes[uri(path)]))).toBe(fixed);
    await client.closeDocument(path);
  });
});
