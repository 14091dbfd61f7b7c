/** Reading a policy file's own text from disk (its imports: imports.ts). */
import { readFileSync, statSync } from 'node:fs';
import { MAX_POLICY_BYTES } from './imports.js';

/** A policy file that cannot be read. Its message is a plain sentence for people. */
export class PolicyFileError extends Error {
  override name = 'PolicyFileError';
}

/** The text of a policy file, byte-order mark dropped; throws PolicyFileError when it cannot be read. */
export function readPolicyText(fileName: string): string {
  try {
    const stat = statSync(fileName);
    if (stat.isDirectory()) throw new PolicyFileError(`cannot read policy file '${fileName}': it is a folder, not a file`);
    if (!stat.isFile()) throw new PolicyFileError(`cannot read policy file '${fileName}': it is not a regular file; give the path of a .policy file`);
    if (stat.size > MAX_POLICY_BYTES) throw new PolicyFileError(`cannot read policy file '${fileName}': it is ${Math.round(stat.size / 1e6)} MB, more than a policy file may be; give the path of a .policy file`);
    return readFileSync(fileName, 'utf8').replace(/^\ufeff/, '');
  } catch (e) {
    if (e instanceof PolicyFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'ENOTDIR'
            ? 'a part of the path is not a folder'
            : e instanceof Error
              ? e.message
              : String(e);
    throw new PolicyFileError(`cannot read policy file '${fileName}': ${why}`);
  }
}
