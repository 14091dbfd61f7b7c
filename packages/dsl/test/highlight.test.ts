import { describe, expect, it } from 'vitest';
import { tokenize, type HighlightToken } from '../src/index.js';

/** `kind:text` for each token. */
function show(text: string): string[] {
  return tokenize(text).tokens.map((t: HighlightToken) => `${t.kind}:${text.slice(t.span.start, t.span.end)}`);
}

describe('tokenize', () => {
  it('classifies a rule: keywords, severity, template, operators, names', () => {
    expect(show('rule late error "Sent {days(a)} ago" {\n  require a <= 30 days and b == true\n}')).toEqual([
      'keyword:rule', 'identifier:late', 'severity:error',
      'string:"Sent ', 'interpolation:{', 'identifier:days', 'punctuation:(', 'identifier:a', 'punctuation:)', 'interpolation:}', 'string: ago"',
      'punctuation:{', 'keyword:require', 'identifier:a', 'operator:<=', 'literal:30 days', 'keyword:and', 'identifier:b', 'operator:==', 'literal:true', 'punctuation:}',
    ]);
  });

  it('colours soft keywords used as names as identifiers, and types as types', () => {
    expect(show('record source {\n  from: list<Attachment>? = []\n  at: enum(start, end)\n}')).toEqual([
      'keyword:record', 'identifier:source', 'punctuation:{',
      'identifier:from', 'punctuation::', 'type:list', 'punctuation:<', 'type:Attachment', 'punctuation:>', 'punctuation:?', 'operator:=', 'punctuation:[', 'punctuation:]',
      'identifier:at', 'punctuation::', 'type:enum', 'punctuation:(', 'identifier:start', 'punctuation:,', 'identifier:end', 'punctuation:)',
      'punctuation:}',
    ]);
  });

  it('classifies literals, comments and plain strings', () => {
    expect(show('## doc\nconst x = [42, 2.5%, 2026-11-03, "a {b}", null] # note')).toEqual([
      'comment:## doc', 'keyword:const', 'identifier:x', 'operator:=', 'punctuation:[', 'number:42', 'punctuation:,', 'number:2.5%', 'punctuation:,',
      'literal:2026-11-03', 'punctuation:,', 'string:"a {b}"', 'punctuation:,', 'literal:null', 'punctuation:]', 'comment:# note',
    ]);
  });

  it('highlights lets, raw strings, and the values inside a raw message', () => {
    expect(show('let x = r"\\d" + y\nrule r r"a {x}" { forbid x }')).toEqual([
      'keyword:let', 'identifier:x', 'operator:=', 'string:r"\\d"', 'operator:+', 'identifier:y',
      'keyword:rule', 'identifier:r', 'string:r"a ', 'interpolation:{', 'identifier:x', 'interpolation:}', 'string:"',
      'punctuation:{', 'keyword:forbid', 'identifier:x', 'punctuation:}',
    ]);
  });

  it('still highlights broken text and reports what the lexer could not read', () => {
    const r = tokenize('rule x "open\n  forbid a @ b');
    expect(r.tokens.map((t) => t.kind)).toContain('string');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['SG1002', 'SG1001']);
  });
});
