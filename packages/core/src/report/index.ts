/** Reports: counting, and rendering for people (text) and programs (JSON). Browser-safe. */
export { SummaryBuilder, buildSummary, failsAt, countAtOrAbove, SEVERITIES } from './summary.js';
export { renderJson, reportJson, jsonChunks } from './json.js';
export { renderText, textChunks, type TextOptions } from './text.js';
export { renderCsv, csvRows, csvCell, CSV_COLUMNS } from './csv.js';
export { spanContext, groupSpans, displayWidth, oneLine, type SpanContext, type SpanLike } from './context.js';
