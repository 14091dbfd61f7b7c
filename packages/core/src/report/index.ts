/** Reports: counting, and rendering for people (text) and programs (JSON). */
export { SummaryBuilder, failsAt } from './summary.js';
export { renderJson, reportJson } from './json.js';
export { renderText, type TextOptions } from './text.js';
export { spanContext, groupSpans, type SpanContext } from './context.js';
