/**
 * Code actions for diagnostics whose help names the exact fix ("did you
 * mean `x`?", "write `==` …", a missing closing quote), and formatting.
 */
import { format } from '@sellguard/dsl';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';

export function quickFixes(uri: string, diagnostics: Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    const help = (d.data as { help?: string } | undefined)?.help ?? '';
    const edit = editFor(d, help);
    if (!edit) continue;
    out.push({ title: edit.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [uri]: [edit.edit] } } });
  }
  return out;
}

function editFor(d: Diagnostic, help: string): { title: string; edit: TextEdit } | undefined {
  // The checker quotes its suggestion in backticks, the parser in single quotes.
  const suggestion = /did you mean (?:`([^`]+)`|'([^']+)')\?/.exec(help);
  const guess = suggestion?.[1] ?? suggestion?.[2];
  if (guess) return { title: `Change to \`${guess}\``, edit: { range: d.range, newText: guess } };
  const operator = /^(?:write|use) `(==|!=|and|or|not)`/.exec(help);
  if (operator) return { title: `Write \`${operator[1]}\``, edit: { range: d.range, newText: operator[1] } };
  const requoted = /^write (".*") instead of /.exec(help);
  if (requoted) return { title: `Write ${requoted[1]}`, edit: { range: d.range, newText: requoted[1] } };
  if (/^add '"' where the text ends/.test(help)) return { title: 'Close the text with "', edit: { range: { start: d.range.end, end: d.range.end }, newText: '"' } };
  return undefined;
}

/** One edit replacing the whole document, or none when the layout is already canonical or the file does not parse. */
export function formattingEdits(text: string, end: { line: number; character: number }): TextEdit[] {
  const result = format(text);
  if (!result.changed || result.diagnostics.some((d) => d.severity === 'error')) return [];
  return [{ range: { start: { line: 0, character: 0 }, end }, newText: result.text }];
}
