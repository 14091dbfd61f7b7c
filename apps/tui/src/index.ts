/**
 * @sellguard/tui: the analyst's terminal UI. `runTui(options)` opens it on a
 * policy and its inputs and resolves with an exit code when the analyst quits.
 *
 * Importing this module is cheap: Ink and React load only when runTui is
 * called, so the CLI can import it for its `tui` subcommand at no cost to the
 * other commands.
 */
import type { TuiOptions } from './run.js';

export type { TuiOptions };
export type { InputFormat } from '@sellguard/core/node';

/**
 * Open the terminal UI; resolves when the analyst quits with 0, or 2 when it
 * could not start or was left while the policy had errors or an input could
 * not be opened.
 */
export async function runTui(options: TuiOptions): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  // Ink draws only a final frame when it thinks it runs in CI (CI=true and the like), and decides
  // when it is first loaded. A person at a terminal wants the interactive screen whatever the shell says.
  if (stdout.isTTY) clearCiMarkers(process.env);
  // React's development build checks every element it draws and is several times slower: with a
  // million records it halved the reading speed. React reads NODE_ENV once, when it is first loaded.
  process.env.NODE_ENV ??= 'production';
  const { runTui: run } = await import('./run.js');
  return run(options);
}

/** Remove the variables that make Ink (is-in-ci) think it runs in CI. */
export function clearCiMarkers(env: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(env)) if (key === 'CI' || key === 'CONTINUOUS_INTEGRATION' || key.startsWith('CI_')) delete env[key];
}
