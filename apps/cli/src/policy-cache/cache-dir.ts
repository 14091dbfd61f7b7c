/**
 * Where compiled policies (and the compiled program) are kept between runs: SELLGUARD_CACHE_DIR when
 * set, else the user's cache folder ($XDG_CACHE_HOME or ~/.cache on Linux,
 * ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows). SELLGUARD_CACHE=0
 * (or --no-cache) turns the cache off. Everything in it can be deleted at
 * any time: a missing entry is compiled again.
 */
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

const OFF = new Set(['0', 'false', 'off', 'no']);

/** The folder for compiled policies, or undefined when caching is off (or there is no home folder to put it in). */
export function policyCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  return cacheSubdir('policies', env, platform);
}

/** The folder for the compiled program itself (V8's code cache, see launcher.ts), under the same rules. */
export function programCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  return cacheSubdir('program', env, platform);
}

function cacheSubdir(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  if (OFF.has((env.SELLGUARD_CACHE ?? '').trim().toLowerCase())) return undefined;
  const own = env.SELLGUARD_CACHE_DIR?.trim();
  if (own) return join(own, name);
  const base = userCacheDir(env, platform);
  return base === undefined ? undefined : join(base, 'sellguard', name);
}

function userCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  if (platform === 'win32' && env.LOCALAPPDATA) return env.LOCALAPPDATA;
  // The XDG specification says to ignore a relative path.
  if (platform !== 'win32' && platform !== 'darwin' && env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return env.XDG_CACHE_HOME;
  let home: string;
  try {
    home = homedir();
  } catch {
    return undefined;
  }
  if (!home) return undefined;
  if (platform === 'darwin') return join(home, 'Library', 'Caches');
  if (platform === 'win32') return join(home, 'AppData', 'Local');
  return join(home, '.cache');
}
