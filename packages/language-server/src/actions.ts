/**
 * Code actions for diagnostics whose help names the exact fix ("did you
 * mean `x`?", "write `==` …", a missing closing quote), and formatting.
 */
import { format } from '@sellguard/dsl';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export function quickFixes(uri: string, diagnostics: Diagnostic[], doc: TextDocument | undefined): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    const help = (d.data as { help?: string } | undefined)?.help ?? '';
    const edit = editFor(d, help, doc);
    if (!edit) continue;
    out.push({ title: edit.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [uri]: [edit.edit] } } });
  }
  return out;
}

function editFor(d: Diagnostic, help: string, doc: TextDocument | undefined): { title: string; edit: TextEdit } | undefined {
  // The checker quotes its suggestion in backticks, the parser in single quotes.
  const suggestion = /did you mean (?:`([^`]+)`|'([^']+)')\?/.exec(help);
  const guess = suggestion?.[1] ?? suggestion?.[2];
  if (guess) return { title: `Change to \`${guess}\``, edit: { range: d.range, newText: guess } };
  const operator = /^(?:write|use) `(==|!=|and|or|not)`/.exec(help);
  if (operator) return { title: `Write \`${operator[1]}\``, edit: { range: d.range, newText: spaced(operator[1], d, doc) } };
  const requoted = /^write (".*") instead of /.exec(help);
  if (requoted) return { title: `Write ${requoted[1]}`, edit: { range: d.range, newText: requoted[1] } };
  if (/^add '"' where the text ends/.test(help)) return { title: 'Close the text with "', edit: { range: { start: d.range.end, end: d.range.end }, newText: '"' } };
  return undefined;
}

/** A word operator replacing a symbol (`!x`, `a&&b`) needs spaces where the symbol touched its neighbours. */
function spaced(operator: string, d: Diagnostic, doc: TextDocument | undefined): string {
  if (!/^[a-z]+$/.test(operator) || !doc) return operator;
  const text = doc.getText();
  const before = text[doc.offsetAt(d.range.start) - 1];
  const after = text[doc.offsetAt(d.range.end)];
  const touches = (c: string | undefined) => c !== undefined && !/\s/.test(c);
  return `${touches(before) ? ' ' : ''}${operator}${touches(after) ? ' ' : ''}`;
}

/** One edit replacing the whole document, or none when the layout is already canonical or the file does not parse. */
export function formattingEdits(text: string, end: { line: number; character: number }): TextEdit[] {
  const result = format(text);
  if (!result.changed || result.diagnostics.some((d) => d.severity === 'error')) return [];
  return [{ range: { start: { line: 0, character: 0 }, end }, newText: result.text }];
}
