/**
 * The input layer without the whole-text reader: what the Node reader needs
 * to stream files. (The whole-text reader loads csv-parse's browser build,
 * which Node has no use for.)
 */
export { firstLine, formatOf, sniff, sniffDelimiter, type InputFormat } from './format.js';
export { readJsonDocument, readJsonLine, type ReadRecord } from './json.js';
export { DelimitedRecords, delimitedOptions, headerNames, readFailure, rowStartLine, rowValues, swallowsRows, unclosedQuote } from './delimited.js';
