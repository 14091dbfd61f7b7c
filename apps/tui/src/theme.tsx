/**
 * Colours, or none. With NO_COLOR set, or when the output is not a
 * terminal, nothing is coloured or inverted: marked characters get [brackets]
 * and the selected row a › marker instead.
 */
import { createContext, useContext } from 'react';
import type { TextProps } from 'ink';
import type { Tone } from './layout.js';

export interface Theme {
  color: boolean;
}

export const ThemeContext = createContext<Theme>({ color: false });

export function useTheme(): Theme {
  return useContext(ThemeContext);
}

/** Whether to use colour: not with NO_COLOR (any value), not when writing to a file or pipe; FORCE_COLOR forces it. */
export function colorWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

const TONES: Record<Tone, TextProps> = {
  plain: {},
  dim: { dimColor: true },
  bold: { bold: true },
  heading: { bold: true, color: 'cyan' },
  key: { bold: true, color: 'cyan' },
  error: { color: 'red' },
  warning: { color: 'yellow' },
  info: { color: 'blue' },
  ok: { color: 'green' },
  bad: { color: 'red' },
  bar: { color: 'magenta' },
  selected: { inverse: true },
  'mark-error': { inverse: true, bold: true, color: 'red' },
  'mark-warning': { inverse: true, bold: true, color: 'yellow' },
  'mark-info': { inverse: true, bold: true, color: 'blue' },
};

export function toneProps(tone: Tone | undefined, theme: Theme): TextProps {
  if (!theme.color || !tone) return {};
  return TONES[tone];
}
