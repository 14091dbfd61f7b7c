import emojiRegex from 'emoji-regex';
import { mapSpan, plainView } from './html.js';
import type { EmojiMatch } from './types.js';
import { asText, finalize } from './util.js';

/** emoji-regex returns a global regex; one shared instance (detectors are synchronous and not re-entrant). */
const EMOJI_RE = emojiRegex();
const EMOJI_PRESENTATION_RE = /\p{Emoji_Presentation}/u;

/**
 * Whether an emoji-regex match is shown as an emoji. Kept: anything with an emoji-presentation code point,
 * a variation selector-16 (U+FE0F), a zero-width joiner, a keycap (U+20E3), skin-tone modifiers or regional
 * indicators (flags). Dropped: a lone text-presentation symbol without VS16 — ©, ®, ™, ‼, ↔, ▶, ✔, ☺, ❤,
 * 〰, ㊗, ℹ ... — these are ordinary typography in seller text (trademark signs, arrows, check marks) and
 * render as text by default. Plain digits, `#` and `*` are never matched (only as keycaps `1️⃣` `#️⃣`).
 */
function isEmojiPresentation(seq: string): boolean {
  if (seq.length === 0) return false;
  for (let i = 0; i < seq.length; i++) {
    const c = seq.charCodeAt(i);
    if (c === 0xfe0f || c === 0x200d || c === 0x20e3) return true;
  }
  return EMOJI_PRESENTATION_RE.test(seq);
}

/** Emoji in a plain string. Offsets are into `text`. */
export function findEmoji(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = EMOJI_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (isEmojiPresentation(m[0])) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * Emoji in the visible text (HTML entities such as `&#128512;` count, reported with the entity's span).
 * ZWJ sequences, flags, skin-tone and keycap sequences are one match each.
 */
export function emoji(text: string): EmojiMatch[] {
  const input = asText(text);
  if (input.length === 0) return [];
  const view = plainView(input);
  const out: EmojiMatch[] = [];
  for (const f of findEmoji(view.text)) {
    const [s, e] = mapSpan(view, f.start, f.end);
    out.push({ start: s, end: e, text: input.slice(s, e) });
  }
  return finalize(out, input.length);
}
