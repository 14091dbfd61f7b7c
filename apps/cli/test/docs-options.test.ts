/**
 * docs/cli.md against the options the built command knows: every command
 * `sellguard --help` lists has a section, and every option its own `--help`
 * prints appears in that section in an example (a shell block, or the
 * example column of its option table), so the two cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, root, sellguard } from './helpers.js';

const doc = readFileSync(join(root, 'docs/cli.md'), 'utf8');

/** The command names in the "Commands:" part of `sellguard --help`. */
function commandsOf(help: string): string[] {
  const part = help.slice(help.indexOf('Commands:'), help.indexOf('Examples:') > 0 ? help.indexOf('Examples:') : undefined);
  return [...part.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]).filter((c) => c !== 'help');
}

/** The options in the "Options:" part of a command's help: each long name (--no-x counted as --x) with its short one. */
function optionsOf(help: string): Array<{ long: string; short?: string }> {
  const part = help.slice(help.indexOf('Options:'));
  const found = [...part.matchAll(/^ {2}(?:(-\w), )?(--[a-z][a-z-]*)/gm)].map((m) => ({ long: m[2].replace(/^--no-/, '--'), ...(m[1] ? { short: m[1] } : {}) }));
  return found.filter((o, i) => o.long !== '--help' && found.findIndex((x) => x.long === o.long) === i);
}

/** The section of docs/cli.md for `sellguard <command>`, up to the next command's. */
function sectionOf(command: string): string | undefined {
  const start = doc.indexOf(`## \`sellguard ${command}\``);
  if (start < 0) return undefined;
  const next = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, next < 0 ? undefined : next);
}

/** What counts as an example: shell code blocks, and the last column of option tables. */
function examplesIn(section: string): string {
  const blocks = [...section.matchAll(/```(?:sh)?\n([\s\S]*?)```/g)].map((m) => m[1]);
  const tableExamples = section
    .split('\n')
    .filter((l) => l.startsWith('| `-'))
    .map((l) => l.split(' | ').pop()!);
  return [...blocks, ...tableExamples].join('\n');
}

let commands: string[] = [];
beforeAll(() => {
  buildCli();
  commands = commandsOf(sellguard(root, ['--help']).stdout);
});

describe('docs/cli.md documents every command and option with an example', () => {
  it('finds the commands in the help', () => {
    expect(commands).toEqual(expect.arrayContaining(['check', 'test', 'explain', 'fix', 'compile']));
  });

  it('has a section per command', () => {
    expect(commands.filter((c) => sectionOf(c) === undefined)).toEqual([]);
  });

  it('shows every option of every command in an example of its section', () => {
    const missing: string[] = [];
    for (const command of commands) {
      const help = sellguard(root, [command, '--help']);
      expect(help.code, `sellguard ${command} --help`).toBe(0);
      const examples = examplesIn(sectionOf(command) ?? '');
      // --color/--no-color are shared by every command and shown once, at the top of the page.
      for (const { long, short } of optionsOf(help.stdout).filter((o) => o.long !== '--color')) {
        const shown = new RegExp(`--(no-)?${long.slice(2)}(?![a-z-])`).test(examples) || (short !== undefined && new RegExp(`(^|\\s)${short}\\s`).test(examples));
        if (!shown) missing.push(`sellguard ${command} ${long}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('shows --color and --no-color at the top of the page', () => {
    const top = doc.slice(0, doc.indexOf('## '));
    expect(top).toContain('`--color`');
    expect(top).toContain('`--no-color`');
  });
});
