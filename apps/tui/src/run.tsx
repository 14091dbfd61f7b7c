/**
 * runTui: start the terminal UI on a policy and its inputs, and resolve with
 * an exit code when the analyst quits. Used by the `sellguard-tui` binary and
 * by the CLI's `sellguard tui` subcommand.
 */
import { openSync } from 'node:fs';
import { ReadStream } from 'node:tty';
import { spawnSync } from 'node:child_process';
import { render, type Instance } from 'ink';
import type { EditorCommand } from './editor.js';
import { MOUSE_OFF, MOUSE_ON } from './mouse.js';
import type { InputFormat } from '@sellguard/core/node';
import { App } from './App.js';
import { Session } from './session.js';
import { colorWanted, ThemeContext } from './theme.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';

export interface TuiOptions {
  /** Path of the .policy file. */
  policy: string;
  /** Data files (JSON lines, JSON, CSV, tab-separated); '-' reads standard input. */
  inputs: string[];
  /** Read every input in this format instead of going by the file extension (the CLI's --input-format). */
  inputFormat?: InputFormat;
  /** Check again whenever the policy or an input file changes on disk. */
  watch?: boolean;
  /** Force colours on or off (default: on for a terminal, off with NO_COLOR). */
  color?: boolean;
  /** The day to check as of (UTC midnight, ms), the CLI's --as-of; default today. */
  asOf?: number | null;
  /** Folder where exports are saved (default: the current folder). */
  cwd?: string;
  /** Clicks select rows and the wheel scrolls (default). false leaves the mouse to the terminal, for selecting text. */
  mouse?: boolean;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}

const ALT_SCREEN_ON = '\x1b[?1049h';
const ALT_SCREEN_OFF = '\x1b[?1049l';

/**
 * Runs until the analyst quits. Resolves with the exit code, as the CLI's
 * table has it: 0, or 2 when the UI could not start (no terminal, no input)
 * or was left while the policy had errors or an input could not be opened.
 * Violations do not change the code: this is a review tool, `sellguard check` is the gate.
 */
export async function runTui(options: TuiOptions): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const dataStdin = options.stdin ?? process.stdin;
  let keys: NodeJS.ReadStream = dataStdin;
  if (options.inputs.length === 0) {
    stderr.write('sellguard-tui: give at least one data file to check\n');
    return 2;
  }
  if (options.inputs.includes('-') || !dataStdin.isTTY) {
    // The data comes through standard input, so keys are read from the terminal itself.
    const tty = openTerminal();
    if (!tty) {
      stderr.write('sellguard-tui needs an interactive terminal to read keys from. To check data in a script, use `sellguard check`.\n');
      return 2;
    }
    keys = tty;
  }
  const color = options.color ?? colorWanted(stdout);
  const session = new Session({
    policy: options.policy,
    inputs: options.inputs,
    ...(options.inputFormat ? { format: options.inputFormat } : {}),
    watch: Boolean(options.watch),
    asOf: options.asOf ?? null,
    ...(options.inputs.includes('-') ? { stdin: dataStdin } : {}),
  });
  const fullScreen = Boolean(stdout.isTTY);
  const mouse = fullScreen && options.mouse !== false;
  const leave = () => {
    if (mouse) stdout.write(MOUSE_OFF);
    if (fullScreen) stdout.write(ALT_SCREEN_OFF);
  };
  if (fullScreen) stdout.write(ALT_SCREEN_ON);
  if (mouse) stdout.write(MOUSE_ON);
  process.once('exit', leave);
  try {
    // Filled in once Ink has started: the editor hands the terminal back to it.
    const started: { app?: Instance } = {};
    const openEditor = (command: EditorCommand): string | null => {
      const raw = keys.isTTY ? keys : undefined;
      raw?.setRawMode(false);
      leave();
      // The editor reads keys from the terminal the UI reads them from.
      const result = spawnSync(command.command, command.args, { stdio: [keys === process.stdin ? 'inherit' : (keys as unknown as { fd: number }).fd, 'inherit', 'inherit'] });
      if (fullScreen) stdout.write(`${ALT_SCREEN_ON}\x1b[2J\x1b[H`);
      if (mouse) stdout.write(MOUSE_ON);
      raw?.setRawMode(true);
      started.app?.clear();
      if (result.error) return `Could not start the editor "${command.command}": ${result.error.message}. Set EDITOR to the editor you use.`;
      if (result.status !== 0 && result.status !== null) return `The editor "${command.command}" ended with code ${result.status}.`;
      return null;
    };
    const app = render(
      <ThemeContext.Provider value={{ color }}>
        <ErrorBoundary>
          <App store={session} openEditor={openEditor} {...(options.cwd ? { cwd: options.cwd } : {})} />
        </ErrorBoundary>
      </ThemeContext.Provider>,
      { stdout, stderr, stdin: keys, exitOnCtrlC: true, patchConsole: stdout === process.stdout, maxFps: 30, incrementalRendering: true },
    );
    started.app = app;
    session.start();
    await app.waitUntilExit();
    const { status } = session.getState();
    return status === 'policy-errors' || status === 'failed' ? 2 : 0;
  } finally {
    session.dispose();
    if (keys !== dataStdin) keys.destroy();
    leave();
    process.off('exit', leave);
  }
}

function openTerminal(): NodeJS.ReadStream | undefined {
  try {
    return new ReadStream(openSync('/dev/tty', 'r')) as unknown as NodeJS.ReadStream;
  } catch {
    return undefined;
  }
}
