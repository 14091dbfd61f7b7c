/**
 * This package's folder (apps/cli, or node_modules/@sellguard/cli once
 * installed): found from the package.json above this file, so it is the same
 * whether the code runs unbundled from dist/, from dist/main.js or from any
 * chunk in dist/chunks/.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
