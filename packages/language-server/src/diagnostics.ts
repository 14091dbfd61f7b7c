/** Checker diagnostics as LSP diagnostics: help on its own line, the code linking to its documentation. */
import type { Diagnostic as PolicyDiagnostic } from '@sellguard/dsl';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { uriOf, type Workspace } from './workspace.js';

const DOCS = 'https://github.com/sellguard/sellguard/blob/main/docs/diagnostics.md';

export function lspDiagnostics(path: string, diagnostics: PolicyDiagnostic[], ws: Workspace): Diagnostic[] {
  return diagnostics
    .filter((d) => !d.file || d.file === path)
    .map((d) => ({
      range: ws.range(path, d.span),
      severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      code: d.code,
      codeDescription: { href: `${DOCS}#${d.code.toLowerCase()}` },
      source: 'sellguard',
      message: d.help ? `${d.message}\n${d.help}` : d.message,
      ...(d.help ? { data: { help: d.help } } : {}),
      ...(d.related?.length
        ? { relatedInformation: d.related.map((r) => ({ message: r.message, location: { uri: uriOf(r.file ?? path), range: ws.range(r.file ?? path, r.span) } })) }
        : {}),
    }));
}
