/** A real LSP client for the tests: spawns `sellguard lsp --stdio` and speaks JSON-RPC to it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node.js';

export const CLI = resolve(import.meta.dirname, '../../../apps/cli/bin/sellguard.js');

export interface TestClient {
  connection: ProtocolConnection;
  /** Opens a file (its text from disk unless given) and waits for its diagnostics. */
  open(path: string, text?: string): Promise<Diagnostic[]>;
  /** Closes a document, so the server forgets its unsaved text. */
  closeDocument(path: string): Promise<void>;
  close(): Promise<void>;
}

export const uri = (path: string) => pathToFileURL(path).href;

export async function startClient(root: string): Promise<TestClient> {
  const child: ChildProcess = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, (d: Diagnostic[]) => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    waiting.get(p.uri)?.(p.diagnostics);
    waiting.delete(p.uri);
  });
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: uri(root),
    workspaceFolders: [{ uri: uri(root), name: 'policies' }],
    capabilities: {},
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    open(path, text) {
      const diagnostics = new Promise<Diagnostic[]>((done) => waiting.set(uri(path), done));
      void connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: uri(path), languageId: 'sellguard', version: 1, text: text ?? readFileSync(path, 'utf8') },
      });
      return diagnostics;
    },
    async closeDocument(path) {
      await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri(path) } });
    },
    async close() {
      await connection.sendRequest(ShutdownRequest.type);
      const exited = new Promise((done) => child.once('exit', done));
      await connection.sendNotification(ExitNotification.type);
      await exited;
      connection.dispose();
    },
  };
}

/** The LSP position (0-based line and UTF-16 character) of the `n`th occurrence of `needle`, plus `shift` characters. */
export function positionOf(text: string, needle: string, shift = 0, n = 1): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not found`);
  }
  const offset = at + shift;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
