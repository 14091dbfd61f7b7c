/** Output helpers: colour only for terminals that want it, plain errors, diagnostics as code frames. */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { renderDiagnostic, sortDiagnostics, type Diagnostic } from '@sellguard/dsl/diagnostics';

export { EXIT } from './exit-codes.js';

/**
 * Colour only when writing to a terminal; never with --no-color or when
 * NO_COLOR is set (even with --color); --color or FORCE_COLOR turn it on
 * when the output is not a terminal.
 */
export function useColor(stream: NodeJS.WriteStream, flag?: boolean): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (flag === false) return false;
  if (flag === true) return true;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '' && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

import { CliError } from './cli-error.js';

export { CliError };

/**
 * Print diagnostics to stderr as code frames, then a count line. A diagnostic
 * in an imported file is shown against that file's text when it was read.
 */
export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  source: string,
  fileName: string,
  color: boolean,
  sources?: ReadonlyMap<string, string>,
): void {
  if (diagnostics.length === 0) return;
  for (const d of sortDiagnostics([...diagnostics])) {
    const own = d.file === undefined || d.file === fileName;
    const text = own ? source : sources?.get(d.file!);
    if (text === undefined) {
      process.stderr.write(`${d.severity}[${d.code}]: ${d.message}\n  --> ${d.file}\n${d.help ? `   = help: ${d.help}\n` : ''}${diagnosticDocsLine(d.code)}\n`);
      continue;
    }
    const frame = renderDiagnostic(d, text, { fileName: own ? fileName : d.file!, color });
    // Line up with the frame's gutter, like its `= help:` line.
    const indent = (/^( *)= /m.exec(frame) ?? /^( *)\|/m.exec(frame))?.[1] ?? '   ';
    process.stderr.write(`${frame}\n${diagnosticDocsLine(d.code, indent)}\n`);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const parts = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean);
  process.stderr.write(`${fileName}: ${parts.join(', ')}\n`);
}

/** Where the project's documentation is published; reports link rules and diagnostics into it. */
export const DOCS_URL = 'https://github.com/sellguard/sellguard/blob/main/docs';

/** "   = docs: …/diagnostics.md#sg2001": every code has an entry with examples and what to do. */
function diagnosticDocsLine(code: string, indent = '   '): string {
  return /^SG\d{4}$/.test(code) ? `${indent}= docs: ${DOCS_URL}/diagnostics.md#${code.toLowerCase()}\n` : '';
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function writeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT'
    ? 'its folder does not exist'
    : code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EISDIR'
        ? 'it is a folder'
        : code === 'ENOSPC'
          ? 'the disk is full'
          : e instanceof Error
            ? e.message
            : String(e);
}

/** Write a file, turning file-system errors into plain sentences. */
export function writeOutputFile(path: string, text: string, what: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new CliError(`cannot write ${what} '${path}': ${writeError(e)}`);
  }
}

/**
 * Write text made in pieces (a large report) to a file, or to stdout when no
 * file is given, in batches and respecting back-pressure, so the whole text
 * never has to be one string.
 */
export async function writeChunks(chunks: Iterable<string>, file?: { path: string; what: string }): Promise<void> {
  const BATCH = 1 << 16;
  let fd: number | undefined;
  if (file) {
    try {
      fd = openSync(file.path, 'w');
    } catch (e) {
      throw new CliError(`cannot write ${file.what} '${file.path}': ${writeError(e)}`);
    }
  }
  const flush = async (text: string) => {
    if (!text) return;
    if (fd !== undefined) {
      try {
        writeSync(fd, text);
      } catch (e) {
        throw new CliError(`cannot write ${file!.what} '${file!.path}': ${writeError(e)}`);
      }
    } else if (!process.stdout.write(text)) await once(process.stdout, 'drain');
  };
  try {
    let batch = '';
    for (const chunk of chunks) {
      batch += chunk;
      if (batch.length >= BATCH) {
        await flush(batch);
        batch = '';
      }
    }
    await flush(batch);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
