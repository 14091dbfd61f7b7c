#!/usr/bin/env node
/**
 * Marks built entry points executable (mode 0755), e.g. `dist/main.js`.
 * TypeScript keeps their `#!/usr/bin/env node` line but writes them 0644, so
 * they could not be run directly (`./dist/main.js`) or linked as a command.
 * Usage, from a package's build script: node ../../scripts/executable.mjs dist/main.js
 */
import { chmodSync, readFileSync } from 'node:fs';

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: node scripts/executable.mjs FILE...\n');
  process.exit(2);
}
for (const file of files) {
  if (!readFileSync(file, 'utf8').startsWith('#!/usr/bin/env node\n')) {
    process.stderr.write(`${file}: the first line must be #!/usr/bin/env node, or the command cannot start\n`);
    process.exit(1);
  }
  chmodSync(file, 0o755);
}
