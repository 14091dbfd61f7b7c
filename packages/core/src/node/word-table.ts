/**
 * The English word table of the spelling detector, prepared when Sellguard is
 * built (prepare-word-table.ts) and read at run time instead of expanding
 * the `dictionary-en` files again (which takes a good part of a second). The
 * table names the hash of the files and extra words it was made from; when
 * they differ (another dictionary-en version) or the table is missing, the
 * speller is built from the files as before.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { EXTRA_WORDS, WORD_TABLE_FORMAT, prepareWordTable, wordTableKey, type DictionaryFiles, type PreparedDictionary } from '../runtime/detectors/spelling-checker.js';

const resolveHere = createRequire(import.meta.url);

/** The Hunspell files of `dictionary-en` (read only when a policy checks spelling). */
export function englishDictionary(): { aff: Uint8Array; dic: Uint8Array } {
  const dir = dirname(resolveHere.resolve('dictionary-en'));
  return { aff: readFileSync(join(dir, 'index.aff')), dic: readFileSync(join(dir, 'index.dic')) };
}

/** The hash a table made from these files carries. */
export function dictionaryKey(files: DictionaryFiles): string {
  const hash = createHash('sha256').update(`format ${WORD_TABLE_FORMAT}\n`);
  hash.update(files.aff).update('\0').update(files.dic).update('\0').update(EXTRA_WORDS.join('\n'));
  return hash.digest('hex');
}

/** Where the build puts the English table: in @sellguard/core's own dist folder (found by package name, also from the bundled command). */
export function englishWordTablePath(): string {
  return join(dirname(resolveHere.resolve('@sellguard/core/package.json')), 'dist', 'spelling', 'en-US.words');
}

/** The English dictionary ready for createSpeller: the prepared table when it matches the files, else the files. */
export function englishDictionaryForSpeller(): DictionaryFiles | PreparedDictionary {
  const files = englishDictionary();
  let table: string;
  try {
    table = readFileSync(englishWordTablePath(), 'utf8');
  } catch {
    return files;
  }
  return wordTableKey(table) === dictionaryKey(files) ? { aff: files.aff, table } : files;
}

/** Prepare the English table and write it where englishDictionaryForSpeller looks (run by the build). */
export function writeEnglishWordTable(): string {
  const files = englishDictionary();
  const file = englishWordTablePath();
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, prepareWordTable(files, dictionaryKey(files)));
  renameSync(temp, file);
  return file;
}
