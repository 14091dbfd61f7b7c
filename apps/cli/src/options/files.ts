/**
 * Turning what the user named into files: globs are expanded by Sellguard
 * itself (so quoted globs work in npm scripts and on Windows), folders are
 * walked for the files they hold, and '-' stays standard input.
 */
import { existsSync, statSync } from 'node:fs';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { formatOf } from '@sellguard/core/node';
import { CliError } from '../io.js';

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

/** Sorted, with forward slashes, as the same run prints them on every system. */
function glob(pattern: string): string[] {
  return globSync(pattern.replace(/\\/g, '/'), { dot: false, ignore: ['**/node_modules/**', '**/.git/**'], expandDirectories: false }).sort();
}

/** Input files: a file as given; a folder's data files (.jsonl, .json, .csv, .tsv, .txt), recursively; a glob's matches. */
export function expandInputs(specs: readonly string[], command = 'check'): string[] {
  const out: string[] = [];
  for (const spec of specs) {
    if (spec === '-' || (existsSync(spec) && !isDir(spec))) out.push(spec);
    else if (isDir(spec)) {
      const found = glob(`${spec.replace(/[\\/]+$/, '')}/**/*`).filter((f) => formatOf(f) !== undefined && !f.endsWith('package.json') && !f.endsWith('.config.json') && !/baseline\.json$/.test(f));
      if (found.length === 0) throw new CliError(`the folder '${spec}' holds no data files (.jsonl, .json, .csv, .tsv, .txt) (see sellguard ${command} --help)`);
      out.push(...found);
    } else if (isDynamicPattern(spec)) {
      const found = glob(spec).filter((f) => !isDir(f));
      if (found.length === 0) throw new CliError(`no files match '${spec}' (see sellguard ${command} --help)`);
      out.push(...found);
    } else out.push(spec); // missing: the reader says so in plain words
  }
  return [...new Set(out)];
}

/** Policy files: a file as given, a folder's .policy files, a glob's matches. */
export function expandPolicies(specs: readonly string[], command = 'check'): string[] {
  const out: string[] = [];
  for (const spec of specs) {
    if (isDir(spec)) {
      const found = glob(`${spec.replace(/[\\/]+$/, '')}/**/*.policy`);
      if (found.length === 0) throw new CliError(`the folder '${spec}' holds no .policy files (see sellguard ${command} --help)`);
      out.push(...found);
    } else if (!existsSync(spec) && isDynamicPattern(spec)) {
      const found = glob(spec);
      if (found.length === 0) throw new CliError(`no policy files match '${spec}' (see sellguard ${command} --help)`);
      out.push(...found);
    } else out.push(spec);
  }
  return [...new Set(out)];
}
