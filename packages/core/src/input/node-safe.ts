/**
 * The input layer without the whole-text reader: what the Node reader needs
 * to stream files.
 */
export { firstLine, formatOf, sniff, sniffDelimiter, type InputFormat } from './format.js';
export { readJsonDocument, readJsonLine, type ReadRecord } from './json.js';
export { DelimitedRecords, delimitedOptions, headerNames, quoteNotClosed, readFailure, rowStartLine, rowValues, swallowsRows, unclosedQuote } from './delimited.js';
