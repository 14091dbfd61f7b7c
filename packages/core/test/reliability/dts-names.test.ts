/**
 * `sellguard compile --out` writes declarations that TypeScript accepts in
 * strict mode whatever the records are called: hyphenated names, a record
 * named like an imported type (`Violation`), or like another record's input
 * variant (`Order` and `OrderInput`). Checked by running the real compiler
 * on the output and on code that uses it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folderWith, repoRoot, sellguard } from './support.js';

const policy = `policy names "Awkward record names"
  input my-record

record Violation {
  rule: string
}

record Order {
  id: string
}

record OrderInput {
  note: string
}

record my-record {
  body: string
  found: Violation?
  order: Order?
  extra: OrderInput?
}

rule short warning "Too short" {
  require length(body) > 3
}
`;

// Uses every record type by its name in the file, and the imported Violation through evaluate().
const usage = `import { check, evaluate, type my_record, type my_recordInput, type Violation, type Order, type OrderInput, type OrderInput_2 } from './out/names.mjs';
const raw: my_recordInput = { body: 'hi', found: { rule: 'r' }, order: { id: '1' }, extra: { note: 'n' } };
const rec: my_record = { body: 'hi', found: { rule: 'r' }, order: { id: '1' }, extra: null };
const own: Violation = { rule: 'x' };
const order: Order = { id: '2' };
const orderRaw: OrderInput_2 = { id: '3' };
const note: OrderInput = { note: 'n' };
const hits = evaluate(rec, {} as never);
const severity: string = hits[0].severity;
export const all = [raw, rec, own, order, orderRaw, note, severity, check];
`;

let dir: string;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('compile --out declarations', () => {
  it('pass tsc --strict with hyphenated record names and a record named Violation', () => {
    dir = folderWith({ 'names.policy': policy, 'use.ts': usage });
    const r = sellguard(['compile', 'names.policy', '--out', 'out'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const dts = readFileSync(join(dir, 'out/names.d.mts'), 'utf8');
    expect(dts).toContain('export interface my_record {');
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          skipLibCheck: false,
          baseUrl: '.',
          types: [],
          paths: { '@sellguard/core': [join(repoRoot, 'packages/core/dist/index.d.ts')], '@sellguard/core/runtime': [join(repoRoot, 'packages/core/dist/runtime/index.d.ts')] },
        },
        files: ['use.ts', 'out/names.d.mts', 'out/names.d.cts'],
      }),
    );
    const tsc = spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
