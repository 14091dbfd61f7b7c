/**
 * The GitHub Action (action.yml) and the pre-commit hooks
 * (.pre-commit-hooks.yaml), run the way their hosts run them: the files are
 * parsed with a YAML parser, each `run:` step of the composite action is run
 * by bash with `${{ inputs.* }}` substituted and the runner's variables set
 * (GITHUB_STEP_SUMMARY, RUNNER_TEMP, INPUT_*), each hook's `entry` is run
 * with the files its `files` pattern selects. Both call the published
 * package (`npx --yes @sellguard/cli@VERSION`, or `sellguard` installed by
 * pre-commit); here those names lead to the workspace's built binary.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bin, buildCli, root, sellguard } from './helpers.js';

interface Step {
  name?: string;
  uses?: string;
  if?: string;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
}
interface Action {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}
interface Hook {
  id: string;
  entry: string;
  files?: string;
  pass_filenames?: boolean;
  language: string;
}

const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as Action;
const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
let tmp: string;
let shims: string;

beforeAll(() => {
  buildCli();
  tmp = mkdtempSync(join(tmpdir(), 'sellguard-ci-'));
  shims = join(tmp, 'bin');
  mkdirSync(shims);
  // `npx --yes @sellguard/cli@VERSION ARGS` and `sellguard ARGS` run the workspace's binary; anything else fails loudly.
  writeFileSync(
    join(shims, 'npx'),
    `#!/bin/sh\nif [ "$1" != "--yes" ]; then echo "npx called without --yes" >&2; exit 127; fi\ncase "$2" in @sellguard/cli@*) ;; *) echo "npx called for $2" >&2; exit 127;; esac\nshift 2\nexec "${process.execPath}" "${bin}" "$@"\n`,
  );
  writeFileSync(join(shims, 'sellguard'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
  chmodSync(join(shims, 'npx'), 0o755);
  chmodSync(join(shims, 'sellguard'), 0o755);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A repository as `sellguard init` leaves it: a config, a policy with examples, and sample data. */
function repo(): string {
  const dir = mkdtempSync(join(tmp, 'repo-'));
  const init = sellguard(dir, ['init']);
  expect(init.code, init.stderr).toBe(0);
  return dir;
}

/** `${{ inputs.x }}` as the runner substitutes it. */
const substitute = (text: string, inputs: Record<string, string>) => text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => inputs[name] ?? '');

/** The two conditions the action uses: `inputs.x != ''` and `inputs.x == ''`. */
function condition(expr: string | undefined, inputs: Record<string, string>): boolean {
  if (expr === undefined) return true;
  const m = /^inputs\.([\w-]+)\s*(!=|==)\s*''$/.exec(expr.trim());
  if (!m) throw new Error(`the test does not know how to evaluate the condition ${expr}`);
  return m[2] === '!=' ? (inputs[m[1]] ?? '') !== '' : (inputs[m[1]] ?? '') === '';
}

interface ActionRun {
  /** The exit code of the first step that failed, or 0. */
  code: number;
  stdout: string;
  summary: string;
  outputs: Record<string, string>;
  ran: string[];
}

/** Run the composite action's steps in `dir` as a runner does, stopping at the first failing step. */
function runAction(dir: string, given: Record<string, string>): ActionRun {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, given[k] ?? v.default ?? '']));
  const runnerTemp = mkdtempSync(join(tmp, 'runner-'));
  const summaryFile = join(runnerTemp, 'step-summary.md');
  writeFileSync(summaryFile, '');
  let stdout = '';
  const ran: string[] = [];
  // The action's outputs are expressions over its inputs: a later step (if: always()) reads them after a failure too.
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, substitute(v.value, inputs)]));
  for (const step of action.runs.steps) {
    if (step.uses) continue; // actions/setup-node: Node is already here
    if (!condition(step.if, inputs)) continue;
    ran.push(step.name ?? '');
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      PATH: `${shims}:${process.env.PATH}`,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      NO_COLOR: '1',
      RUNNER_TEMP: runnerTemp,
      GITHUB_STEP_SUMMARY: summaryFile,
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(v, inputs)])),
    };
    expect(step.shell).toBe('bash');
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', substitute(step.run!, inputs)], { cwd: dir, env, encoding: 'utf8' });
    stdout += r.stdout;
    if (r.status !== 0) return { code: r.status ?? -1, stdout, summary: readFileSync(summaryFile, 'utf8'), outputs, ran };
  }
  return { code: 0, stdout, summary: readFileSync(summaryFile, 'utf8'), outputs, ran };
}

/** Lines of a JSONL file that hold an email address (the init policy's error rule), counted from the text. */
const emailLines = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => /[\w.+-]+@[\w-]+\.[\w.]+/.test(l)).length;

describe('action.yml, run as a composite action', () => {
  it('is a composite action that sets up Node, then runs bash steps', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps[0].uses).toMatch(/^actions\/setup-node@v\d+$/);
    expect(action.runs.steps.filter((s) => !s.uses).every((s) => typeof s.run === 'string')).toBe(true);
  });

  it('fails on data with an error, writing annotations, the SARIF file it names as output, and the job summary', () => {
    const dir = repo();
    expect(emailLines(join(dir, 'data/messages.jsonl'))).toBeGreaterThan(0);
    const run = runAction(dir, { sarif: 'reports/sellguard.sarif' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=data\/messages\.jsonl,line=\d+/m);
    expect(run.outputs.sarif).toBe('reports/sellguard.sarif');
    const sarif = JSON.parse(readFileSync(join(dir, run.outputs.sarif), 'utf8')) as { version: string; runs: Array<{ results: Array<{ level: string }> }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs.flatMap((r) => r.results).filter((r) => r.level === 'error')).toHaveLength(emailLines(join(dir, 'data/messages.jsonl')));
    expect(run.summary).toMatch(/messages\/email-address/);
  });

  it('passes once the error is gone, and runs the policies\' examples first when asked', () => {
    const dir = repo();
    const data = join(dir, 'data/messages.jsonl');
    writeFileSync(data, readFileSync(data, 'utf8').split('\n').filter((l) => !/@[\w-]+\./.test(l)).join('\n'));
    expect(emailLines(data)).toBe(0);
    const run = runAction(dir, { 'test-policies': 'policies' });
    expect(run.ran).toEqual(["Run the policies' examples", 'Check the data']);
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, 'sellguard.sarif'))).toBe(true);
    expect(run.summary).not.toBe('');
  });

  it('passes its args to sellguard check', () => {
    const dir = repo();
    const run = runAction(dir, { args: 'policies/messages.policy data/messages.jsonl --fail-on never' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::error /m);
  });

  it('stops when an example of a policy fails', () => {
    const dir = repo();
    const policy = join(dir, 'policies/messages.policy');
    // The example that expects nothing now expects the email rule to fire on its clean text.
    const text = readFileSync(policy, 'utf8');
    const broken = text.replace(/expect nothing/, 'expect email-address');
    expect(broken).not.toBe(text);
    writeFileSync(policy, broken);
    const run = runAction(dir, { 'test-policies': 'policies' });
    expect(run.ran).toEqual(["Run the policies' examples"]);
    expect(run.code).toBe(1);
  });
});

/** The files of `dir` (relative paths) that a hook's `files` pattern selects. */
function filesFor(dir: string, hook: Hook): string[] {
  const pattern = new RegExp(hook.files ?? '');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile() && pattern.test(f));
}

function runHook(dir: string, id: string): { code: number | null; output: string } {
  const hook = hooks.find((h) => h.id === id)!;
  expect(hook.language).toBe('node');
  const files = hook.pass_filenames === false ? [] : filesFor(dir, hook);
  const r = spawnSync('bash', ['-c', `${hook.entry} "$@"`, hook.id, ...files], { cwd: dir, env: { ...process.env, PATH: `${shims}:${process.env.PATH}`, NO_COLOR: '1' }, encoding: 'utf8' });
  return { code: r.status, output: r.stdout + r.stderr };
}

describe('.pre-commit-hooks.yaml, each entry run on the files it selects', () => {
  it('defines the fmt, test and check hooks', () => {
    expect(hooks.map((h) => h.id)).toEqual(['sellguard-fmt', 'sellguard-test', 'sellguard-check']);
  });

  it('sellguard-fmt passes formatted policies and fails on one that is not', () => {
    const dir = repo();
    expect(runHook(dir, 'sellguard-fmt').code).toBe(0);
    const policy = join(dir, 'policies/messages.policy');
    writeFileSync(policy, readFileSync(policy, 'utf8').replace(/\n {2}(\S)/, '\n      $1'));
    const r = runHook(dir, 'sellguard-fmt');
    expect(r.code).toBe(1);
    expect(r.output).toContain('messages.policy');
  });

  it('sellguard-test runs the examples of the policies it is given', () => {
    expect(runHook(repo(), 'sellguard-test').code).toBe(0);
  });

  it('sellguard-check checks the data the config lists', () => {
    const dir = repo();
    expect(emailLines(join(dir, 'data/messages.jsonl'))).toBeGreaterThan(0);
    const r = runHook(dir, 'sellguard-check');
    expect(r.code).toBe(1);
    expect(r.output).toContain('messages/email-address');
  });
});
