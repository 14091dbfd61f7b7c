/**
 * Reading a policy's imports from disk, inside its project only. A policy is
 * text from anywhere (a shared link, a colleague's e-mail), so its imports
 * must not reach the rest of the machine: they resolve inside the project
 * folder (the folder of the nearest sellguard.config.json, else the entry
 * policy's folder), to regular files only (never a device such as /dev/zero,
 * a pipe, or /proc), of a policy file's size. A refused file's content is
 * never read, so no diagnostic can quote it.
 */
import { closeSync, constants, existsSync, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ImportRefusal } from '../compile/resolve.js';

/** The largest policy file read: the shipped ones are a few KB, a long phrase list a few hundred. */
export const MAX_POLICY_BYTES = 4 * 1024 * 1024;

/** The project folder of a policy file: where the nearest sellguard.config.json is, else the file's own folder. */
export function projectRoot(policyFile: string): string {
  const own = dirname(resolve(policyFile));
  for (let dir = own; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'sellguard.config.json'))) return dir;
    if (dirname(dir) === dir) return own;
  }
}

/** Whether `path` is `root` or inside it (both already real paths). */
function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Read an imported file for the compiler: its text (byte-order mark dropped),
 * undefined when there is no such file, or why it is refused. Symbolic links
 * are followed before the check, so a link cannot lead out of the project.
 */
export function readImport(path: string, root: string): string | undefined | ImportRefusal {
  let real: string;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(path);
  } catch {
    // Not there (or not reachable): still refused when the path itself points out of the project.
    return inside(resolve(root), resolve(path)) ? undefined : { refused: 'outside', root };
  }
  if (!inside(realRoot, real)) return { refused: 'outside', root };
  let fd: number | undefined;
  try {
    // Checked before opening (opening a pipe for reading waits for a writer), then opened without
    // waiting and checked again through the handle, so the file cannot be swapped in between.
    if (!statSync(real).isFile()) return statSync(real).isDirectory() ? undefined : { refused: 'not-a-file' };
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return stat.isDirectory() ? undefined : { refused: 'not-a-file' };
    if (stat.size > MAX_POLICY_BYTES) return { refused: 'too-large', size: stat.size, limit: MAX_POLICY_BYTES };
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read).toString('utf8').replace(/^\ufeff/, '');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
