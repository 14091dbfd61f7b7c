/** The keys, in plain words. */
import { Lines } from '../components/Lines.js';
import { COMMAND_HELP } from '../commands.js';
import { KEY_HELP, MOUSE_HELP } from '../keys.js';
import { fit, wrapSegments, type Line } from '../layout.js';

export function helpLines(width: number, watching: boolean): Line[] {
  const keyW = Math.min(24, Math.floor(width * 0.35));
  const out: Line[] = [[{ text: 'Keys', tone: 'heading' }]];
  for (const [keys, what] of KEY_HELP) {
    const wrapped = wrapSegments([{ text: what }], width - keyW - 2);
    wrapped.forEach((line, i) => out.push([{ text: '  ' }, { text: fit(i === 0 ? keys : '', keyW), tone: 'key' }, ...line]));
  }
  out.push([], [{ text: 'Commands (type : first)', tone: 'heading' }]);
  for (const [command, what] of COMMAND_HELP) {
    const wrapped = wrapSegments([{ text: what }], width - keyW - 2);
    wrapped.forEach((line, i) => out.push([{ text: '  ' }, { text: fit(i === 0 ? command : '', keyW), tone: 'key' }, ...line]));
  }
  out.push([], [{ text: 'Mouse', tone: 'heading' }]);
  for (const [what, does] of MOUSE_HELP) {
    const wrapped = wrapSegments([{ text: does }], width - keyW - 2);
    wrapped.forEach((line, i) => out.push([{ text: '  ' }, { text: fit(i === 0 ? what : '', keyW), tone: 'key' }, ...line]));
  }
  out.push(...wrapSegments([{ text: 'To select text with the mouse, hold Shift while you drag (most terminals), or start with --no-mouse. y copies the record even over SSH (OSC 52).' }], width, 2));
  out.push([], [{ text: 'What you see', tone: 'heading' }]);
  const about = [
    'The summary counts the records and the problems found, rule by rule. The list shows only records with problems, and records that could not be read.',
    'In a record, the characters that broke a rule are marked, and each problem says what to do and why the rule fired.',
    watching
      ? 'The files are being watched: save the policy or the data and everything is checked again, keeping your place.'
      : 'Start with --watch to check again whenever the policy or the data is saved.',
    'Press ? or Esc to go back.',
  ];
  for (const p of about) out.push(...wrapSegments([{ text: p }], width, 2));
  return out;
}

export function Help({ width, height, scroll, watching }: { width: number; height: number; scroll: number; watching: boolean }) {
  const lines = helpLines(width, watching);
  const top = Math.max(0, Math.min(scroll, lines.length - height));
  return <Lines lines={lines.slice(top, top + height)} width={width} height={height} />;
}
