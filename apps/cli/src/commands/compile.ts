/** `sellguard compile POLICY --out DIR`: a standalone ES module and its TypeScript types. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicy } from '@sellguard/core/node';
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
  const id = loaded.policy.id;
  const js = join(flags.out, `${id}.js`);
  const dts = join(flags.out, `${id}.d.ts`);
  writeOutputFile(js, loaded.policy.output.module, 'file');
  writeOutputFile(dts, loaded.policy.output.dts, 'file');
  process.stdout.write(`wrote ${js}\nwrote ${dts}\n(the module imports @sellguard/core/runtime; install @sellguard/core where you use it)\n`);
  return EXIT.ok;
}
