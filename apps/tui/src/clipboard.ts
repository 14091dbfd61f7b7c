/**
 * Copying to the clipboard the way terminal tools do it over SSH and in
 * tmux: the OSC 52 escape sequence, which the terminal turns into a
 * clipboard write. Nothing is drawn; terminals that do not support it
 * ignore it.
 */
import type { FlaggedRecord } from './model.js';
import { shortRule, whereIs } from './model.js';

export function osc52(text: string): string {
  return `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
}

/** The record as read, as indented JSON (what `y` copies from the list). */
export function recordText(record: FlaggedRecord): string {
  return JSON.stringify(record.raw ?? null, null, 2);
}

/** The record's problems, one per line, with where it is (what `y` copies from the record view). */
export function problemsText(record: FlaggedRecord): string {
  const lines = [whereIs(record)];
  for (const p of record.invalid ?? []) lines.push(`could not be read: ${p.path ? `${p.path}: ` : ''}${p.message}`);
  for (const v of record.violations) lines.push(`${v.severity} ${shortRule(v.rule)}: ${v.message}${v.hint ? ` (how to fix: ${v.hint})` : ''}`);
  return lines.join('\n');
}
