/**
 * The runtime library generated evaluators import (as `rt`). Browser-safe.
 * A compiled policy module needs only this, not the compiler.
 */
export * from './values.js';
export { evalContext, withAsOf, today, type EvalContext } from './context.js';
export { show, showNumber, showDuration, type ShowKind } from './format.js';
export { nonEmpty, any, all, countWhere, countAll, each, itemPath, matched, spansOf, pathOf, type Witness, type Witnesses } from './witnesses.js';
export { fixRemove, fixReplace, fixInsert, applyFix, getPath, splitPath } from './fixes.js';
export { detect, phraseLists, phraseMatcher, phrases, DETECTOR_NAMES, type PhraseMatcher } from './detect.js';
export { find, sentences } from './text.js';
export { recordScans, type RecordScans } from './scans.js';
export { createSpeller, type DictionaryFiles, type Speller } from './detectors/index.js';
export { violation, type RuleStatic } from './violation.js';
import * as s from './schema.js';
import * as d from './decode.js';
export { s, d };
export { startMetrics, inWindow, tallyCount, tallyRate, tallyValue, mergeTally, talliesOf, metricValues, metricResults, type MetricDef, type MetricState, type Tally } from './metrics.js';
