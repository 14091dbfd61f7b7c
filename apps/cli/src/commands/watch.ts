/**
 * `sellguard watch` (or `check --watch`): check, then check again whenever a
 * policy, a file a policy imports, an input or the config changes. A run
 * that fails to start (a policy with errors) is reported and the watch goes
 * on; Ctrl-C stops it.
 *
 * The folders holding those files are watched (not the files themselves), so
 * editors that save by writing a new file and renaming it are seen too.
 */
import { statSync, watch as watchFolder, type FSWatcher } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError, EXIT } from '../io.js';
import { planCheck, type CheckFlags } from './check-plan.js';
import { checkCommand } from './check.js';

/** Every file the run depends on, as absolute paths: policies, their imports, inputs (not standard input), the config. */
async function watchedFiles(args: string[], flags: CheckFlags): Promise<string[]> {
  try {
    const plan = await planCheck(args, flags);
    const files = new Set<string>();
    for (const l of [...plan.runs.map((r) => r.loaded), ...plan.broken]) {
      files.add(resolve(l.fileName));
      for (const imported of l.sources.keys()) files.add(resolve(imported));
    }
    for (const r of plan.runs) for (const i of r.inputs) if (i !== '-') files.add(resolve(i));
    if (plan.config) files.add(resolve(plan.config.dir, plan.config.name.startsWith('package.json') ? 'package.json' : plan.config.name));
    return [...files];
  } catch {
    return [];
  }
}

/** Size and modification time: a save reported twice, or a touch that changed nothing, is not checked again. */
function stamp(path: string): string {
  try {
    const st = statSync(path);
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return 'gone';
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

  const seen = new Map<string, string>();
  const folders = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  let changed: string | undefined;

  const watchFiles = (files: string[]) => {
    seen.clear();
    for (const f of files) seen.set(f, stamp(f));
    for (const folder of new Set(files.map((f) => dirname(f)))) {
      if (folders.has(folder)) continue;
      try {
        const w = watchFolder(folder, (_event, name) => {
          const path = name ? resolve(folder, name.toString()) : undefined;
          if (!path || !seen.has(path) || seen.get(path) === stamp(path)) return;
          changed = path;
          clearTimeout(timer);
          timer = setTimeout(rerun, 150);
        });
        folders.set(folder, w);
      } catch {
        process.stderr.write(`sellguard: cannot watch the folder '${folder}'; changes there are not seen\n`);
      }
    }
  };

  const rerun = () => {
    running = running.then(async () => {
      const path = changed;
      if (!path || seen.get(path) === stamp(path)) return;
      process.stderr.write(`\nsellguard: ${path.startsWith(process.cwd()) ? path.slice(process.cwd().length + 1) : path} changed; checking again\n`);
      // Imports may have changed too: watch what the policies use now.
      watchFiles(await watchedFiles(args, flags));
      await runOnce();
      process.stderr.write('sellguard: watching for changes (Ctrl-C stops)\n');
    });
  };

  await runOnce();
  watchFiles(await watchedFiles(args, flags));
  process.stderr.write('sellguard: watching for changes (Ctrl-C stops)\n');
  return new Promise((resolveDone) => {
    const stop = () => {
      clearTimeout(timer);
      for (const w of folders.values()) w.close();
      resolveDone(EXIT.ok);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
