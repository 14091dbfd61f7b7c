/** Loading a policy file from disk, with its imports and the spelling dictionary. */
import { readFileSync, existsSync, statSync } from 'node:fs';
import dictionary from 'dictionary-en';
import { compile, type CompileResult } from '../compile/index.js';
import { setSpellingDictionary } from '../runtime/index.js';

let dictionaryLoaded = false;

/** The spelling detector's dictionary is loaded once per process, here: the browser loads its own. */
export function loadSpellingDictionary(): void {
  if (dictionaryLoaded) return;
  setSpellingDictionary(dictionary);
  dictionaryLoaded = true;
}

export interface LoadedPolicy extends CompileResult {
  source: string;
  fileName: string;
}

export class PolicyFileError extends Error {}

export function loadPolicy(fileName: string): LoadedPolicy {
  if (!existsSync(fileName)) throw new PolicyFileError(`cannot read policy file '${fileName}': no such file`);
  if (statSync(fileName).isDirectory()) throw new PolicyFileError(`cannot read policy file '${fileName}': it is a folder`);
  loadSpellingDictionary();
  const source = readFileSync(fileName, 'utf8');
  const result = compile(source, {
    fileName,
    readFile: (path) => (existsSync(path) && !statSync(path).isDirectory() ? readFileSync(path, 'utf8') : undefined),
  });
  return { ...result, source, fileName };
}
