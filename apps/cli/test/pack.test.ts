/**
 * The published packages, as a user gets them: every workspace is packed with
 * `npm pack` (which builds it first, as publishing does), the tarballs are
 * installed into an empty project outside the repository, and the user runs
 * `npx sellguard`, compiles a policy and uses the compiled module from
 * CommonJS, from an ES module and from TypeScript.
 */
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, run, runOk } from './support/npm.js';

const PUBLISHED = ['packages/dsl', 'packages/core', 'packages/engines', 'packages/language-server', 'apps/tui', 'apps/cli'];
const TARBALLS = ['sellguard-cli-0.1.0.tgz', 'sellguard-core-0.1.0.tgz', 'sellguard-dsl-0.1.0.tgz', 'sellguard-engines-0.1.0.tgz', 'sellguard-language-server-0.1.0.tgz', 'sellguard-tui-0.1.0.tgz'];

/** A small policy whose results are easy to work out by hand. */
const DEMO_POLICY = `policy demo "Demo" source "Amazon Buyer-Seller Communication Guidelines"
record Message { orderId: string  body: text }
rule email-address error "Remove the email address {matched}" { forbid emails(body) }
rule shouting warning "Do not shout" { forbid body matches "[A-Z]{6,}" }
`;

/**
 * Lines 1, 10 and 12 of examples/buyer-messaging/messages.jsonl; that folder's
 * README lists what each line shows: compliant; phone-number and
 * email-address; order-id-missing.
 */
function sampleMessages(): string {
  const lines = readFileSync(join(repoRoot, 'examples/buyer-messaging/messages.jsonl'), 'utf8').split('\n');
  return [lines[0], lines[9], lines[11]].join('\n') + '\n';
}

/**
 * Two seller-fulfilled orders, as of 2026-11-20: one with negative feedback
 * (order defect rate 1/2 over 60 days), both shipped on time (late shipment
 * rates 0) with valid tracking (1). Both were bought more than 7 days before,
 * so the pre-fulfillment cancel rate has no data (null).
 */
const ORDERS = [
  { orderId: '114-0000000-0000001', purchaseDate: '2026-11-10T09:00:00Z', fulfillmentChannel: 'MFN', expectedShipDate: '2026-11-12T23:59:59Z', shipDate: '2026-11-11T15:00:00Z', trackingId: '1Z1', trackingValid: true, negativeFeedback: true },
  { orderId: '114-0000000-0000002', purchaseDate: '2026-11-12T09:00:00Z', fulfillmentChannel: 'MFN', expectedShipDate: '2026-11-14T23:59:59Z', shipDate: '2026-11-13T15:00:00Z', trackingId: '1Z2', trackingValid: true },
];

const MODULE_EXPORTS = ['check', 'decode', 'evaluate', 'evaluateDataset', 'metrics', 'metricsAdd', 'policy', 'rules', 'schema'];

let tmp: string;
let project: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'sellguard-pack-'));
  const packs = join(tmp, 'tarballs');
  project = join(tmp, 'shop-tools');
  mkdirSync(packs);
  mkdirSync(project);
  runOk('npm', ['pack', '--pack-destination', packs, ...PUBLISHED.flatMap((p) => ['--workspace', p])], repoRoot);
  runOk('npm', ['init', '-y'], project);
  runOk('npm', ['install', ...TARBALLS.map((t) => join(packs, t)), '--prefer-offline', '--no-audit', '--no-fund'], project);
  copyFileSync(join(repoRoot, 'policies/buyer-messaging.policy'), join(project, 'buyer-messaging.policy'));
  copyFileSync(join(repoRoot, 'policies/account-health-orders.policy'), join(project, 'account-health-orders.policy'));
  writeFileSync(join(project, 'messages.jsonl'), sampleMessages());
  writeFileSync(join(project, 'demo.policy'), DEMO_POLICY);
}, 600_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}, 120_000);

/** Every test here spawns npm, npx, node or tsc; on a busy machine one can take a while. */
const SLOW = { timeout: 300_000 };

const npx = (args: string[]) => run('npx', args, project);
const node = (file: string) => run(process.execPath, [file], project);

describe('the packed packages', SLOW, () => {
  it('hold their license, readme and built code, and no build leftovers', () => {
    const listing = runOk('tar', ['-tzf', join(tmp, 'tarballs', 'sellguard-cli-0.1.0.tgz')], tmp).stdout.split('\n');
    expect(listing).toEqual(expect.arrayContaining(['package/LICENSE', 'package/README.md', 'package/package.json', 'package/bin/sellguard.js', 'package/dist/main.js']));
    expect(listing.filter((f) => f.includes('tsbuildinfo') || f.includes('/test/'))).toEqual([]);
    for (const name of ['cli', 'core', 'dsl', 'engines', 'language-server', 'tui']) {
      const dir = join(project, 'node_modules/@sellguard', name);
      expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toContain('MIT License');
      expect(existsSync(join(dir, 'README.md'))).toBe(true);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      expect([pkg.license, pkg.engines.node, pkg.private]).toEqual(['MIT', '>=20.19', undefined]);
    }
  });

  it('install commands that run: executable launchers and built entry points that start with #!/usr/bin/env node', () => {
    for (const file of ['cli/bin/sellguard.js', 'cli/dist/main.js', 'tui/bin/sellguard-tui.js', 'tui/dist/main.js']) {
      const path = join(project, 'node_modules/@sellguard', file);
      expect(() => accessSync(path, constants.X_OK)).not.toThrow();
      expect(readFileSync(path, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    }
  });

  it('install as one set: the CLI uses the packed core, dsl, engines and TUI, not copies from elsewhere', () => {
    const nested = readdirSync(join(project, 'node_modules/@sellguard')).filter((name) => existsSync(join(project, 'node_modules/@sellguard', name, 'node_modules/@sellguard')));
    expect(nested).toEqual([]);
    const deps = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).dependencies;
    expect(Object.keys(deps).sort()).toEqual(['@sellguard/cli', '@sellguard/core', '@sellguard/dsl', '@sellguard/engines', '@sellguard/language-server', '@sellguard/tui']);
  });
});

describe('npx sellguard in the project', SLOW, () => {
  it('checks a policy and a data file from outside the repository', () => {
    const r = npx(['sellguard', 'check', 'buyer-messaging.policy', 'messages.jsonl', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toMatchObject({ records: 3, checked: 3, invalid: 0, withViolations: 2, violations: 3 });
    const found = report.results.map((x: { index: number; violations: Array<{ rule: string }> }) => [x.index, x.violations.map((v) => v.rule).sort()]);
    expect(found).toEqual([
      [1, ['buyer-messaging/email-address', 'buyer-messaging/phone-number']],
      [2, ['buyer-messaging/order-id-missing']],
    ]);
  });

  it('prints the report for people, and exits 0 when nothing reaches --fail-on', () => {
    const input = '{"orderId":"1","body":"write to jo@example.com"}\n';
    const failing = run('npx', ['sellguard', 'check', 'demo.policy', '-'], project, { input });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('demo/email-address');
    expect(failing.stdout).toContain('Remove the email address jo@example.com');
    const reported = run('npx', ['sellguard', 'check', 'demo.policy', '-', '--fail-on', 'never'], project, { input });
    expect(reported.code).toBe(0);
    expect(reported.stdout).toContain('Remove the email address jo@example.com');
  });

  it('shows its help, and so does sellguard-tui', () => {
    const help = npx(['sellguard', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: sellguard /);
    for (const command of ['check', 'test', 'fmt', 'compile', 'tui']) expect(help.stdout).toContain(`  ${command} `);
    const tui = npx(['sellguard-tui', '--help']);
    expect(tui.code).toBe(0);
    expect(tui.stdout).toMatch(/^Usage: sellguard-tui /);
  });
});

describe('a compiled policy in the project', SLOW, () => {
  beforeAll(() => {
    for (const policy of ['demo.policy', 'account-health-orders.policy']) {
      const r = npx(['sellguard', 'compile', policy, '--out', 'out']);
      if (r.code !== 0) throw new Error(r.stderr);
    }
  }, 300_000);

  it('writes an ES module, a CommonJS module and their declarations', () => {
    expect(readdirSync(join(project, 'out')).sort()).toEqual(
      ['account-health-orders', 'demo'].flatMap((id) => [`${id}.cjs`, `${id}.d.cts`, `${id}.d.mts`, `${id}.mjs`]),
    );
  });

  it('works from CommonJS (require)', () => {
    writeFileSync(
      join(project, 'consumer.cjs'),
      `const demo = require('./out/demo.cjs');
const found = [demo.check({ orderId: '1', body: 'mail jo@example.com NOW PLEASE' }), demo.check({ orderId: '2', body: 'hello' }), demo.check({ orderId: '3' })];
console.log(JSON.stringify(found.map((r) => (r.ok ? r.violations.map((v) => v.rule) : r.problems.map((p) => p.path)))));
`,
    );
    const r = node('consumer.cjs');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([['demo/email-address', 'demo/shouting'], [], ['body']]);
  });

  it('works from an ES module (import), metrics included, and exports what its declarations say', () => {
    writeFileSync(
      join(project, 'consumer.mjs'),
      `import * as demo from './out/demo.mjs';
import * as orders from './out/account-health-orders.mjs';
import { evalContext, startMetrics, metricValues } from '@sellguard/core/runtime';
const ctx = evalContext({ asOf: Date.UTC(2026, 10, 20) });
const state = startMetrics(orders.metrics, ctx);
for (const raw of ${JSON.stringify(ORDERS)}) {
  const decoded = orders.decode(raw);
  if (!decoded.ok) throw new Error(JSON.stringify(decoded.problems));
  orders.metricsAdd(decoded.value, state, ctx);
}
const values = metricValues(orders.metrics, state);
console.log(JSON.stringify({
  exports: [Object.keys(demo).sort(), Object.keys(orders).sort()],
  demo: [demo.check({ orderId: '1', body: 'jo@example.com' }), demo.check({ orderId: '1', body: 'jo@example.com' }, ctx)].map((r) => r.violations.map((v) => v.rule)),
  metrics: orders.metrics.map((m) => m.name),
  values,
  dataset: orders.evaluateDataset(values, ctx).map((v) => v.rule),
}));
`,
    );
    const r = node('consumer.mjs');
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.exports).toEqual([MODULE_EXPORTS, MODULE_EXPORTS]);
    expect(out.demo).toEqual([['demo/email-address'], ['demo/email-address']]);
    expect(out.metrics).toEqual(['order-defect-rate', 'pre-fulfillment-cancel-rate', 'late-shipment-rate-10d', 'late-shipment-rate-30d', 'valid-tracking-rate']);
    expect(out.values).toEqual([0.5, null, 0, 0, 1]);
    expect(out.dataset).toEqual(['account-health-orders/order-defect-rate']);
  });

  it('type-checks with tsc --strict from ESM and CommonJS TypeScript, and its types catch mistakes', () => {
    const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['typed.mts', 'typed.cts', 'wrong.mts'] }));
    writeFileSync(
      join(project, 'typed.mts'),
      `import { check, decode, evaluate, rules, policy, schema, metrics, metricsAdd, evaluateDataset, type Message, type MessageInput } from './out/demo.mjs';
import * as orders from './out/account-health-orders.mjs';
import { evalContext, startMetrics, metricValues, type MetricDef } from '@sellguard/core/runtime';
import type { Violation } from '@sellguard/core';
const input: MessageInput = { orderId: '1', body: 'jo@example.com' };
const r = check(input);
const ids: string[] = r.ok ? r.violations.map((v: Violation) => v.rule) : r.problems.map((p) => p.message);
const d = decode(input);
const ctx = evalContext({ asOf: Date.UTC(2026, 10, 20) });
const direct: Violation[] = d.ok ? evaluate(d.value satisfies Message, ctx) : [];
const id: 'demo' = policy.id;
const defs: MetricDef[] = metrics;
const state = startMetrics(orders.metrics, ctx);
const o = orders.decode({});
if (o.ok) orders.metricsAdd(o.value, state, ctx);
const late: boolean | null = o.ok ? o.value.shipDate !== null && o.value.expectedShipDate !== null && o.value.shipDate > o.value.expectedShipDate : null;
const dataset: Violation[] = orders.evaluateDataset(metricValues(orders.metrics, state), ctx);
console.log(ids, direct, id, defs, rules[0].id, schema, metricsAdd, evaluateDataset([], ctx), late, dataset, check(input, ctx));
`,
    );
    writeFileSync(
      join(project, 'typed.cts'),
      `import demo = require('./out/demo.cjs');
const r = demo.check({ orderId: '1', body: 'x' });
const count: number = r.ok ? r.violations.length : r.problems.length;
console.log(count, demo.policy.id, demo.metrics.length);
`,
    );
    // The declarations are real types, not `any`: wrong uses must be errors. One tsc run checks
    // both: the only errors are the two in wrong.mts, so the consumers above type-check cleanly.
    writeFileSync(join(project, 'wrong.mts'), `import { check, metricsAdd } from './out/demo.mjs';\nconst s: string = check({});\nmetricsAdd({ orderId: 1 }, null, null);\n`);
    const r = run(process.execPath, [tsc, '-p', '.'], project);
    expect(r.code).not.toBe(0);
    expect(r.stdout.split('\n').filter((line) => /error TS\d+/.test(line))).toEqual([
      "wrong.mts(2,7): error TS2322: Type '{ ok: true; violations: Violation[]; } | { ok: false; problems: InputProblem[]; }' is not assignable to type 'string'.",
      "wrong.mts(3,14): error TS2322: Type 'number' is not assignable to type 'string'.",
    ]);
  });
});

describe('the packages from code', SLOW, () => {
  /** The first ```js block of a package's README, run as a file in the project. */
  function readmeExample(pkg: string): string {
    const readme = readFileSync(join(repoRoot, pkg, 'README.md'), 'utf8');
    const block = /```js\n([\s\S]*?)```/.exec(readme);
    if (!block) throw new Error(`${pkg}/README.md has no js example`);
    return block[1];
  }

  it("@sellguard/core: the README's example compiles a policy and checks a record", () => {
    writeFileSync(join(project, 'core-readme.mjs'), readmeExample('packages/core'));
    const r = node('core-readme.mjs');
    expect(r.stderr).toBe('');
    const [count, ...report] = r.stdout.split('\n');
    expect(count).toBe('1');
    expect(report.join('\n')).toContain('no-email/email-address');
  });

  it("@sellguard/dsl: the README's example parses and formats", () => {
    writeFileSync(join(project, 'dsl-readme.mjs'), readmeExample('packages/dsl'));
    const r = node('dsl-readme.mjs');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`0\ndemo\n[ 'RecordDecl' ]\ntrue\npolicy demo "Demo"\n\nrecord Message {\n  body: text\n}\n\n`);
  });
});
