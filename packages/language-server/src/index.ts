/** The Sellguard language server. `sellguard lsp` runs it over stdio. */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node.js';
import { startServer } from './server.js';

export { startServer };

/** Serve LSP on standard input and output until the client says exit. */
export function startStdioServer(): void {
  startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout)));
}
