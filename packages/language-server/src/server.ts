/**
 * The Sellguard language server: wires the LSP requests to the features.
 * Everything runs on parse + check of the policy files; nothing is emitted
 * or executed, so a half-typed policy is always safe to analyse.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocumentSyncKind, TextDocuments, type Connection, type InitializeResult } from 'vscode-languageserver';
import { formattingEdits, quickFixes } from './actions.js';
import { complete } from './completion.js';
import { lspDiagnostics } from './diagnostics.js';
import { RUN_EXAMPLES, createExampleRunner, exampleDiagnostics, exampleLenses } from './examples.js';
import type { ExampleOutcome } from '@sellguard/core/node';
import { hover } from './hover.js';
import { signatureHelp } from './signature.js';
import { declarationAt, definition, references, rename } from './navigation.js';
import { TOKEN_MODIFIERS, TOKEN_TYPES, documentSymbols, foldingRanges, semanticTokens } from './outline.js';
import { createWorkspace, pathOf, uriOf } from './workspace.js';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const ws = createWorkspace(documents);
  const examples = createExampleRunner(ws);
  /** The last example results of each file, until its text changes. */
  const outcomes = new Map<string, ExampleOutcome[]>();

  connection.onInitialize((params): InitializeResult => {
    const roots = (params.workspaceFolders ?? []).map((f) => pathOf(f.uri));
    if (roots.length === 0 && params.rootUri) roots.push(pathOf(params.rootUri));
    ws.setRoots(roots);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        completionProvider: { triggerCharacters: ['.', ' ', '"', '['] },
        signatureHelpProvider: { triggerCharacters: ['(', ','] },
        documentFormattingProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [RUN_EXAMPLES] },
        semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: true },
      },
      serverInfo: { name: 'sellguard' },
    };
  });

  const runExamples = (path: string) => {
    const result = examples.run(path);
    if (result) outcomes.set(path, result);
    else outcomes.delete(path);
  };
  const publish = (uri: string) => {
    const path = pathOf(uri);
    const analysis = ws.analysis(path);
    if (!analysis) return;
    const failures = exampleDiagnostics(path, outcomes.get(path) ?? [], ws);
    void connection.sendDiagnostics({ uri, diagnostics: [...lspDiagnostics(path, analysis.diagnostics, ws), ...failures] });
  };
  // Examples run on open and save; an edit makes their results stale until the next save.
  const opening = new Set<string>();
  documents.onDidOpen((e) => {
    opening.add(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    const path = pathOf(e.document.uri);
    if (opening.has(e.document.uri)) runExamples(path);
    else outcomes.delete(path);
    opening.delete(e.document.uri);
    publish(e.document.uri);
  });
  documents.onDidSave((e) => {
    runExamples(pathOf(e.document.uri));
    publish(e.document.uri);
  });
  documents.onDidClose((e) => {
    outcomes.delete(pathOf(e.document.uri));
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onCodeLens((p) => {
    const path = pathOf(p.textDocument.uri);
    return exampleLenses(path, outcomes.get(path), ws);
  });
  connection.onExecuteCommand((p) => {
    if (p.command !== RUN_EXAMPLES || typeof p.arguments?.[0] !== 'string') return null;
    const path = p.arguments[0];
    runExamples(path);
    const results = outcomes.get(path) ?? [];
    publish(uriOf(path));
    const failed = results.filter((r) => !r.passed);
    const summary = failed.length ? `${failed.length} of ${results.length} examples fail: ${failed.map((f) => f.name).join(', ')}` : `all ${results.length} examples pass`;
    void connection.sendNotification('window/showMessage', { type: failed.length ? 2 : 3, message: summary });
    return { passed: results.length - failed.length, failed: failed.length };
  });

  const at = (p: { textDocument: { uri: string }; position: { line: number; character: number } }) => {
    const path = pathOf(p.textDocument.uri);
    return { path, offset: ws.offset(path, p.position) };
  };

  connection.onHover((p) => {
    const { path, offset } = at(p);
    const analysis = ws.analysis(path);
    return analysis ? (hover(path, offset, analysis, ws) ?? null) : null;
  });
  connection.onDefinition((p) => {
    const { path, offset } = at(p);
    return definition(path, offset, ws) ?? null;
  });
  connection.onReferences((p) => {
    const { path, offset } = at(p);
    const decl = declarationAt(path, offset, ws);
    return decl ? references(decl, p.context.includeDeclaration, ws) : [];
  });
  connection.onPrepareRename((p) => {
    const { path, offset } = at(p);
    const found = ws.analysis(path)?.model.at(path, offset);
    return found?.decl ? ws.range(path, found.span) : null;
  });
  connection.onRenameRequest((p) => {
    const { path, offset } = at(p);
    const result = rename(path, offset, p.newName, ws);
    if ('error' in result) throw new Error(result.error);
    return result;
  });
  connection.onCompletion((p) => {
    const { path, offset } = at(p);
    return complete(path, offset, ws);
  });
  connection.onSignatureHelp((p) => {
    const { path, offset } = at(p);
    return signatureHelp(ws.read(path) ?? '', offset) ?? null;
  });
  connection.onDocumentFormatting((p) => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? formattingEdits(doc.getText(), doc.positionAt(doc.getText().length)) : [];
  });
  connection.onDocumentSymbol((p) => {
    const path = pathOf(p.textDocument.uri);
    const analysis = ws.analysis(path);
    return analysis ? documentSymbols(path, analysis, ws) : [];
  });
  connection.onFoldingRanges((p) => {
    const path = pathOf(p.textDocument.uri);
    const analysis = ws.analysis(path);
    return analysis ? foldingRanges(path, analysis, ws) : [];
  });
  connection.languages.semanticTokens.on((p) => {
    const path = pathOf(p.textDocument.uri);
    const analysis = ws.analysis(path);
    return { data: analysis ? semanticTokens(path, analysis, ws) : [] };
  });
  connection.onCodeAction((p) => quickFixes(p.textDocument.uri, p.context.diagnostics, documents.get(p.textDocument.uri)));

  documents.listen(connection);
  connection.listen();
}
