/**
 * The VS Code client: starts `sellguard lsp --stdio` (from the workspace's
 * node_modules when Sellguard is installed there, else the configured
 * command) and connects it to .policy files.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const configured = workspace.getConfiguration('sellguard').get<string>('server.command', '').trim();
  const folder = workspace.workspaceFolders?.[0]?.uri.fsPath;
  const local = folder ? join(folder, 'node_modules', '.bin', process.platform === 'win32' ? 'sellguard.cmd' : 'sellguard') : '';
  const command = configured || (local && existsSync(local) ? local : 'sellguard');
  const serverOptions: ServerOptions = { command, args: ['lsp', '--stdio'], transport: TransportKind.stdio };
  client = new LanguageClient('sellguard', 'Sellguard', serverOptions, {
    documentSelector: [{ scheme: 'file', language: 'sellguard' }],
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/*.policy') },
  });
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
