/**
 * Running npm, npx and node the way a user does in their own project: in a
 * given folder, with an environment free of the variables `npm test` sets for
 * this repository (they would make npm treat the repository as the project).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../../../..');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The user's environment: no npm_package_*, npm_lifecycle_*, project-prefix settings or INIT_CWD from an outer npm run. */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // FORCE_COLOR too: a test runner sets it, and Node warns when it meets NO_COLOR.
  const outerRun = /^(npm_package_|npm_lifecycle_|npm_config_(local_prefix|prefix|workspaces?|include_workspace_root|global)$|init_cwd$|force_color$)/i;
  for (const [key, value] of Object.entries(process.env)) if (!outerRun.test(key)) env[key] = value;
  // npx must use the command installed in the project, never fetch one from the registry.
  return { ...env, NO_COLOR: '1', npm_config_yes: 'false', npm_config_update_notifier: 'false', ...extra };
}

/** Run a command in `cwd`; a failure to start is reported as the result, never thrown. */
export function run(command: string, args: string[], cwd: string, opts: { input?: string; timeout?: number } = {}): RunResult {
  const r = spawnSync(command, args, { cwd, env: userEnv(), input: opts.input ?? '', encoding: 'utf8', timeout: opts.timeout ?? 300_000, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? `\n${r.error.message}` : '') };
}

/** Run and require exit code 0, with the output in the error when it is not. */
export function runOk(command: string, args: string[], cwd: string, opts: { timeout?: number } = {}): RunResult {
  const r = run(command, args, cwd, opts);
  if (r.code !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited with ${r.code}:\n${r.stdout}\n${r.stderr}`);
  return r;
}
