/**
 * `sellguard compile POLICY --out DIR`: the policy as a standalone module, in
 * both module systems (`.mjs` for `import`, `.cjs` for `require`), each with
 * its TypeScript declarations next to it, where TypeScript looks for them.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicy } from '@sellguard/core/node/compile';
import { CliError, EXIT, printDiagnostics, useColor, writeOutputFile } from '../io.js';
import { compileSql, type SqlTargetFlags } from './compile-sql.js';

export function compileCommand(policyFile: string, flags: { out?: string; color?: boolean } & SqlTargetFlags): number {
  const loaded = loadPolicy(policyFile);
  printDiagnostics(loaded.diagnostics, loaded.source, policyFile, useColor(process.stderr, flags.color), loaded.sources);
  if (!loaded.policy) throw new CliError(`the policy '${policyFile}' has errors; nothing was written`);
  if (flags.target === 'sql') return compileSql(loaded, policyFile, flags);
  if (!flags.out) throw new CliError('say where to write the module: --out <dir> (or print SQL with --target sql)');
  try {
    mkdirSync(flags.out, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`cannot create the folder '${flags.out}': ${code === 'EEXIST' || code === 'ENOTDIR' ? 'a file with that name is in the way' : code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
  }
  const { id, output } = loaded.policy;
  const files: Array<[name: string, text: string]> = [
    [`${id}.mjs`, output.module],
    [`${id}.d.mts`, output.dts],
    [`${id}.cjs`, output.commonjs],
    [`${id}.d.cts`, output.dts],
  ];
  for (const [name, text] of files) {
    const path = join(flags.out, name);
    writeOutputFile(path, text, 'file');
    process.stdout.write(`wrote ${path}\n`);
  }
  process.stdout.write(
    [
      `Use it with import { check } from './${id}.mjs' or require('./${id}.cjs');`,
      'it needs @sellguard/core where it runs (npm install @sellguard/core).',
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
