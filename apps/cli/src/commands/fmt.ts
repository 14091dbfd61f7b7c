/** `sellguard fmt [--check] FILE...`: rewrite policy files in the canonical layout. */
import { readFileSync } from 'node:fs';
import { format } from '@sellguard/dsl';
import { CliError, EXIT, plural, printDiagnostics, useColor, writeOutputFile } from '../io.js';

export function fmtCommand(files: string[], flags: { check?: boolean; color?: boolean }): number {
  if (files.length === 0) throw new CliError('name the policy files to format, e.g. sellguard fmt policies/*.policy');
  const color = useColor(process.stderr, flags.color);
  let changed = 0;
  let broken = 0;
  for (const file of files) {
    let source: string;
    try {
      source = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
      process.stderr.write(`sellguard: cannot read policy file '${file}': ${why}\n`);
      broken++;
      continue;
    }
    const result = format(source);
    if (result.diagnostics.some((d) => d.severity === 'error')) {
      printDiagnostics(result.diagnostics, source, file === '-' ? '<stdin>' : file, color);
      process.stderr.write(`sellguard: ${file === '-' ? 'standard input' : file} was not formatted because it has syntax errors\n`);
      broken++;
      continue;
    }
    if (file === '-') {
      // A filter for editors: formatted text out, whatever --check says.
      process.stdout.write(result.text);
      if (result.changed) changed++;
      continue;
    }
    if (!result.changed) continue;
    changed++;
    if (flags.check) process.stdout.write(`${file}\n`);
    else {
      writeOutputFile(file, result.text, 'policy file');
      process.stdout.write(`formatted ${file}\n`);
    }
  }
  if (broken > 0) return EXIT.usage;
  if (flags.check && changed > 0) {
    process.stderr.write(`${plural(changed, 'file')} would be reformatted; run sellguard fmt to fix ${changed === 1 ? 'it' : 'them'}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
