/**
 * The catalogue of checker diagnostics. Codes are stable: users search for
 * them and docs/diagnostics.md documents each one. SG1xxx (syntax) live in
 * @sellguard/dsl.
 */
import type { Diagnostic, Span } from '@sellguard/dsl';

export const CODES = {
  // names and imports
  unknownName: 'SG2001',
  duplicateDeclaration: 'SG2002',
  unknownType: 'SG2003',
  importNotFound: 'SG2004',
  importedNameMissing: 'SG2005',
  importCycle: 'SG2006',
  notImportable: 'SG2007',
  missingHeader: 'SG2008',
  noInputRecord: 'SG2009',
  unknownField: 'SG2010',
  hyphenatedName: 'SG2011',
  unknownFunction: 'SG2012',
  duplicateField: 'SG2013',
  duplicateMember: 'SG2014',
  unknownRuleInExample: 'SG2015',
  duplicateRule: 'SG2016',
  importErrors: 'SG2017',
  letCycle: 'SG2018',
  ruleNamedLikeMetric: 'SG2019',
  hiddenName: 'SG2020',
  // types
  incomparable: 'SG3001',
  badOperand: 'SG3002',
  notCondition: 'SG3003',
  argumentCount: 'SG3004',
  argumentType: 'SG3005',
  unknownEnumValue: 'SG3006',
  badRegex: 'SG3007',
  notConstant: 'SG3008',
  defaultMismatch: 'SG3009',
  matchedOutsideMessage: 'SG3010',
  ruleWithoutClause: 'SG3011',
  fixWithoutMatches: 'SG3012',
  notARecord: 'SG3013',
  notAList: 'SG3014',
  exampleShape: 'SG3015',
  badIndex: 'SG3016',
  badInsertTarget: 'SG3017',
  missingMessage: 'SG3018',
  constType: 'SG3019',
  recursiveRecord: 'SG3020',
  exampleNoExpectation: 'SG3021',
  metricMixedWithFields: 'SG3022',
  metricWithoutAggregate: 'SG3023',
  metricValueType: 'SG3024',
  windowNotADate: 'SG3025',
  phraseListTooLarge: 'SG3026',
} as const;

export function error(code: string, message: string, span: Span, help?: string): Diagnostic {
  return help === undefined ? { code, severity: 'error', message, span } : { code, severity: 'error', message, help, span };
}

export function warning(code: string, message: string, span: Span, help?: string): Diagnostic {
  return help === undefined ? { code, severity: 'warning', message, span } : { code, severity: 'warning', message, help, span };
}
