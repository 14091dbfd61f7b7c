/**
 * Where a report goes: standard output (respecting back-pressure) or a file
 * (written in batches). Text is batched, so a report of millions of lines is
 * neither one huge string nor millions of writes.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Spool } from '@sellguard/core';
import { CliError, writeError } from '../io.js';

const BATCH = 1 << 16;

export class Sink {
  private batch = '';
  private fd: number | undefined;

  constructor(readonly file: string | undefined) {
    if (file === undefined) return;
    try {
      this.fd = openSync(file, 'w');
    } catch (e) {
      throw new CliError(`cannot write the report file '${file}': ${writeError(e)}`);
    }
  }

  async write(chunks: Iterable<string>): Promise<void> {
    for (const chunk of chunks) {
      this.batch += chunk;
      if (this.batch.length >= BATCH) await this.flush();
    }
  }

  async flush(): Promise<void> {
    const text = this.batch;
    this.batch = '';
    if (!text) return;
    if (this.fd !== undefined) {
      try {
        writeSync(this.fd, text);
      } catch (e) {
        throw new CliError(`cannot write the report file '${this.file}': ${writeError(e)}`);
      }
    } else if (!process.stdout.write(text)) await once(process.stdout, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * Spools backed by temporary files, for formats that print totals before
 * details (JUnit, JSON): only a write position stays in memory. The folder
 * is removed by `dispose`.
 */
export function fileSpools(): { spool: () => Spool; dispose: () => void } {
  let dir: string | undefined;
  let n = 0;
  const open: number[] = [];
  return {
    spool() {
      dir ??= mkdtempSync(join(tmpdir(), 'sellguard-'));
      const path = join(dir, `spool-${n++}`);
      const fd = openSync(path, 'w+');
      open.push(fd);
      let pending = '';
      let size = 0;
      return {
        write(text) {
          pending += text;
          if (pending.length >= BATCH) {
            size += writeSync(fd, pending);
            pending = '';
          }
        },
        *drain() {
          if (pending) size += writeSync(fd, pending);
          pending = '';
          const buf = Buffer.alloc(BATCH * 4);
          let pos = 0;
          const decoder = new TextDecoder();
          while (pos < size) {
            const read = readSync(fd, buf, 0, buf.length, pos);
            if (read === 0) break;
            pos += read;
            yield decoder.decode(buf.subarray(0, read), { stream: true });
          }
          const tail = decoder.decode();
          if (tail) yield tail;
        },
      };
    },
    dispose() {
      for (const fd of open.splice(0)) {
        try {
          closeSync(fd);
        } catch {
          // already closed
        }
      }
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
