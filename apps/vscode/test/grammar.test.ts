/**
 * The TextMate grammar, run by vscode-textmate with the Oniguruma engine VS
 * Code uses, on snippet files: each listed word must get the scope a theme
 * colours it by.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import oniguruma from 'vscode-oniguruma';
import textmate from 'vscode-textmate';

const here = import.meta.dirname;
let grammar: textmate.IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(resolve(here, '../../../node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => textmate.parseRawGrammar(readFileSync(resolve(here, '../syntaxes/sellguard.tmLanguage.json'), 'utf8'), 'sellguard.tmLanguage.json'),
  });
  grammar = (await registry.loadGrammar('source.sellguard'))!;
});

/** The scopes of every token of a snippet file, as [text, innermost scope]. */
function tokens(file: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let state = textmate.INITIAL;
  for (const line of readFileSync(resolve(here, 'grammar', file), 'utf8').split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    for (const t of result.tokens) out.push([line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]]);
    state = result.ruleStack;
  }
  return out;
}

const scopeOf = (all: Array<[string, string]>, text: string) => all.find(([t]) => t === text)?.[1];

describe('the Sellguard TextMate grammar', () => {
  it('colours a rule: declaration, severity, keywords, calls, strings, interpolation, comments', () => {
    const all = tokens('rule.policy');
    expect(scopeOf(all, '## Messages must name the order.')).toBe('comment.block.documentation.sellguard');
    expect(scopeOf(all, 'rule')).toBe('keyword.other.declaration.sellguard');
    expect(scopeOf(all, 'order-id-missing')).toBe('entity.name.function.sellguard');
    expect(scopeOf(all, 'error')).toBe('constant.language.severity.sellguard');
    expect(scopeOf(all, 'when')).toBe('keyword.control.sellguard');
    expect(scopeOf(all, 'not')).toBe('keyword.operator.word.sellguard');
    expect(scopeOf(all, 'empty')).toBe('support.function.sellguard');
    expect(scopeOf(all, 'subject')).toBe('variable.other.sellguard');
    expect(scopeOf(all, '{')).toBe('punctuation.section.interpolation.begin.sellguard');
    expect(scopeOf(all, 'Put the order id in the subject')).toBe('string.quoted.double.sellguard');
    expect(scopeOf(all, '# why')).toBe('comment.line.number-sign.sellguard');
  });

  it('colours a let: the keyword and the name it declares', () => {
    const all = tokens('let.policy');
    expect(scopeOf(all, 'let')).toBe('keyword.other.declaration.sellguard');
    expect(scopeOf(all, 'sellerFulfilled')).toBe('variable.other.constant.sellguard');
    expect(scopeOf(all, 'lower')).toBe('support.function.sellguard');
  });

  it('colours a record: type names, field names, types, durations', () => {
    const all = tokens('record.policy');
    expect(scopeOf(all, 'Message')).toBe('entity.name.type.sellguard');
    expect(scopeOf(all, 'sentAt')).toBe('variable.other.property.sellguard');
    expect(scopeOf(all, 'datetime')).toBe('support.type.primitive.sellguard');
    expect(scopeOf(all, 'Attachment')).toBe('entity.name.type.sellguard');
    expect(scopeOf(all, 'messageWindow')).toBe('variable.other.constant.sellguard');
    expect(scopeOf(all, '30 days')).toBe('constant.numeric.duration.sellguard');
  });
});
