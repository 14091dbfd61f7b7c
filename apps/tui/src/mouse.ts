/**
 * Mouse input, the way terminals report it once asked to (xterm's "SGR"
 * mouse mode, 1006, understood by every current terminal and by tmux):
 * ESC [ < button ; column ; row M (pressed) or m (released). Ink passes these
 * to the app as input without the ESC, so both forms are read.
 */

/** Ask the terminal for clicks and wheel turns (1000) reported as SGR (1006); and stop asking. */
export const MOUSE_ON = '\x1b[?1000h\x1b[?1006h';
export const MOUSE_OFF = '\x1b[?1006l\x1b[?1000l';

export type MouseKind = 'press' | 'release' | 'wheelUp' | 'wheelDown';

export interface MouseEvent {
  kind: MouseKind;
  /** 0 left, 1 middle, 2 right (for presses and releases). */
  button: number;
  /** 1-based column and row, as the terminal counts them. */
  column: number;
  row: number;
}

const SGR = /\x1b?\[<(\d+);(\d+);(\d+)([Mm])/g;
const ONLY_SGR = /^(?:\x1b?\[<\d+;\d+;\d+[Mm])+$/;

/** The mouse events in a chunk of input, or null when the chunk is not mouse input (then it is keys). */
export function parseMouse(input: string): MouseEvent[] | null {
  if (!ONLY_SGR.test(input)) return null;
  const out: MouseEvent[] = [];
  for (const m of input.matchAll(SGR)) {
    const code = Number(m[1]);
    const column = Number(m[2]);
    const row = Number(m[3]);
    // Bits 2-4 are Shift, Meta and Ctrl; 32 is motion; 64 marks the wheel.
    const base = code & ~(4 | 8 | 16);
    if (base & 32) continue;
    if (base & 64) {
      out.push({ kind: (base & 3) === 0 ? 'wheelUp' : 'wheelDown', button: 0, column, row });
      continue;
    }
    out.push({ kind: m[4] === 'M' ? 'press' : 'release', button: base & 3, column, row });
  }
  return out;
}
