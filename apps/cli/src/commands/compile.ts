/** `sellguard compile POLICY --out DIR`: a standalone ES module and its types. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicy } from '@sellguard/core/node';
import { CliError, EXIT, printDiagnostics, useColor } from '../io.js';

export function compileCommand(policyFile: string, flags: { out: string; color?: boolean }): number {
  const loaded = loadPolicy(policyFile);
  if (!loaded.policy) {
    printDiagnostics(loaded.diagnostics, loaded.source, policyFile, useColor(process.stderr, flags.color));
    throw new CliError(`the policy '${policyFile}' has errors; nothing was written`);
  }
  mkdirSync(flags.out, { recursive: true });
  const id = loaded.policy.id;
  const js = join(flags.out, `${id}.js`);
  const dts = join(flags.out, `${id}.d.ts`);
  writeFileSync(js, loaded.policy.output.module);
  writeFileSync(dts, loaded.policy.output.dts);
  process.stdout.write(`wrote ${js}\nwrote ${dts}\n(the module imports @sellguard/core/runtime; install @sellguard/core where you use it)\n`);
  return EXIT.ok;
}
