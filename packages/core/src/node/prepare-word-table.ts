/**
 * Run by `npm run build` of @sellguard/core (node dist/node/prepare-word-table.js):
 * writes the English word table the spelling detector starts from (see word-table.ts).
 */
import { writeEnglishWordTable } from './word-table.js';

writeEnglishWordTable();
