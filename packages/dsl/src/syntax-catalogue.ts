/**
 * Every message of the syntax diagnostics (SG1xxx), with its help, in the catalogue
 * shape of catalogue.ts. The code that finds a mistake (lexer, parser messages, AST
 * builder, templates, formatter) picks a message here by name and fills its
 * `{parameters}`; the words themselves live only in this file.
 *
 * Where the help depends on much more than a few words (which block a bracket
 * belongs to, what a missing value should have been), the finder passes it at the
 * report, as the catalogue allows.
 */
import { defineMessages, SYNTAX_CODES } from './catalogue.js';

export const SYNTAX_MESSAGES = defineMessages(SYNTAX_CODES, {
  // ------------------------------------------------------------------ lexer
  unreadable: { code: 'SG1001', message: "'{chars}' is not part of the policy language", help: 'remove it, or put it inside double quotes if it is part of a text' },
  unreadableSemicolon: { code: 'SG1001', message: "'{chars}' is not part of the policy language", help: "remove the ';': lines need no ending mark" },
  unreadableBacktick: { code: 'SG1001', message: "'{chars}' is not part of the policy language", help: 'write text in double quotes: "..."' },
  unreadableBackslash: { code: 'SG1001', message: "'{chars}' is not part of the policy language", help: 'a backslash is only used inside text in double quotes' },
  unreadableAmpersand: { code: 'SG1001', message: "'{chars}' is not part of the policy language", help: 'write `and` to require both conditions' },
  unreadableBar: { code: 'SG1001', message: "'{chars}' is not part of the policy language", help: 'write `or` to accept either condition' },
  unreadableLetter: {
    code: 'SG1001',
    message: "'{chars}' is not part of the policy language",
    help: "names may only use the letters A to Z, digits, '_' and '-'; put other text in double quotes",
  },
  unclosedText: {
    code: 'SG1002',
    message: "this text is missing its closing '\"' before the end of the line",
    help: 'add \'"\' where the text ends; text in quotes must fit on one line (write \\n for a line break)',
  },
  singleQuotes: { code: 'SG1020', message: 'text must be written in double quotes, not single quotes', help: 'write "{inner}" instead of {written}' },
  curlyQuotes: {
    code: 'SG1020',
    message: 'curly quotes “ ” are not understood; text must be in straight double quotes',
    help: 'retype the quotes as " (curly quotes often come from copying text out of a document)',
  },
  doubleAmpersand: { code: 'SG1008', message: "policies join conditions with 'and', not '&&'", help: 'write `and` instead of `&&`' },
  doubleBar: { code: 'SG1008', message: "policies join conditions with 'or', not '||'", help: 'write `or` instead of `||`' },
  bang: { code: 'SG1009', message: "policies use 'not', not '!'", help: 'write `not` instead of `!`, e.g. `not (subject contains "urgent")`' },
  tripleEquals: { code: 'SG1029', message: "policies compare with '==', not '==='", help: 'write `==` to check that two values are equal' },
  bangDoubleEquals: { code: 'SG1029', message: "policies compare with '!=', not '!=='", help: 'write `!=` to check that two values differ' },

  // ----------------------------------------------------------------- parser
  missingFrom: {
    code: 'SG1013',
    message: "expected 'from' and the file to import from after the imported names",
    help: 'write where the names come from, e.g. `import { Attachment } from "./common.policy"`',
  },
  missingGreater: { code: 'SG1004', message: "expected '>' to close the type", help: "close the type with '>', e.g. `list<string>`" },
  mapKeyType: {
    code: 'SG1004',
    message: "a map names only the type of its values: its keys are always text, so '{key},' is not needed",
    help: 'write the type of the values alone, e.g. `map<number>` for names with numbers',
  },
  missingPhraseList: {
    code: 'SG1019',
    message: "expected a list of phrases in '[ ]' after '=', but found {found}",
    help: 'write the phrases in double quotes inside square brackets, e.g. `phrases marketing = ["coupon", "promo code"]`',
  },
  quantifierWithoutIn: {
    code: 'SG1019',
    message: "expected 'in' after {after}, but found {found}",
    help: 'write `any a in attachments: a.kind == "invoice"` (also `all` and `count`)',
  },
  quantifierWithoutName: {
    code: 'SG1012',
    message: 'expected a name for each item after {after}, but found {found}',
    help: 'write `any a in attachments: a.kind == "invoice"`: `a` names each item of the list in turn',
  },
  missingFieldAfterDot: { code: 'SG1012', message: "expected a field name after '.', but found {found}", help: 'write the field to read, e.g. `a.fileName`' },
  missingInto: { code: 'SG1019', message: "expected 'into' and the field to insert into, but found {found}", help: 'write `fix insert "text" into subject at start`' },
  missingAt: {
    code: 'SG1028',
    message: "expected 'at start' or 'at end' after the field to insert into, but found {found}",
    help: 'write `fix insert "text" into subject at start` (or `at end`)',
  },
  missingStartOrEnd: { code: 'SG1028', message: "expected 'start' or 'end' after 'at', but found {found}", help: 'write `at start` or `at end`' },
  unexpected: { code: 'SG1019', message: 'expected {expected}, but found {found}', help: 'check the spelling and punctuation here' },
  policyNotFirst: {
    code: 'SG1026',
    message: "the 'policy' line must come first in the file",
    help: 'move `policy ...` and its source, version and input lines to the top, before any import or declaration',
  },
  strayClosingBrace: { code: 'SG1016', message: "found a '}' that does not close anything", help: "remove it, or add the missing '{' above it" },
  ruleLineOutsideRule: {
    code: 'SG1016',
    message: "a '{line}' line must be inside a rule",
    help: "put it between the '{' and '}' of a rule, e.g. `rule my-rule \"message\" { {line} ... }`",
  },
  exampleLineOutsideExample: { code: 'SG1016', message: "a '{line}' line must be inside an example", help: "put it between the '{' and '}' of an `example \"name\" { ... }`" },
  headerLineOutsideHeader: {
    code: 'SG1016',
    message: "a '{line}' line belongs to the 'policy' line at the top of the file",
    help: "move it directly under `policy ...` (a rule can also have its own `source \"...\"` line inside its '{ }')",
  },
  misspeltDeclaration: { code: 'SG1016', message: "'{word}' is not a kind of declaration", help: "did you mean '{guess}'?" },
  notADeclaration: {
    code: 'SG1016',
    message: 'expected a declaration such as record, enum, const, let, phrases, metric, rule or example, but found {found}',
    help: 'every part of a policy starts with one of the words record, enum, const, let, phrases, metric, rule, example or import',
  },
  textAfterValue: { code: 'SG1019', message: 'unexpected {found} after the value', help: 'join values with an operator such as `and`, `or`, `==` or `+`' },
  ruleNotClosed: { code: 'SG1004', message: "{owner} is missing its closing '{closer}'", help: "add '}' after the rule's last line" },
  recordNotClosed: { code: 'SG1004', message: "{owner} is missing its closing '{closer}'", help: "add '}' after the record's last field" },
  enumNotClosed: { code: 'SG1004', message: "{owner} is missing its closing '{closer}'", help: "add '}' after the enum's last value" },
  exampleNotClosed: { code: 'SG1004', message: "{owner} is missing its closing '{closer}'", help: "add '}' after the example's last line" },
  importNotClosed: { code: 'SG1004', message: "{owner} is missing its closing '{closer}'", help: "add '}' after the last imported name, then `from \"file.policy\"`" },
  tableNotClosed: { code: 'SG1004', message: "{owner} is missing its closing '{closer}'", help: "add '}' after its last `key: value` entry" },
  listNotClosed: { code: 'SG1004', message: "{owner} is missing its closing '{closer}'", help: "add ']' after its last item" },
  phrasesNotClosed: { code: 'SG1004', message: "{owner} is missing its closing '{closer}'", help: "add ']' after the last phrase" },
  indexNotClosed: { code: 'SG1004', message: "{owner} is missing its closing '{closer}'", help: "add ']' after the position or key, e.g. `items[0]`" },
  inlineEnumNotClosed: { code: 'SG1004', message: "{owner} is missing its closing '{closer}'", help: "add ')' after the last value name" },
  parenNotClosed: { code: 'SG1004', message: "{owner} is missing its closing '{closer}'", help: "add ')' where the part in brackets ends, e.g. `(a and b)`" },
  callNotClosed: { code: 'SG1004', message: "the '(' after '{fn}' is missing its closing ')'", help: "add ')' after the last value, e.g. `{fn}(body)`" },
  unclosedOpener: { code: 'SG1004', message: "the '{opener}' that is not closed" },
  textAfterRuleLine: {
    code: 'SG1017',
    message: "unexpected {found} at the end of the '{line}' line",
    help: 'remove it, or start a new line with each, when, require, forbid, hint, source or fix',
  },
  textAfterCondition: {
    code: 'SG1017',
    message: "unexpected {found} at the end of the '{line}' line",
    help: 'join it to the condition with `and` or `or`, or put it on a new line that starts with `require` or `forbid`',
  },
  notARuleLine: {
    code: 'SG1017',
    message: 'expected a rule line starting with each, when, require, forbid, hint, source or fix, but found {found}',
    help: 'start each line of a rule with each, when, require, forbid, hint, source or fix; a condition continues only with `and`, `or` or an operator such as `==`',
  },
  misspeltRuleLine: {
    code: 'SG1017',
    message: 'expected a rule line starting with each, when, require, forbid, hint, source or fix, but found {found}',
    help: "did you mean '{guess}'?",
  },
  severityInsideRule: {
    code: 'SG1017',
    message: 'expected a rule line starting with each, when, require, forbid, hint, source or fix, but found {found}',
    help: 'the severity goes on the first line, right after the rule name: `rule my-rule error "message" {`',
  },
  notAField: {
    code: 'SG1017',
    message: "expected a field such as `orderId: string`, or '}', but found {found}",
    help: 'each field is a name, a colon and a type; text after a field must start a new field',
  },
  notAnEnumValue: { code: 'SG1017', message: "expected a value name or '}' in the enum, but found {found}", help: 'list the values as plain names separated by commas' },
  quotedEnumValue: {
    code: 'SG1017',
    message: "expected a value name or '}' in the enum, but found {found}",
    help: 'enum values are plain names without quotes, e.g. `enum Purpose { order_issue, other }`',
  },
  notAnExampleLine: {
    code: 'SG1017',
    message: "expected a 'given' or 'expect' line or '}', but found {found}",
    help: 'an example has `given { ... }` and `expect rule-name` lines',
  },
  notAnEntry: {
    code: 'SG1017',
    message: "expected a `key: value` entry or '}', but found {found}",
    help: 'separate entries with commas, e.g. `{ body: "hello", orderId: "112-1234567-1234567" }`',
  },
  notAListItem: { code: 'SG1017', message: "expected ',' or ']' in the list, but found {found}", help: 'separate the items of a list with commas, e.g. `["CPC", "CE"]`' },
  notAPhrase: { code: 'SG1017', message: "expected a phrase in double quotes or ']', but found {found}", help: 'write each phrase in double quotes, e.g. `["coupon", "promo code"]`' },
  notAnImportedName: {
    code: 'SG1017',
    message: "expected ',' or '}' in the list of imported names, but found {found}",
    help: 'separate the names with commas: `import { Attachment, marketing } from "./common.policy"`',
  },
  expectedCloser: {
    code: 'SG1019',
    message: "expected '{closer}' but found {found}",
    help: "check what comes before '{closer}'; values are joined with operators such as `and`, `or`, `==` or `+`",
  },
  missingFieldColon: { code: 'SG1006', message: "expected ':' after the field name '{field}'", help: "write the field's name, a colon and its type, e.g. `{field}: {type}`" },
  missingKeyColon: { code: 'SG1006', message: "expected ':' after the key {key}", help: 'write each entry as `key: value`, e.g. `{ body: "hello" }`' },
  missingQuantifierColon: { code: 'SG1019', message: "expected ':' after the list, but found {found}", help: 'write `any a in attachments: a.kind == "invoice"`' },
  missingText: { code: 'SG1033', message: "expected {what} after '{after}', but found {found}", help: 'put the text in double quotes' },
  missingTextExample: { code: 'SG1033', message: "expected {what} after '{after}', but found {found}", help: 'write for example {example}' },
  wordBeforeBrace: { code: 'SG1019', message: "unexpected {found} before '{'", help: 'remove it' },
  wordBeforeRuleBrace: { code: 'SG1019', message: "unexpected {found} before '{'", help: 'a rule starts with `rule name severity "message" {`; remove this word' },
  severityAfterMessage: { code: 'SG1019', message: "unexpected {found} before '{'", help: 'the severity goes before the message: `rule my-rule error "message" {`' },
  missingOpenBrace: { code: 'SG1030', message: "expected '{' to start the block, but found {found}", help: "add '{'" },
  ruleWithoutBrace: {
    code: 'SG1030',
    message: "expected '{' to start the rule's lines, but found {found}",
    help: 'write `{` at the end of the first line: `rule my-rule error "message" {`',
  },
  recordWithoutBrace: { code: 'SG1030', message: "expected '{' to start the record's fields, but found {found}", help: 'write `record Message {`, one field per line, then `}`' },
  enumWithoutBrace: { code: 'SG1030', message: "expected '{' to start the enum's values, but found {found}", help: 'write `enum Purpose { order_issue, other }`' },
  exampleWithoutBrace: {
    code: 'SG1030',
    message: "expected '{' to start the example's lines, but found {found}",
    help: 'write `example "name" {`, then the given and expect lines, then `}`',
  },
  importWithoutBrace: { code: 'SG1030', message: "expected '{' to start the names to import, but found {found}", help: 'write `import { Attachment } from "./common.policy"`' },
  missingPhrasesEquals: { code: 'SG1031', message: "expected '=' after the phrases name {name}", help: 'write `phrases marketing = ["coupon", "promo code"]`' },
  missingLetEquals: { code: 'SG1031', message: "expected '=' and a value after the let '{name}'", help: 'write `let {name} = ` and the value it names, e.g. `let {name} = lower(body)`' },
  letWithType: {
    code: 'SG1031',
    message: "a let does not name a type: '{name}' takes the type of its value",
    help: 'remove the colon and the type, and write `let {name} = ` and the value (only a const may name its type)',
  },
  missingConstEquals: { code: 'SG1031', message: "expected '=' and a value after the const '{name}'", help: "write `const {name} = 30 days` (any value works after '=')" },
  missingExpectedRule: {
    code: 'SG1007',
    message: "expected the name of a rule after 'expect', but found {found}",
    help: 'write `expect rule-name` (the rule should fire), `expect not rule-name` (it should not) or `expect nothing`',
  },
  unknownFix: {
    code: 'SG1027',
    message: "expected remove, replace or insert after 'fix', but found {found}",
    help: 'write `fix remove`, `fix replace "new text"` or `fix insert "text" into subject at start`',
  },
  misspeltFix: { code: 'SG1027', message: "expected remove, replace or insert after 'fix', but found {found}", help: "did you mean '{guess}'?" },
  missingItemType: {
    code: 'SG1003',
    message: 'expected a type after {after}, but found {found}',
    help: 'write the type of the items, e.g. `list<string>` or `map<list<string>>`',
  },
  missingFieldType: {
    code: 'SG1003',
    message: "expected a field type such as string, text or date after ':'",
    help: 'write the type after the colon, e.g. `{field}: string`; other types are text, number, integer, percent, boolean, date, datetime, duration, list<...>, map<...> and your own record and enum names',
  },
  missingConstType: {
    code: 'SG1003',
    message: "expected a type such as string, number or date after ':'",
    help: 'write a type after the colon, or leave out the colon and the type',
  },
  missingName: { code: 'SG1012', message: "expected {what} after '{after}', but found {found}", help: 'write for example {example}' },
  quotedName: { code: 'SG1012', message: "expected {what} after '{after}', but found {found}", help: 'names are written without quotes, e.g. {example}' },
  missingValue: {
    code: 'SG1018',
    message: "expected a value after '{after}', but found {found}",
    help: 'write a value here, such as a field name, a number, a date or text in double quotes',
  },
  missingForbidCondition: { code: 'SG1018', message: "expected a condition after '{after}', but found {found}", help: 'write what must not happen, e.g. `forbid emails(body)`' },
  missingWhenCondition: { code: 'SG1018', message: "expected a condition after '{after}', but found {found}", help: 'write when the rule applies, e.g. `when purpose != "other"`' },
  missingRequireCondition: {
    code: 'SG1018',
    message: "expected a condition after '{after}', but found {found}",
    help: 'write what must hold, e.g. `require sentAt - orderCompletedAt <= 30 days`',
  },
  missingNotCondition: {
    code: 'SG1018',
    message: "expected a condition after '{after}', but found {found}",
    help: 'write the condition that must not hold, e.g. `not (subject contains "urgent")`',
  },
  missingGiven: { code: 'SG1018', message: "expected the example's input after '{after}', but found {found}", help: 'write the input record, e.g. `given { body: "write to a@b.com" }`' },
  missingReplacement: { code: 'SG1018', message: "expected the replacement text after '{after}', but found {found}", help: 'write `fix replace "new text"`' },
  missingInsertText: { code: 'SG1018', message: "expected the text to insert after '{after}', but found {found}", help: 'write `fix insert "text" into subject at start`' },
  missingInsertTarget: { code: 'SG1018', message: "expected the field to insert into after '{after}', but found {found}", help: 'write `fix insert "text" into subject at start`' },
  countBeforeValue: {
    code: 'SG1018',
    message: "expected {what} after '{after}', but found {found}",
    help: "'count' is a reserved word: write `count(list)` or `count x in list: condition`; a field called count must be renamed",
  },
  quantifierBeforeValue: { code: 'SG1018', message: "expected {what} after '{after}', but found {found}", help: "'{word}' is a reserved word: write `{word} x in list: condition`" },
  operatorBeforeValue: { code: 'SG1018', message: "expected {what} after '{after}', but found {found}", help: "'{word}' joins or compares values; put a value before it" },

  // ------------------------------------------------------------ AST builder
  headerSourceTwice: { code: 'SG1024', message: "the policy gives 'source' twice", help: 'keep one `source "..."` line under `policy`' },
  headerVersionTwice: { code: 'SG1024', message: "the policy gives 'version' twice", help: 'keep one `version "..."` line under `policy`' },
  headerInputTwice: { code: 'SG1024', message: "the policy gives 'input' twice", help: 'keep one `input RecordName` line under `policy`' },
  ruleEachTwice: { code: 'SG1024', message: "the rule has more than one 'each' line", help: 'a rule goes over one list; use `any` or `all` inside its conditions for others' },
  ruleWhenTwice: { code: 'SG1024', message: "the rule has more than one 'when' line", help: 'join the conditions into one `when` line with `and`' },
  ruleHintTwice: { code: 'SG1024', message: "the rule has more than one 'hint' line", help: 'keep one `hint` line; a hint can be as long as needed' },
  ruleSourceTwice: { code: 'SG1024', message: "the rule has more than one 'source' line", help: 'keep one `source` line, e.g. `source "guidelines, section 2"`' },
  ruleFixTwice: { code: 'SG1024', message: "the rule has more than one 'fix' line", help: 'a rule can offer one fix; keep the one that helps most' },
  exampleAsOfTwice: { code: 'SG1024', message: "the example has more than one 'as of' line", help: 'keep one `as of 2026-11-20` line' },
  exampleGivenTwice: { code: 'SG1024', message: "the example has more than one 'given' line", help: 'put all the input fields in one `given { ... }`' },
  metricWhereTwice: { code: 'SG1024', message: "the metric has more than one 'where' line", help: 'join the conditions into one `where` line with `and`' },
  metricOverTwice: { code: 'SG1024', message: "the metric has more than one 'over' line", help: 'a metric has one time window' },
  metricMeasuresTwice: { code: 'SG1024', message: 'the metric says more than once what it measures', help: 'keep one of count, rate, total, average, minimum or maximum' },
  importAfterDeclarations: {
    code: 'SG1025',
    message: 'imports must come before the declarations',
    help: 'move this `import` line up, under the `policy` lines and before the first record, enum, const, let, phrases, metric, rule or example',
  },
  reservedName: { code: 'SG1014', message: "'{word}' is a reserved word and cannot be used as a name", help: 'choose another name; these words are reserved: {reserved}' },
  reservedFieldName: {
    code: 'SG1014',
    message: "'{word}' is a reserved word and cannot be used as a name",
    help: 'rename the field and read the data\'s "{word}" key with `from`, e.g. `{word}Value: integer from "{word}"`',
  },
  reservedKey: { code: 'SG1014', message: "'{word}' is a reserved word and cannot be used as a key without quotes", help: 'put the key in double quotes: `"{word}": ...`' },
  reservedType: {
    code: 'SG1003',
    message: "'{word}' is a reserved word, not a type",
    help: 'write a type such as string, text, number, integer, percent, boolean, date, datetime or duration, or the name of one of your records or enums',
  },
  unknownSeverity: { code: 'SG1005', message: "'{word}' is not a severity", help: "a rule's severity is error, warning or info, e.g. `rule my-rule warning \"...\" {`" },
  misspeltSeverity: { code: 'SG1005', message: "'{word}' is not a severity", help: "did you mean '{guess}'? a rule's severity is error, warning or info" },
  singleEquals: { code: 'SG1010', message: "a single '=' does not compare values", help: 'use `==` to compare: {example}' },
  chainedComparison: {
    code: 'SG1011',
    message: "two comparisons in a row need 'and' between them",
    help: 'compare two values at a time and join the comparisons with `and`: {example}',
  },
  numberTooLarge: { code: 'SG1032', message: 'the number {number} is too large', help: 'use a smaller number' },
  impossibleDate: { code: 'SG1015', message: '{problem}', help: 'check the year, month and day; dates are written YYYY-MM-DD, e.g. 2026-11-03' },
  impossibleDatetime: { code: 'SG1015', message: '{problem}', help: 'check the date and the time; a date and time is written like 2026-11-03T10:00:00Z' },
  unknownEscape: {
    code: 'SG1034',
    severity: 'warning',
    message: '{escapes} in text in double quotes; the backslash is kept as written',
    help: "for a pattern, write {rawForm} (nothing in it is an escape); for a backslash in text, write two: '\\\\'. `sellguard fmt` rewrites it for you",
  },
  missingComma: {
    code: 'SG1035',
    severity: 'warning',
    message: 'a comma is missing after {item}',
    help: 'separate the items of a list, table or enum with commas, e.g. `["a", "b"]`; `sellguard fmt` adds the missing commas',
  },
  tightMinus: {
    code: 'SG1036',
    severity: 'warning',
    message: "'{left} -{right}' is read as {left} minus {right}",
    help: 'to subtract, write `{left} - {right}`; for two items of a list, put a comma between them: `{left}, -{right}`',
  },

  // -------------------------------------------------------------- templates
  unclosedInterpolation: {
    code: 'SG1021',
    message: "this '{' in the message is not closed with '}'",
    help: "close the value with '}', e.g. {example}, or write \\{ to show a brace",
  },
  emptyInterpolation: { code: 'SG1022', message: "empty '{}' in the message", help: 'write a value between the braces, e.g. {example}, or write \\{\\} to show braces' },
  quotesInInterpolation: {
    code: 'SG1023',
    message: "a value inside '{...}' in a message cannot contain text in quotes",
    help: 'move the quoted text outside the braces, or declare it with `const` and use its name inside the braces',
  },

  // -------------------------------------------------------- formatter, internal
  formatterUnsafe: {
    code: 'SG1098',
    severity: 'warning',
    message: 'the formatter left this file unchanged because it could not format it safely',
    help: 'please report this file to the Sellguard team ({why})',
  },
  expressionTooDeep: {
    code: 'SG1037',
    message: 'this expression is nested too deeply (more than {limit} levels of operators or brackets)',
    help: 'split a long chain of `and`, `or` or `+` into several rules, or name parts of it with `let` declarations',
  },
  nestedTooDeeply: { code: 'SG1099', message: 'this policy is nested too deeply to read', help: 'use fewer nested brackets, e.g. move inner parts into `const` declarations' },
  internalError: { code: 'SG1099', message: 'the policy could not be read because of an internal error', help: 'please report this to the Sellguard team ({why})' },
});

export type SyntaxMessage = keyof typeof SYNTAX_MESSAGES;

/** The messages of SG1004 for a block or bracket whose closing bracket is missing. */
export type UnclosedBlock = 'ruleNotClosed' | 'recordNotClosed' | 'enumNotClosed' | 'exampleNotClosed' | 'importNotClosed' | 'tableNotClosed' | 'listNotClosed' | 'phrasesNotClosed' | 'indexNotClosed' | 'inlineEnumNotClosed' | 'parenNotClosed';

/** The messages of SG1024: a line a block may have once, given again (they take no parameters). */
export type RepeatedLine = 'headerSourceTwice' | 'headerVersionTwice' | 'headerInputTwice' | 'ruleEachTwice' | 'ruleWhenTwice' | 'ruleHintTwice' | 'ruleSourceTwice' | 'ruleFixTwice' | 'exampleAsOfTwice' | 'exampleGivenTwice' | 'metricWhereTwice' | 'metricOverTwice';
