/**
 * Reading records from text, in the browser and in Node: format sniffing,
 * JSON with plain error positions, CSV and tab-separated (Amazon flat files).
 * `@sellguard/core/node` streams files through these; the playground reads
 * its data pane with `readText`.
 */
export { formatOf, sniff, sniffDelimiter, firstLine, type InputFormat } from './format.js';
export { jsonProblem, readJsonDocument, readJsonLine, readJsonLines, wrapperKey, type JsonDocument, type JsonShape, type ReadRecord } from './json.js';
export { DelimitedRecords, delimitedOptions, headerNames, readFailure, rowStartLine, rowValues, type DelimitedOptions } from './delimited.js';
export { readText, readDelimitedText, type TextRecords } from './text.js';
export { fitsRecord } from './fits.js';
