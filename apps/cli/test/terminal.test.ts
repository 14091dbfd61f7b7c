/**
 * What a person at a terminal sees: the progress line on standard error
 * (shown on a pseudo-terminal, made with `script`; absent when standard error
 * is not a terminal, with --quiet, or in CI), and shell completion scripts.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, buildCli, MESSAGES_JSONL, MESSAGES_POLICY, project, sellguard } from './helpers.js';

let dir: string;
beforeAll(() => {
  buildCli();
  dir = project({ 'msg.policy': MESSAGES_POLICY, 'm.jsonl': MESSAGES_JSONL });
}, 180_000);

/** Run sellguard with a pseudo-terminal as its terminal (util-linux `script`); everything it printed comes back. */
function onTerminal(args: string[], env: Record<string, string>): string {
  const command = [process.execPath, bin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qfec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '', ...env } });
  return r.stdout;
}

describe('progress line', () => {
  // The line appears once a run has taken SELLGUARD_PROGRESS_DELAY ms; 0 shows it from the start.
  const now = { SELLGUARD_PROGRESS_DELAY: '0' };

  it('is shown on a terminal: records read, records per second and how far through the input', () => {
    const out = onTerminal(['check', 'msg.policy', 'm.jsonl', '--format', 'json=out.json'], now);
    expect(out).toMatch(/\r\x1b\[2Ksellguard: checking msg: \d+ records read, \d+ records\/s, \d+%/);
  });

  it('is not shown in CI, with --quiet, or when standard error is not a terminal', () => {
    expect(onTerminal(['check', 'msg.policy', 'm.jsonl', '--format', 'json=out.json'], { ...now, CI: 'true' })).not.toContain('records read');
    expect(onTerminal(['check', 'msg.policy', 'm.jsonl', '--format', 'json=out.json', '--quiet'], now)).not.toContain('records read');
    expect(sellguard(dir, ['check', 'msg.policy', 'm.jsonl', '--format', 'json=out.json'], { env: now }).stderr).not.toContain('records read');
  });
});

describe('shell completion', () => {
  it('bash: completes commands and the options of a command', () => {
    const script = sellguard(dir, ['completion', 'bash']).stdout;
    writeFileSync(join(dir, 'completion.bash'), script);
    const complete = (words: string[]) =>
      spawnSync('bash', ['-c', `source completion.bash; COMP_WORDS=(${words.join(' ')}); COMP_CWORD=${words.length - 1}; _sellguard; printf '%s\\n' "\${COMPREPLY[@]}"`], { cwd: dir, encoding: 'utf8' }).stdout.trim().split('\n');
    expect(complete(['sellguard', 'ex'])).toEqual(['explain']);
    expect(complete(['sellguard', 'check', '--base'])).toEqual(['--baseline']);
    expect(complete(['sellguard', 'fix', '--dry'])).toEqual(['--dry-run']);
  });

  it('zsh and fish: name every command', () => {
    const zsh = sellguard(dir, ['completion', 'zsh']).stdout;
    const fish = sellguard(dir, ['completion', 'fish']).stdout;
    expect(zsh.startsWith('#compdef sellguard\n')).toBe(true);
    for (const c of ['check', 'watch', 'test', 'explain', 'fix', 'init', 'fmt', 'compile', 'tui', 'completion']) {
      expect(zsh).toContain(`'${c}:`);
      expect(fish).toContain(`-a ${c} -d`);
    }
    expect(fish).toContain("complete -c sellguard -n '__fish_seen_subcommand_from check' -l baseline -F");
  });
});
