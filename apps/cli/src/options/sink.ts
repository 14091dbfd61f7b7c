/**
 * Where a report goes: standard output (respecting back-pressure) or a file
 * (written in batches). Text is batched, so a report of millions of lines is
 * neither one huge string nor millions of writes.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportChunk, Spool } from '@sellguard/core';
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

  async write(chunks: Iterable<ReportChunk>): Promise<void> {
    for (const chunk of chunks) {
      if (typeof chunk !== 'string') {
        // Bytes (a spool read back) go out as they are, after the text before them.
        await this.flush();
        await this.out(chunk);
        continue;
      }
      this.batch += chunk;
      if (this.batch.length >= BATCH) await this.flush();
    }
  }

  async flush(): Promise<void> {
    const text = this.batch;
    this.batch = '';
    if (text) await this.out(text);
  }

  private async out(data: string | Uint8Array): Promise<void> {
    if (this.fd !== undefined) {
      try {
        if (typeof data === 'string') writeSync(this.fd, data);
        else for (let at = 0; at < data.length; ) at += writeSync(this.fd, data, at);
      } catch (e) {
        throw new CliError(`cannot write the report file '${this.file}': ${writeError(e)}`);
      }
    } else if (!process.stdout.write(data)) await once(process.stdout, 'drain');
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
          let pos = 0;
          // The bytes as written (UTF-8), each block in a buffer of its own: the sink may still hold the last one.
          while (pos < size) {
            const buf = Buffer.allocUnsafe(Math.min(BATCH * 16, size - pos));
            const read = readSync(fd, buf, 0, buf.length, pos);
            if (read === 0) break;
            pos += read;
            yield buf.subarray(0, read);
          }
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
