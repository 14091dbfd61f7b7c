/** `sellguard fmt [--check] FILE...`: rewrite policy files in the canonical layout. */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { format } from '@sellguard/dsl';
import { CliError, EXIT, printDiagnostics, useColor } from '../io.js';

export function fmtCommand(files: string[], flags: { check?: boolean; color?: boolean }): number {
  if (files.length === 0) throw new CliError('name the policy files to format, e.g. sellguard fmt policies/*.policy');
  let changed = 0;
  let broken = 0;
  for (const file of files) {
    if (!existsSync(file)) throw new CliError(`cannot read policy file '${file}': no such file`);
    const source = readFileSync(file, 'utf8');
    const result = format(source);
    if (result.diagnostics.some((d) => d.severity === 'error')) {
      printDiagnostics(result.diagnostics, source, file, useColor(process.stderr, flags.color));
      process.stderr.write(`${file}: not formatted because it has syntax errors\n`);
      broken++;
      continue;
    }
    if (!result.changed) continue;
    changed++;
    if (flags.check) process.stdout.write(`${file} is not formatted\n`);
    else {
      writeFileSync(file, result.text);
      process.stdout.write(`formatted ${file}\n`);
    }
  }
  if (broken > 0) return EXIT.usage;
  if (flags.check && changed > 0) {
    process.stdout.write(`${changed} file${changed === 1 ? '' : 's'} would be reformatted; run sellguard fmt to fix\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
