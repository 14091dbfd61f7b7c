/**
 * A policy's imports stay inside its project: the folder of the nearest
 * sellguard.config.json, else the entry policy's folder. Absolute paths,
 * `../` escapes and symbolic links out of it are refused (SG3027), special
 * files such as a pipe are never opened for reading (SG3028), oversized
 * files are refused (SG3029), and no diagnostic quotes the refused content.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/node/index.js';
import { sellguard } from './support.js';

const SECRET = 'record Secret { password: string } # SECRET-CONTENT-9f2c';
const entry = (from: string) => `policy main "Main"\n  input Secret\n\nimport { Secret } from ${JSON.stringify(from)}\n\nrule r error "x" {\n  require exists(password)\n}\n`;

let base: string;
let project: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'sellguard-imports-'));
  project = join(base, 'project');
  mkdirSync(join(project, 'sub'), { recursive: true });
  writeFileSync(join(base, 'outside.policy'), SECRET);
  writeFileSync(join(project, 'shared.policy'), 'record Secret { password: string }\n');
  writeFileSync(join(project, 'huge.policy'), `# ${'x'.repeat(5 * 1024 * 1024)}\n`);
  symlinkSync(join(base, 'outside.policy'), join(project, 'link.policy'));
  spawnSync('mkfifo', [join(project, 'pipe.policy')]);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** The codes and messages of compiling `policy` (written as project/main.policy, or at `at`). */
function allDiagnosticsOf(source: string, at = 'main.policy') {
  const file = join(project, at);
  writeFileSync(file, source);
  return loadPolicy(file).diagnostics.map((d) => ({ code: d.code, message: d.message }));
}

/** The diagnostics about the import itself (a refused import also leaves the imported names unknown). */
const diagnosticsOf = (source: string, at?: string) => allDiagnosticsOf(source, at).filter((d) => !['SG2001', 'SG2009'].includes(d.code));

describe('imports', () => {
  it('inside the project are read', () => {
    expect(allDiagnosticsOf(entry('./shared.policy'))).toEqual([]);
  });

  it('out of the project with ../ are refused without reading the file', () => {
    expect(diagnosticsOf(entry('../outside.policy'))).toEqual([
      { code: 'SG3027', message: `cannot import \`${join(base, 'outside.policy')}\`: a policy may only import files inside its project folder (${project})` },
    ]);
  });

  it('by absolute path out of the project are refused, also /dev/zero and /proc', () => {
    for (const path of [join(base, 'outside.policy'), '/dev/zero', '/proc/self/environ']) {
      expect(diagnosticsOf(entry(path)).map((d) => d.code)).toEqual(['SG3027']);
    }
  });

  it('through a symbolic link that leads out of the project are refused', () => {
    expect(diagnosticsOf(entry('./link.policy')).map((d) => d.code)).toEqual(['SG3027']);
  });

  it('of a special file (a pipe) are refused without opening it for reading', () => {
    expect(diagnosticsOf(entry('./pipe.policy'))).toEqual([{ code: 'SG3028', message: `cannot import \`${join(project, 'pipe.policy')}\`: it is not a regular file` }]);
  });

  it('of a file larger than a policy may be are refused', () => {
    expect(diagnosticsOf(entry('./huge.policy'))).toEqual([
      { code: 'SG3029', message: `cannot import \`${join(project, 'huge.policy')}\`: it is 5.2 MB, more than the 4.2 MB a policy file may be` },
    ]);
  });

  it('reach up to the folder of sellguard.config.json, and no further', () => {
    writeFileSync(join(project, 'sellguard.config.json'), '{}');
    try {
      expect(allDiagnosticsOf(entry('../shared.policy'), 'sub/main.policy')).toEqual([]);
      expect(diagnosticsOf(entry('../../outside.policy'), 'sub/main.policy').map((d) => d.code)).toEqual(['SG3027']);
    } finally {
      rmSync(join(project, 'sellguard.config.json'));
    }
  });

  it('refused on the command line are explained without quoting the other file', () => {
    writeFileSync(join(project, 'main.policy'), entry('../outside.policy'));
    const r = sellguard(['test', 'main.policy'], project);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[SG3027]: cannot import `../outside.policy`');
    expect(r.stdout + r.stderr).not.toContain('SECRET-CONTENT');
  });
});
