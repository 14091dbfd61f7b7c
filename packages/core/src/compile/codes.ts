/**
 * The catalogue of checker diagnostics (SG2xxx names and imports, SG3xxx
 * types), in the catalogue shape of @sellguard/dsl: each code with its title,
 * and every message reported under it as a template with its help. Codes are
 * stable: users search for them and docs/diagnostics.md documents each one.
 * SG9001 is a bug in the compiler, never in the policy. The syntax codes
 * (SG1xxx) are in @sellguard/dsl.
 */
import { defineMessages, report, type MessageArgs, type MessageTemplate, type ReportExtras, type Span } from '@sellguard/dsl';

export const CHECK_CODES = Object.freeze({
  // names and imports
  SG2001: 'unknown name',
  SG2002: 'declared twice',
  SG2003: 'unknown type',
  SG2004: 'imported file not found',
  SG2005: 'imported name missing',
  SG2006: 'import cycle',
  SG2007: 'not importable',
  SG2008: 'missing header',
  SG2009: 'no input record',
  SG2010: 'unknown field',
  SG2011: 'name with a hyphen used as subtraction',
  SG2012: 'unknown function',
  SG2013: 'duplicate field',
  SG2014: 'duplicate enum member',
  SG2015: 'unknown rule in an example',
  SG2016: 'duplicate rule id',
  SG2017: 'imported file has errors',
  SG2018: 'let defined in terms of itself',
  SG2019: 'rule named like a metric',
  SG2020: 'name hides another',
  // types
  SG3001: 'cannot compare',
  SG3002: 'operator does not apply',
  SG3003: 'not a condition',
  SG3004: 'wrong number of arguments',
  SG3005: 'wrong kind of argument',
  SG3006: 'not a value of the enum',
  SG3007: 'invalid pattern',
  SG3008: 'not a written-out value',
  SG3009: 'default of the wrong type',
  SG3010: '`matched` outside a message',
  SG3011: 'rule checks nothing',
  SG3012: 'fix without matches',
  SG3013: 'not a record',
  SG3014: 'not a list',
  SG3015: 'example data does not fit',
  SG3016: 'bad index',
  SG3017: 'bad insert target',
  SG3018: 'rule without a message',
  SG3019: 'constant of the wrong type',
  SG3020: 'record contains itself',
  SG3021: 'example expects nothing',
  SG3022: 'a rule about metrics reads record fields',
  SG3023: 'metric without a measure',
  SG3024: 'metric of something that is not a number',
  SG3025: 'time window not by a date',
  SG3026: 'phrase list too large',
  SG3027: 'import outside the project',
  SG3028: 'import of something that is not a file',
  SG3029: 'imported file too large',
  // internal
  SG9001: 'internal compiler error',
} as const);

/**
 * Every message of the checker. Parameters in braces are filled at the report;
 * a help computed there (a "did you mean" suggestion) replaces the template's.
 */
export const M = defineMessages(CHECK_CODES, {
  // ---------------------------------------------------------------- SG2xxx
  unknownNameInExpr: { code: 'SG2001', message: 'there is no field or constant called `{name}`' },
  unknownNameOfKind: { code: 'SG2001', message: 'there is no {wanted} called `{name}`' },
  typesShareName: { code: 'SG2002', message: 'two different types are called `{name}`', help: 'rename one of them; type names must be unique across a policy and its imports' },
  declaredTwice: { code: 'SG2002', message: '`{name}` is declared twice', help: 'give each declaration its own name' },
  importedAndDeclared: { code: 'SG2002', message: '`{name}` is imported but this file also declares it', help: 'remove the import or rename the declaration' },
  metricsShareName: { code: 'SG2002', message: 'two metrics are called `{name}`', help: 'give each metric its own name' },
  unknownType: { code: 'SG2003', message: 'there is no type called `{name}`' },
  importOutsideProject: {
    code: 'SG3027',
    message: 'cannot import `{path}`: a policy may only import files inside its project folder ({root})',
    help: 'copy the file into the project folder and import it with a path such as ./shared.policy',
  },
  importNotAFile: { code: 'SG3028', message: 'cannot import `{path}`: it is not a regular file', help: 'import a .policy file' },
  importTooLarge: { code: 'SG3029', message: 'cannot import `{path}`: it is {size}, more than the {limit} a policy file may be', help: 'check that the path names a .policy file' },
  importNotFound: { code: 'SG2004', message: 'cannot find the policy file `{path}`', help: 'check the path; it is relative to the file that imports it' },
  importedNameMissing: { code: 'SG2005', message: '`{file}` has no record, enum, constant or phrase list called `{name}`' },
  importCycle: { code: 'SG2006', message: 'importing `{path}` makes a cycle: {chain}', help: 'move the shared declarations into a third file that both import' },
  ruleNotImportable: { code: 'SG2007', message: '`{name}` is a rule; only records, enums, constants and phrase lists can be imported', help: 'copy the rule, or check the other policy on its own' },
  missingHeader: { code: 'SG2008', message: 'the file does not start with a policy header', help: 'start the file with: policy my-policy "My policy title"' },
  inputNotARecord: { code: 'SG2009', message: 'the input `{name}` is not a record declared or imported here' },
  noInputRecord: {
    code: 'SG2009',
    message: 'the policy has rules but no record type to check',
    help: 'declare the shape of the input, e.g. record Message { body: text }, and name it with `input Message` in the header',
  },
  unknownField: { code: 'SG2010', message: '{type} has no field `{name}`' },
  hyphenatedName: { code: 'SG2011', message: '`{name}` is read as one name; there is nothing called that', help: 'to subtract, put spaces around the minus sign: `{spaced}`' },
  unknownFunction: { code: 'SG2012', message: 'there is no function called `{name}`' },
  duplicateField: { code: 'SG2013', message: '{record} has two fields called `{name}`', help: 'rename or remove one of them' },
  duplicateMember: { code: 'SG2014', message: '`{name}` is listed twice', help: 'remove the repeated value' },
  unknownRuleInExample: { code: 'SG2015', message: 'this policy has no rule `{name}`' },
  duplicateRule: { code: 'SG2016', message: 'two rules have the id `{name}`', help: 'rule ids must be unique within a policy: users suppress and baseline by them' },
  importErrors: { code: 'SG2017', message: 'the imported file `{path}` has errors', help: 'fix the errors reported in that file first' },
  letCycle: { code: 'SG2018', message: '`{name}` is defined in terms of itself', help: 'write its value without naming it, directly or through another let' },
  ruleNamedLikeMetric: {
    code: 'SG2019',
    message: 'the rule `{name}` has the name of a metric but does not check that metric',
    help: "rename the rule (rule ids and metric names are both shown in reports), or make it the metric's target, e.g. `require {name} < 1%`",
  },
  declaredHidden: { code: 'SG2020', severity: 'warning', message: '{what} hides the {kind} `{name}`: rules and metrics read {short} instead', help: 'give the {kind} a name of its own' },
  variableHides: {
    code: 'SG2020',
    severity: 'warning',
    message: 'the variable `{name}` hides {what} in this condition',
    help: 'name the variable differently, e.g. `{renamed}`, so that `{name}` still means {short}',
  },

  // ---------------------------------------------------------------- SG3xxx
  ifKindsDiffer: { code: 'SG3001', message: 'the two answers of this if are of different kinds: {then} and {otherwise}', help: 'make both the then and the else value the same kind' },
  cannotCompare: { code: 'SG3001', message: 'cannot compare {left} with {right}' },
  notInList: { code: 'SG3001', message: 'cannot look for {item} in a list of {element}' },
  mapKeyNotText: { code: 'SG3001', message: 'map keys are text, not {type}' },
  notInText: { code: 'SG3001', message: 'cannot look for {type} inside text' },
  listCannotContain: { code: 'SG3001', message: 'a list of {element} cannot contain {item}' },
  cannotNegate: { code: 'SG3002', message: 'cannot make {type} negative', help: 'only numbers and durations can be negated' },
  phraseListAsValue: { code: 'SG3002', message: '`{name}` is a phrase list; search a text with it', help: 'write phrases(body, {name})' },
  noOrder: { code: 'SG3002', message: '{type} values have no order, so `{op}` does not apply', help: 'use == or !=' },
  needsCollection: { code: 'SG3002', message: '`{op}` needs a list, a map or a text on its right, but this is {type}' },
  needsText: { code: 'SG3002', message: '`{op}` works on text, but this is {type}' },
  arithmetic: { code: 'SG3002', message: 'cannot use `{op}` on {left} and {right}' },
  notCondition: { code: 'SG3003', message: 'a condition must be true or false, but this is {type}', help: 'compare it with something, e.g. `{example}`' },
  detectorArgumentCount: { code: 'SG3004', message: '{name}() takes one text to search, got {count}', help: 'write {name}(body)' },
  argumentCount: { code: 'SG3004', message: '{name}() takes {expected} {arguments}, got {count}', help: 'write {name}({params})' },
  phrasesArguments: { code: 'SG3004', message: 'phrases() takes a text and a phrase list', help: 'write phrases(body, marketing) with `phrases marketing = [...]` declared' },
  findArguments: { code: 'SG3004', message: 'find() takes a text and a pattern', help: 'write find(body, "(?i)save \\d+%")' },
  searchesText: { code: 'SG3005', message: '{name}() searches text, but this is {type}' },
  argumentType: { code: 'SG3005', message: '{name}() needs {expected}{which}, but this is {type}' },
  notAPhraseList: { code: 'SG3005', message: '`{name}` is not a phrase list' },
  phrasesNeedsList: { code: 'SG3005', message: 'the second argument of phrases() must name a phrase list' },
  notAnEnumValue: { code: 'SG3006', message: '"{value}" is not one of the values of {owner}', help: 'the values are {members}' },
  badRegex: { code: 'SG3007', message: 'this pattern is not a valid regular expression: {problem}', help: 'check brackets and backslashes; patterns use RE2 syntax (no look-behind or back-references)' },
  findPatternNotWritten: { code: 'SG3007', message: 'the pattern of find() must be written in the policy as a string' },
  matchesPatternNotWritten: { code: 'SG3007', message: 'the pattern after `matches` must be written in the policy as a string', help: 'write title matches "^[A-Z]"' },
  constantCycle: { code: 'SG3008', message: 'the constant `{name}` is defined in terms of itself', help: 'give it a value that does not refer back to it' },
  constantComputed: { code: 'SG3008', message: 'the value of `{name}` must be written out, not computed', help: 'use literal values: numbers, texts, dates, durations, lists and { key: value } tables' },
  defaultComputed: { code: 'SG3008', message: 'the default of `{name}` must be a written-out value' },
  defaultMismatch: { code: 'SG3009', message: 'the default of `{name}` is {actual}, but the field is {expected}' },
  matchedOutsideMessage: { code: 'SG3010', message: '`matched` can only be used in a message, hint or fix', help: 'use a detector such as emails(body) in conditions' },
  ruleWithoutClause: { code: 'SG3011', message: 'the rule `{name}` checks nothing', help: 'add a line such as `require <condition>` or `forbid <condition>`' },
  fixWithoutMatches: {
    code: 'SG3012',
    severity: 'warning',
    message: '`fix {kind}` acts on matched text, but this rule\'s conditions find none',
    help: 'use a detector such as links(body) in a forbid line, or remove the fix',
  },
  notARecord: { code: 'SG3013', message: '{type} has no fields, so `.{name}` cannot be read', help: 'only records and detector matches have fields' },
  eachNotAList: { code: 'SG3014', message: '`each` goes over a list, but this is {type}', help: 'write each item in someList' },
  quantifierNotAList: { code: 'SG3014', message: '`{quantifier}` goes over a list, but this is {type}', help: 'write {quantifier} x in someList: condition' },
  exampleGivenRecords: { code: 'SG3015', message: 'an example is given records, written as { field: value, ... } or a list of them' },
  exampleGivenRecord: { code: 'SG3015', message: 'an example is given one record, written as { field: value, ... }' },
  exampleUnknownField: { code: 'SG3015', severity: 'warning', message: "{record} has no field `{name}`; the example's value for it is ignored" },
  exampleNotWrittenOut: {
    code: 'SG3015',
    message: 'example data must be written out: texts, numbers, dates, lists and { field: value }',
    help: 'to reuse a record, name a constant and change fields with +: given baseMessage + { body: "..." }',
  },
  mapIndex: { code: 'SG3016', message: 'a map is looked up by text, not by {type}' },
  listIndex: { code: 'SG3016', message: 'a list is indexed by a number, not by {type}', help: 'the first item is [0]' },
  notIndexable: { code: 'SG3016', message: '{type} cannot be indexed with [ ]', help: 'only lists and maps (tables) can be indexed' },
  badInsertTarget: { code: 'SG3017', message: 'text can only be inserted into a text field of the record', help: 'name a field of the input record, e.g. `into subject`' },
  missingMessage: { code: 'SG3018', message: 'the rule `{name}` has no message', help: 'write the message after the severity: rule my-rule error "What is wrong, in plain words" { ... }' },
  constType: { code: 'SG3019', message: '`{name}` is declared as {declared} but its value is {actual}' },
  recursiveRecord: { code: 'SG3020', message: 'the record `{name}` contains itself', help: 'records cannot nest themselves; use a list of ids instead' },
  exampleNoExpectation: { code: 'SG3021', severity: 'warning', message: 'the example "{name}" expects nothing', help: 'add `expect <rule-id>` or `expect nothing`' },
  metricMixedWithFields: {
    code: 'SG3022',
    message: 'the rule `{name}` uses a metric and also reads the fields of single records',
    help: 'a rule about metrics runs once for the whole input; put checks of single records in a rule of their own',
  },
  metricWithoutAggregate: { code: 'SG3023', message: 'the metric `{name}` does not say what it measures', help: 'add a line such as `count`, `rate <condition>`, `total <value>` or `average <value>`' },
  metricValueType: { code: 'SG3024', message: 'a {kind} needs numbers, but this is {type}', help: 'measure a number field, e.g. `total itemPrice`' },
  windowNotADate: { code: 'SG3025', message: 'a time window goes by a date, but this is {type}', help: 'name a date or datetime field, e.g. `over 60 days by purchaseDate`' },
  windowNotWholeDays: { code: 'SG3025', message: 'a time window is a whole number of days', help: 'write it in days or weeks, e.g. `over 30 days`' },
  phraseListTooLarge: { code: 'SG3026', message: '{problem}', help: 'split it into several smaller phrase lists' },

  // ---------------------------------------------------------------- SG9xxx
  internalError: { code: 'SG9001', message: 'internal compiler error: {why}', help: 'please report this with the policy file' },
});

/** A checker diagnostic from the catalogue; a help given here (a suggestion) replaces the template's, `undefined` keeps it. */
export function diag<T extends MessageTemplate>(template: T, span: Span, args: MessageArgs<T>, extras: ReportExtras = {}): ReturnType<typeof report> {
  const given = Object.fromEntries(Object.entries(extras).filter(([, v]) => v !== undefined)) as ReportExtras;
  return report(template, span, args, given);
}
