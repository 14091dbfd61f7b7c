/** Reports: counting, and rendering for people (text) and programs (JSON). Browser-safe. */
export { SummaryBuilder, buildSummary, failsAt, countAtOrAbove, SEVERITIES } from './summary.js';
export { renderJson, reportJson, jsonChunks } from './json.js';
export { renderText, textChunks, type TextOptions } from './text.js';
export { renderCsv, csvRows, csvCell, CSV_COLUMNS } from './csv.js';
export { spanContext, groupSpans, displayWidth, oneLine, type SpanContext, type SpanLike } from './context.js';
export * from './writer.js';
export { textWriter, hyperlink, type TextWriterOptions } from './text-writer.js';
export { jsonWriter, policyErrorsJson, type JsonWriterOptions, type PolicyErrorJson } from './json-writer.js';
export { sarifWriter, artifactUri, INVALID_RECORD_RULE, type SarifOptions, type SpanRegionOf } from './sarif.js';
export { jsonLineRegion, csvRowRegion, delimitedHeader, type SpanRegion } from './sarif-region.js';
export { junitWriter, xmlEscape } from './junit.js';
export { githubWriter } from './github.js';
export { markdownWriter } from './markdown.js';
export { htmlWriter, htmlEscape } from './html.js';
export { MetricSeriesBuilder, worstGroups, type DayValue, type MetricMembership } from './metric-series.js';
