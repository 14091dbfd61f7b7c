import { describe, expect, it } from 'vitest';
import { emoji } from '../../src/runtime/detectors/index.js';

const texts = (s: string) => emoji(s).map((m) => m.text);

describe('emoji: table', () => {
  const rows: Array<[string, string[]]> = [
    ['Thanks 😀', ['😀']],
    ['Great 👍🏽 job', ['👍🏽']],
    ['Family 👨‍👩‍👧 trip', ['👨‍👩‍👧']],
    ['Made in 🇩🇪 and 🇯🇵', ['🇩🇪', '🇯🇵']],
    ['Step 1️⃣ then #️⃣ and *️⃣', ['1️⃣', '#️⃣', '*️⃣']],
    ['Love it ❤️', ['❤️']],
    ['Sun ☀️ vs sun ☀', ['☀️']],
    ['Rainbow 🏳️‍🌈 flag', ['🏳️‍🌈']],
    ['Newest 🫠 emoji', ['🫠']],
    ['Adjacent 🎁🎉', ['🎁', '🎉']],
    ['Check ✅ done', ['✅']],
    ['Arrow ➡️ next', ['➡️']],
    ['Emoji entity &#128512; in HTML', ['&#128512;']],
    ['Hex entity &#x1F381; gift', ['&#x1F381;']],
    ['<p>Hi 🙂</p>', ['🙂']],
    ['Star ⭐ rating', ['⭐']],
    ['Package 📦 shipped 🚚', ['📦', '🚚']],
    // negatives
    ['Order 1 of 2, item #3 *important*', []],
    ['© 2026 Lumoshop® Brand™', []],
    ['Wow‼ arrows ↔ ▶ check ✔ heart ❤ smile ☺', []],
    ['日本語のメッセージです。ご注文ありがとうございます。', []],
    ['感谢您的订单，我们会尽快发货。', []],
    ['ASCII smileys :) ;-) :D <3 ^_^', []],
    ['Ümlauts äöü ß é ñ', []],
    ['Circled Ⓜ info ℹ wavy 〰 congrats ㊗', []],
    ['', []],
  ];
  it.each(rows)('%j', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });
});
