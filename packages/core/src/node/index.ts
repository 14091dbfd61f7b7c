/** Node-only helpers: reading files and standard input, loading policies from disk. */
export { readRecords, formatOf, sniff, InputError, type InputFormat, type InputRecord, type ReadOptions } from './read.js';
export { loadPolicy, loadSpellingDictionary, PolicyFileError, type LoadedPolicy } from './load.js';
