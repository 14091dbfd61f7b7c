/**
 * `sellguard watch` (or `check --watch`): check, then check again whenever a
 * policy, a file a policy imports, an input or the config changes. A run
 * that fails to start (a policy with errors) is reported and the watch goes
 * on; Ctrl-C stops it.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { watch as chokidarWatch } from 'chokidar';
import { CliError, EXIT } from '../io.js';
import { planCheck, type CheckFlags } from './check-plan.js';
import { checkCommand } from './check.js';

/** Every file the run depends on: policies, their imports, inputs (not standard input). */
async function watchedFiles(args: string[], flags: CheckFlags): Promise<string[]> {
  try {
    const plan = await planCheck(args, flags);
    const files = new Set<string>();
    for (const l of [...plan.runs.map((r) => r.loaded), ...plan.broken]) {
      files.add(l.fileName);
      for (const imported of l.sources.keys()) files.add(imported);
    }
    for (const r of plan.runs) for (const i of r.inputs) if (i !== '-') files.add(i);
    if (plan.config) files.add(plan.config.name.replace(/ \("sellguard"\)$/, ''));
    return [...files];
  } catch {
    return [];
  }
}

export async function watchCommand(args: string[], flags: CheckFlags): Promise<number> {
  if (args.includes('-')) throw new CliError('watch cannot read standard input: name the files to watch (see sellguard watch --help)');
  const runOnce = async () => {
    try {
      const code = await checkCommand(args, { ...flags, watch: false });
      process.stderr.write(`sellguard: ${code === EXIT.ok ? 'passed' : 'failed'}\n`);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      process.stderr.write(`sellguard: ${e.message}\n`);
    }
  };
  const watching = () => process.stderr.write('sellguard: watching for changes (Ctrl-C stops)\n');
  await runOnce();
  let files = await watchedFiles(args, flags);
  const watcher = chokidarWatch(files, { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 50 } });
  // Only once the watcher is ready is a change sure to be seen.
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  watching();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  // A save can be reported more than once; a file is checked again only when it is not as the last run saw it.
  const seen = new Map<string, string>();
  const stamp = (path: string) => {
    try {
      const st = statSync(path);
      return `${st.mtimeMs}:${st.size}`;
    } catch {
      return 'gone';
    }
  };
  const remember = () => {
    for (const f of files) seen.set(resolve(f), stamp(f));
  };
  remember();
  watcher.on('all', (_event, path) => {
    if (seen.get(resolve(path)) === stamp(path)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        if (seen.get(resolve(path)) === stamp(path)) return;
        process.stderr.write(`\nsellguard: ${path} changed; checking again\n`);
        remember();
        await runOnce();
        watching();
        // Imports may have changed: watch what the policies now use.
        const now = await watchedFiles(args, flags);
        const added = now.filter((f) => !files.includes(f));
        if (added.length > 0) watcher.add(added);
        files = now;
        remember();
      });
    }, 150);
  });
  return new Promise((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      void watcher.close().then(() => resolve(EXIT.ok));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
