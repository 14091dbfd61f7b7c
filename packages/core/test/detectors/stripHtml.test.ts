import { describe, expect, it } from 'vitest';
import { stripHtml } from '../../src/runtime/detectors/index.js';

describe('stripHtml', () => {
  const rows: Array<[string, string]> = [
    ['plain text', 'plain text'],
    ['<p>Hello</p><p>World</p>', '\nHello\nWorld\n'],
    ['Line<br>break', 'Line\nbreak'],
    ['<b>bold</b> and <i>it</i>', 'bold and it'],
    ['a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x41;', 'a & b <c> "d" \'e\' A'],
    ['&nbsp;x&euro;', '\u00a0x€'],
    ['&unknown; &constructor; AT&T', '&unknown; &constructor; AT&T'],
    ['<!-- hidden --><p>shown</p>', '\nshown\n'],
    ['<script>var x = "<p>";</script>after', 'after'],
    ['<style>p { width: 1px }</style>after', 'after'],
    ['a < b and c > d', 'a < b and c > d'],
    ['I <3 it', 'I <3 it'],
    ['<a href="x" title=\'1 > 0\'>link</a>', 'link'],
    ['<img src="unterminated', '<img src="unterminated'],
    ['<p>ok</p><img src="x', '\nok\n<img src="x'],
    ['<!DOCTYPE html><html><body>Hi</body></html>', '\nHi\n'],
  ];
  it.each(rows)('%j', (input, expected) => {
    expect(stripHtml(input).text).toBe(expected);
  });
  it('maps offsets back to the original', () => {
    const input = '<p>Hi &amp; bye</p>';
    const { text, map } = stripHtml(input);
    expect(text).toBe('\nHi & bye\n');
    expect(input[map(text.indexOf('H'))]).toBe('H');
    expect(input.slice(map(text.indexOf('&')), map(text.indexOf('&') + 1))).toBe('&amp;');
    expect(map(text.length)).toBe(input.length);
  });
});
