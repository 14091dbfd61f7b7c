/**
 * Finding and reading the project config: `--config FILE`, else
 * `sellguard.config.json` in the current folder, else the `"sellguard"` key
 * of package.json there. Paths in the config are relative to its folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { parseConfigText, type ProjectConfig } from '@sellguard/core';
import { CliError, EXIT } from '../io.js';

export const CONFIG_FILE = 'sellguard.config.json';

export interface LoadedConfig {
  config: ProjectConfig;
  /** How messages name it: `sellguard.config.json` or `package.json ("sellguard")`. */
  name: string;
  /** The folder its paths are relative to. */
  dir: string;
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/^\ufeff/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read the config file '${path}': ${code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e)}`, EXIT.usage);
  }
}

function parsed(text: string, name: string, path: string, key?: string): LoadedConfig {
  const r = parseConfigText(text, name, key);
  if ('errors' in r) throw new CliError(`the config has ${r.errors.length === 1 ? 'a problem' : 'problems'}; fix ${r.errors.length === 1 ? 'it' : 'them'} and run again:\n  ${r.errors.join('\n  ')}`, EXIT.usage);
  return { config: r.config, name, dir: dirname(path) };
}

/** The config for this run, or undefined when there is none (and none was asked for). */
export function loadConfig(explicit: string | undefined, cwd = process.cwd()): LoadedConfig | undefined {
  if (explicit !== undefined) {
    const text = read(explicit);
    return explicit.endsWith('package.json') ? parsed(text, `${explicit} ("sellguard")`, explicit, 'sellguard') : parsed(text, explicit, explicit);
  }
  const own = join(cwd, CONFIG_FILE);
  if (existsSync(own)) return parsed(read(own), CONFIG_FILE, own);
  const pkg = join(cwd, 'package.json');
  if (existsSync(pkg)) {
    const text = read(pkg);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return undefined; // not ours to judge
    }
    if (json && typeof json === 'object' && 'sellguard' in json) return parsed(text, 'package.json ("sellguard")', pkg, 'sellguard');
  }
  return undefined;
}

/** A path written in the config, as a path from the current folder. */
export function fromConfig(loaded: LoadedConfig, path: string): string {
  if (isAbsolute(path)) return path;
  const rel = relative(process.cwd(), join(loaded.dir, path));
  return rel === '' ? '.' : rel;
}
