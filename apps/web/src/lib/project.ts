/**
 * A small project of policy files in the browser: the main policy (checked
 * against the data) and the files it imports, each in its own tab. Paths are
 * resolved like on disk, relative to the importing file; every file sits in
 * one folder, so "./common.policy" is the file named common.policy.
 */
import { parse } from '@sellguard/dsl';

export interface PolicySource {
  name: string;
  text: string;
}

/** The name the main policy is compiled under (imports resolve next to it). */
export const MAIN_POLICY_FILE = 'playground.policy';

/** "./common.policy" → "common.policy": where a path points inside the project's one folder. */
function inFolder(path: string): string {
  return path.replace(/^(\.\/)+/, '');
}

/** The compiler's file reader for a project: the other files by name; undefined for anything else. */
export function projectReader(others: readonly PolicySource[]): (path: string) => string | undefined {
  return (path) => others.find((f) => f.name === inFolder(path))?.text;
}

/** The files a policy text imports, as names in the project's folder. */
export function importsOf(text: string): string[] {
  try {
    return parse(text).ast.imports.map((i) => inFolder(i.from.value));
  } catch {
    // Parsing never throws, but a file that cannot be read simply imports nothing.
    return [];
  }
}

/**
 * Of several policy files opened together, the main one: the file that no
 * other file imports (the first such, or the first file when they all are).
 */
export function splitProject(files: readonly PolicySource[]): { main: PolicySource; others: PolicySource[] } {
  const imported = new Set(files.flatMap((f) => importsOf(f.text)));
  const main = files.find((f) => !imported.has(f.name)) ?? files[0];
  return { main, others: files.filter((f) => f !== main) };
}
