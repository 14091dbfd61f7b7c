/** `sellguard lsp`: the language server for editors, over standard input and output. */
import type { Command } from 'commander';

export function registerLspCommand(program: Command): void {
  program
    .command('lsp')
    .description('start the language server for editors (speaks LSP on standard input and output)')
    .option('--stdio', 'talk over standard input and output (the default and only channel; accepted because editors pass it)')
    .addHelpText('after', '\nEditors start this for you; see docs/editors.md for VS Code, Neovim and Helix.')
    .action(async () => {
      // Loaded on demand: only editors need the language server.
      const { startStdioServer } = await import('@sellguard/language-server');
      startStdioServer();
      // Keep the process alive until the client sends `exit` (the server ends it then).
      await new Promise<never>(() => {});
    });
}
