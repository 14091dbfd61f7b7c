/** Loading a policy file from disk, with its imports, and compiling it. */
import type { CompileResult } from '../compile/index.js';
import { projectRoot, readImport } from './imports.js';
import { compile } from '../policy/compile.js';
import { readPolicyText } from './policy-file.js';

export interface LoadedPolicy extends CompileResult {
  /** The text of the policy file. */
  source: string;
  /** The path as given. */
  fileName: string;
  /** The text of every imported file that was read, by the path the compiler asked for (diagnostics' `file`). */
  sources: Map<string, string>;
}

/**
 * Read and compile a policy file. Imports are read relative to the importing
 * file. Throws PolicyFileError when the file itself cannot be read; problems
 * in the policy (and missing imports) come back as diagnostics.
 */
export function loadPolicy(fileName: string): LoadedPolicy {
  const source = readPolicyText(fileName);
  const sources = new Map<string, string>();
  const root = projectRoot(fileName);
  const result = compile(source, {
    fileName,
    readFile: (path) => {
      const text = readImport(path, root);
      if (typeof text === 'string') sources.set(path, text);
      return text;
    },
  });
  return { ...result, source, fileName, sources };
}
