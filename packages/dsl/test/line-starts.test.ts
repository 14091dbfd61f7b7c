/**
 * The parser's gates ask which tokens are first on their line. The lexer tracks offsets only and
 * works this out from the text between tokens; here it is compared with Chevrotain's own line
 * tracking (a lexer over the same token definitions with `positionTracking: 'full'`) on random text.
 */
import { Lexer, type IToken } from 'chevrotain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lex } from '../src/lexer.js';
import { allTokens } from '../src/tokens.js';

const pieces = [
  'rule', 'hint', 'source', 'when', 'x', 'body', 'and', '==', '>=', 'list', 'map', '<', '>', '=', '"text"', '"open',
  "'q'", '“curly”', '# note', '{', '}', '(', ')', ':', ',', '42', '@', '\n', '\r\n', '\r', ' ', '\t', '\n\n  ',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((p) => p.join(' '));
const tightText = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((p) => p.join(''));

/** Offsets of the tokens whose line is after the previous token's last line, as Chevrotain counts lines. */
function byLineNumbers(source: string, full: Lexer): number[] {
  const tokens: IToken[] = full.tokenize(source).tokens;
  return tokens.filter((t, i) => i > 0 && t.startLine! > tokens[i - 1].endLine!).map((t) => t.startOffset);
}

describe('tokens first on their line', () => {
  const full = new Lexer(allTokens, { positionTracking: 'full', skipValidations: true });

  it('are the ones Chevrotain puts on a later line than the token before', () => {
    fc.assert(
      fc.property(fc.oneof(text, tightText), (source) => {
        const offsets = [...lex(source).lineStarts].map((t) => t.startOffset).sort((a, b) => a - b);
        expect(offsets).toEqual(byLineNumbers(source, full));
      }),
      { numRuns: 400 },
    );
  });

  it('include the first token after a comment line and not a token after spaces', () => {
    const { tokens, lineStarts } = lex('a b # note\n  c\r\nd');
    expect(tokens.filter((t) => lineStarts.has(t)).map((t) => t.image)).toEqual(['c', 'd']);
  });
});
