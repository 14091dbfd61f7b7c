#!/usr/bin/env node
// The `sellguard-tui` command. The program itself is compiled into ../dist (by
// `npm install` in the Sellguard repository, or before publishing); this small
// committed file lets npm link the command even before that build has run.
import { existsSync } from 'node:fs';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('sellguard-tui: the program is not built yet. In the Sellguard folder, run: npm install (or npm run build)\n');
  process.exit(2);
}
await import(main.href);
