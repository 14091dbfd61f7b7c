import { describe, expect, it } from 'vitest';
import { createPolicyLexer, lex } from '../src/lexer.js';
import { dateValue, decodeEscapes, durationValue } from '../src/literals.js';

/** `Type:image` for each token. */
function kinds(text: string): string[] {
  return lex(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

describe('lexer', () => {
  const table: Array<[string, string[]]> = [
    // names with hyphens are one identifier
    ['buyer-messaging', ['Identifier:buyer-messaging']],
    ['outside-window order-defect-rate', ['Identifier:outside-window', 'Identifier:order-defect-rate']],
    ['a - b', ['Identifier:a', 'Minus:-', 'Identifier:b']],
    ['a-b', ['Identifier:a-b']],
    ['_x9', ['Identifier:_x9']],
    // keywords versus identifiers that start with them
    ['in input inputs insert info in-stock', ['In:in', 'Input:input', 'Identifier:inputs', 'Insert:insert', 'Info:info', 'Identifier:in-stock']],
    ['source sourceUrl', ['Source:source', 'Identifier:sourceUrl']],
    ['rule rules ruleset', ['Rule:rule', 'Identifier:rules', 'Identifier:ruleset']],
    ['not note nothing', ['Not:not', 'Identifier:note', 'Nothing:nothing']],
    ['contains startsWith endsWith matches match', ['Contains:contains', 'StartsWith:startsWith', 'EndsWith:endsWith', 'Matches:matches', 'Identifier:match']],
    ['any all count counter', ['Any:any', 'All:all', 'Count:count', 'Identifier:counter']],
    ['true false null', ['True:true', 'False:false', 'Null:null']],
    ['error warning info', ['Error:error', 'Warning:warning', 'Info:info']],
    ['list map enum', ['List:list', 'Map:map', 'Enum:enum']],
    // numbers, percentages, durations
    ['42 0.5 1e6 2.5E-3', ['NumberLit:42', 'NumberLit:0.5', 'NumberLit:1e6', 'NumberLit:2.5E-3']],
    ['2.5% 100%', ['PercentLit:2.5%', 'PercentLit:100%']],
    ['30 days', ['DurationLit:30 days']],
    ['1 day 24 hours 1.5 weeks 90 seconds 5 minute', ['DurationLit:1 day', 'DurationLit:24 hours', 'DurationLit:1.5 weeks', 'DurationLit:90 seconds', 'DurationLit:5 minute']],
    ['30days', ['DurationLit:30days']],
    ['30 dayz', ['NumberLit:30', 'Identifier:dayz']],
    // dates and date-times
    ['2026-11-03', ['DateLit:2026-11-03']],
    ['2026-11-03T10:00:00Z', ['DatetimeLit:2026-11-03T10:00:00Z']],
    ['2026-11-03T10:00', ['DatetimeLit:2026-11-03T10:00']],
    ['2026-11-03T10:00:00.250+02:00', ['DatetimeLit:2026-11-03T10:00:00.250+02:00']],
    ['2026 - 11', ['NumberLit:2026', 'Minus:-', 'NumberLit:11']],
    // strings
    ['"hello"', ['DoubleQuoted:"hello"']],
    ['"say \\"hi\\""', ['DoubleQuoted:"say \\"hi\\""']],
    ['"\\d{17}"', ['DoubleQuoted:"\\d{17}"']],
    ['"# not a comment"', ['DoubleQuoted:"# not a comment"']],
    ['"open', ['UnclosedString:"open']],
    ['"Remove it {\n', ['UnclosedString:"Remove it', 'LCurly:{']],
    ["'single'", ["SingleQuoted:'single'"]],
    ['\u201ccurly\u201d', ['CurlyQuoted:\u201ccurly\u201d']],
    // operators and punctuation
    ['<= >= == != = < >', ['LessEq:<=', 'GreaterEq:>=', 'EqEq:==', 'NotEq:!=', 'Equals:=', 'Less:<', 'Greater:>']],
    ['{ } ( ) [ ] : , . ? + - * /', ['LCurly:{', 'RCurly:}', 'LParen:(', 'RParen:)', 'LBracket:[', 'RBracket:]', 'Colon::', 'Comma:,', 'Dot:.', 'Question:?', 'Plus:+', 'Minus:-', 'Star:*', 'Slash:/']],
    ['list<map<string>>', ['List:list', 'Less:<', 'Map:map', 'Less:<', 'Identifier:string', 'Greater:>', 'Greater:>']],
    // `>=` right after a type argument is the `>` closing the type and the `=` of a default
    ['list<string>= []', ['List:list', 'Less:<', 'Identifier:string', 'Greater:>', 'Equals:=', 'LBracket:[', 'RBracket:]']],
    ['list<string> = []', ['List:list', 'Less:<', 'Identifier:string', 'Greater:>', 'Equals:=', 'LBracket:[', 'RBracket:]']],
    ['map<number>=', ['Map:map', 'Less:<', 'Identifier:number', 'Greater:>', 'Equals:=']],
    ['map<list<string>>=', ['Map:map', 'Less:<', 'List:list', 'Less:<', 'Identifier:string', 'Greater:>', 'Greater:>', 'Equals:=']],
    ['list<enum(a, b)>=', ['List:list', 'Less:<', 'Enum:enum', 'LParen:(', 'Identifier:a', 'Comma:,', 'Identifier:b', 'RParen:)', 'Greater:>', 'Equals:=']],
    // a comparison stays a comparison, also with names like the type words
    ['a >= b', ['Identifier:a', 'GreaterEq:>=', 'Identifier:b']],
    ['a>=b', ['Identifier:a', 'GreaterEq:>=', 'Identifier:b']],
    ['list < 3 and n >= 2', ['List:list', 'Less:<', 'NumberLit:3', 'And:and', 'Identifier:n', 'GreaterEq:>=', 'NumberLit:2']],
    ['list<string> x >= 1', ['List:list', 'Less:<', 'Identifier:string', 'Greater:>', 'Identifier:x', 'GreaterEq:>=', 'NumberLit:1']],
    // operators from other languages are read so they can be reported once
    ['&& || ! === !==', ['AndAnd:&&', 'OrOr:||', 'Bang:!', 'TripleEq:===', 'BangEqEq:!==']],
    // comments are kept aside
    ['a # note\nb', ['Identifier:a', 'Identifier:b']],
  ];

  it.each(table)('%j', (input, expected) => {
    expect(kinds(input)).toEqual(expected);
  });

  it('places the split `>` and `=` where they are written', () => {
    const tokens = lex('x: list<string>= []').tokens;
    // Tokens carry offsets only, like every token of the lexer (lines come from the offsets).
    expect(tokens.slice(5, 7).map((t) => [t.image, t.startOffset, t.endOffset, t.startLine])).toEqual([
      ['>', 14, 14, undefined],
      ['=', 15, 15, undefined],
    ]);
  });

  it('keeps comments in their own group, with the #', () => {
    const { comments } = lex('## doc\nrecord A {} # trailing\n');
    expect(comments.map((c) => c.image)).toEqual(['## doc', '# trailing']);
  });

  it('reports characters it cannot read, once per run', () => {
    const { diagnostics, tokens } = lex('a @@ b');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'SG1001', span: { start: 2, end: 4 } });
    expect(tokens.map((t) => t.image)).toEqual(['a', 'b']);
  });

  it('reports misused tokens with plain words', () => {
    const codes = lex('a && b || !c "x').diagnostics.map((d) => d.code);
    expect(codes).toEqual(['SG1008', 'SG1008', 'SG1009', 'SG1002']);
  });

  it('shifts diagnostic offsets by base but not token offsets', () => {
    const r = lex('@', 100);
    expect(r.diagnostics[0].span).toEqual({ start: 100, end: 101 });
    expect(lex('x', 100).tokens[0].startOffset).toBe(0);
  });
});

describe('literal values', () => {
  it.each([
    ['plain', 'plain'],
    ['say \\"hi\\"', 'say "hi"'],
    ['a\\\\b', 'a\\b'],
    ['line\\nnext\\ttab', 'line\nnext\ttab'],
    ['\\{not interpolated\\}', '{not interpolated}'],
    ['\\u00e9t\\u00E9', 'été'],
    ['\\d{3}-\\d{7}', '\\d{3}-\\d{7}'],
    ['\\q \\u12 end\\', '\\q \\u12 end\\'],
  ])('decodes %j', (raw, value) => {
    expect(decodeEscapes(raw)).toBe(value);
  });

  it.each([
    ['30 days', 30, 'day', 30 * 86_400_000],
    ['1 day', 1, 'day', 86_400_000],
    ['24 hours', 24, 'hour', 86_400_000],
    ['1.5 weeks', 1.5, 'week', 1.5 * 604_800_000],
    ['90 seconds', 90, 'second', 90_000],
    ['2 minutes', 2, 'minute', 120_000],
  ])('duration %j', (raw, amount, unit, ms) => {
    expect(durationValue(raw)).toEqual({ amount, unit, ms });
  });

  it('reads dates and date-times as UTC milliseconds', () => {
    expect(dateValue('2026-11-03')).toEqual({ ms: Date.UTC(2026, 10, 3), withTime: false });
    expect(dateValue('2026-11-03T10:00:00Z').ms).toBe(Date.UTC(2026, 10, 3, 10));
    expect(dateValue('2026-11-03T10:00').ms).toBe(Date.UTC(2026, 10, 3, 10));
    expect(dateValue('2026-11-03T10:00:00.5+02:00').ms).toBe(Date.UTC(2026, 10, 3, 8, 0, 0, 500));
    expect(dateValue('2028-02-29').problem).toBeUndefined();
    expect(dateValue('0050-01-01').ms).toBe(new Date('0050-01-01T00:00:00Z').getTime());
  });

  it('explains impossible dates', () => {
    expect(dateValue('2026-02-30').problem).toBe('2026-02-30 is not a real date: February 2026 has 28 days');
    expect(dateValue('2026-13-01').problem).toBe('2026-13-01 is not a real date: there is no month 13');
    expect(dateValue('2026-04-31').problem).toBe('2026-04-31 is not a real date: April 2026 has 30 days');
    expect(dateValue('2026-01-01T24:00').problem).toBe('2026-01-01T24:00 is not a real time: hours go from 00 to 23');
    expect(Number.isNaN(dateValue('2026-02-30').ms)).toBe(true);
  });
});

describe('the token definitions', () => {
  // Users' runs skip the lexer's checks of the token definitions to start faster; here they run.
  it('pass the lexer checks', () => {
    const lexer = createPolicyLexer({ validate: true });
    expect(lexer.lexerDefinitionErrors).toEqual([]);
  });

  // The lexer is built with ensureOptimizations, which throws when a token keeps it from picking
  // candidates by first character; this says so plainly, and checks the lexer users get.
  it('let the lexer pick tokens by their first character', () => {
    expect(createPolicyLexer({ validate: true }).canModeBeOptimized).toEqual({ defaultMode: true });
    expect(createPolicyLexer().canModeBeOptimized).toEqual({ defaultMode: true });
  });
});
