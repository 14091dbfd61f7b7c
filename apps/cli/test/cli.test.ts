/**
 * Scenario tests: the built `sellguard` binary, spawned the way a user runs
 * it, in a temporary folder. The binary is built first (incrementally).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const bin = join(root, 'apps/cli/dist/main.js');

function sellguard(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd ?? dir,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const POLICY = `policy demo "Demo" source "tests"
record Message { orderId: string  body: text }
rule email-address error "Remove the email address {matched}" {
  forbid emails(body)
  hint "Buyers reach you through Amazon messaging."
}
rule shouting warning "Do not shout" { forbid body matches "[A-Z]{6,}" }
example "has email" { given { orderId: "1", body: "mail a@b.com" } expect email-address }
example "clean" { given { orderId: "1", body: "hello" } expect nothing }
`;

/** Line 3 is not JSON, line 4 is blank, line 5 has a list where text belongs. */
const MIXED = [
  '{"orderId":"1","body":"write to jo@example.com"}',
  '{"orderId":"2","body":"fine"}',
  'not json',
  '',
  '{"orderId":"3","body":["x"]}',
  '{"orderId":"4","body":"PLEASE RESPOND"}',
  '',
].join('\n');

let dir: string;
beforeAll(() => {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const build = spawnSync(process.execPath, [tsc, '-b', 'apps/cli'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0 || !existsSync(bin)) throw new Error(`could not build the CLI:\n${build.stdout}${build.stderr}`);
  dir = mkdtempSync(join(tmpdir(), 'sellguard-cli-'));
  writeFileSync(join(dir, 'demo.policy'), POLICY);
  writeFileSync(join(dir, 'clean.jsonl'), '{"orderId":"1","body":"hello"}\n{"orderId":"2","body":"thanks"}\n');
  writeFileSync(join(dir, 'mixed.jsonl'), MIXED);
  writeFileSync(join(dir, 'messages.csv'), 'orderId,body\n1,"line one\nline two, jo@example.com"\n2,ok\n');
  writeFileSync(join(dir, 'shout.jsonl'), '{"orderId":"4","body":"PLEASE RESPOND"}\n');
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('sellguard --help and usage errors', () => {
  it('lists every command with a description and an example each', () => {
    const r = sellguard(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['check', 'test', 'fmt', 'compile']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${c} .*\\S  +\\w`, 'm'));
      expect(r.stdout).toMatch(new RegExp(`^  sellguard ${c}\\b`, 'm'));
    }
  });

  it('prints the version', () => {
    const r = sellguard(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('documents that invalid records fail a check', () => {
    const r = sellguard(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('invalid records count as failures unless --fail-on never');
  });

  it('rejects an unknown command, a missing argument and a bad choice with exit 2', () => {
    const unknown = sellguard(['chek']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("sellguard: unknown command 'chek'");
    expect(sellguard(['check', 'demo.policy']).code).toBe(2);
    const choice = sellguard(['check', 'demo.policy', 'clean.jsonl', '--fail-on', 'sometimes']);
    expect(choice.code).toBe(2);
    expect(choice.stderr).toContain('sometimes');
  });
});

describe('sellguard check', () => {
  it('exits 0 when nothing fires', () => {
    const r = sellguard(['check', 'demo.policy', 'clean.jsonl']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}records read +2$/m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('✓ Passed: no violations in 2 records.');
  });

  it('reports violations in context, bad lines with their line, and goes on', () => {
    const r = sellguard(['check', 'demo.policy', 'mixed.jsonl']);
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out).toContain('Policy demo: Demo (source: tests)');
    expect(out).toContain(
      [
        'record 1 (line 1, mixed.jsonl)',
        '  error  demo/email-address  Remove the email address jo@example.com',
        '         at body',
        '         │ write to jo@example.com',
        '         │          ^^^^^^^^^^^^^^',
        '         hint: Buyers reach you through Amazon messaging.',
      ].join('\n'),
    );
    expect(out).toContain("record 3 (line 3, mixed.jsonl): could not be read — not valid JSON at column 1: unexpected word 'not'");
    expect(out).toContain('record 4 (line 5, mixed.jsonl): could not be read — body: expected text, got a list');
    // The record after the bad ones was still checked.
    expect(out).toContain('record 5 (line 6, mixed.jsonl)\n  warning  demo/shouting  Do not shout');
    expect(out).toMatch(/^ {2}records read +5$/m);
    expect(out).toMatch(/^ {2}checked +3$/m);
    expect(out).toMatch(/^ {2}invalid +2 /m);
    expect(out).toMatch(/^ {2}with violations +2$/m);
    expect(out).toMatch(/^ {4}1 {2}error {4}demo\/email-address$/m);
    expect(out).toMatch(/^ {4}1 {2}warning {2}demo\/shouting$/m);
    expect(out.trimEnd().split('\n').at(-1)).toBe('✗ Failed: 1 error, 1 warning in 2 of 5 records; 2 records could not be read or checked.');
  });

  it('prints one JSON document in the documented shape', () => {
    const r = sellguard(['check', 'demo.policy', 'mixed.jsonl', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['policy', 'summary', 'suppressions', 'results']);
    expect(doc.suppressions).toEqual({ suppressed: 0, baselined: 0, baselineGone: 0, notices: [] });
    expect(doc.policy).toEqual({ id: 'demo', title: 'Demo', source: 'tests', version: null });
    expect(doc.summary).toEqual({
      records: 5,
      checked: 3,
      invalid: 2,
      withViolations: 2,
      violations: 2,
      bySeverity: { error: 1, warning: 1, info: 0 },
      byRule: { 'demo/email-address': 1, 'demo/shouting': 1 },
    });
    expect(doc.summary.records).toBe(doc.summary.checked + doc.summary.invalid);
    expect(doc.results.map((x: { index: number; line: number }) => [x.index, x.line])).toEqual([
      [0, 1],
      [2, 3],
      [3, 5],
      [4, 6],
    ]);
    expect(Object.keys(doc.results[0])).toEqual(['index', 'line', 'file', 'violations']);
    expect(doc.results[0].violations[0]).toEqual({
      rule: 'demo/email-address',
      severity: 'error',
      message: 'Remove the email address jo@example.com',
      path: 'body',
      spans: [{ path: 'body', start: 9, end: 23, text: 'jo@example.com' }],
      hint: 'Buyers reach you through Amazon messaging.',
    });
    expect(doc.results[1]).toEqual({
      index: 2,
      line: 3,
      file: 'mixed.jsonl',
      violations: [],
      invalid: [{ path: '', message: "line 3, column 1: not valid JSON: unexpected word 'not' (text needs double quotes)" }],
    });
    expect(doc.results[2].invalid).toEqual([{ path: 'body', message: expect.stringContaining('expected text') }]);
  });

  it('honours --fail-on', () => {
    expect(sellguard(['check', 'demo.policy', 'shout.jsonl']).code).toBe(0);
    expect(sellguard(['check', 'demo.policy', 'shout.jsonl', '--fail-on', 'warning']).code).toBe(1);
    expect(sellguard(['check', 'demo.policy', 'shout.jsonl', '--fail-on', 'info']).code).toBe(1);
    // Invalid records fail a run, unless nothing does.
    writeFileSync(join(dir, 'only-bad.jsonl'), '{"orderId":"1"}\n');
    expect(sellguard(['check', 'demo.policy', 'only-bad.jsonl']).code).toBe(1);
    expect(sellguard(['check', 'demo.policy', 'mixed.jsonl', '--fail-on', 'never']).code).toBe(0);
  });

  it('reads CSV with quoted line breaks and reports the line where a record starts', () => {
    const r = sellguard(['check', 'demo.policy', 'messages.csv', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.records).toBe(2);
    expect(doc.results).toHaveLength(1);
    expect(doc.results[0]).toMatchObject({ index: 0, line: 2 });
    const text = sellguard(['check', 'demo.policy', 'messages.csv']).stdout;
    expect(text).toContain('│ line one⏎line two, jo@example.com\n');
    expect(text).toContain('│                    ^^^^^^^^^^^^^^\n');
  });

  it('reads tab-separated flat files with literal quotes', () => {
    writeFileSync(join(dir, 'report.txt'), 'order-id\tbody\n1\t12" x 18" board, ask bo@example.com\n2\tfine\n');
    const doc = JSON.parse(sellguard(['check', 'demo.policy', 'report.txt', '--format', 'json']).stdout);
    expect(doc.summary).toMatchObject({ records: 2, invalid: 0, violations: 1 });
    expect(doc.results[0].violations[0].spans[0].text).toBe('bo@example.com');
  });

  it('reads standard input, sniffing the format', () => {
    const jsonl = sellguard(['check', 'demo.policy', '-', '--format', 'json'], { input: '{"orderId":"1","body":"a@b.co"}\n' });
    expect(jsonl.code).toBe(1);
    const doc = JSON.parse(jsonl.stdout);
    expect(doc.summary.violations).toBe(1);
    expect(doc.results[0]).toMatchObject({ index: 0, line: 1, file: '-' });
    const array = sellguard(['check', 'demo.policy', '-', '--format', 'json'], { input: '[\n {"orderId":"1","body":"ok"},\n {"orderId":"2","body":"x@y.co"}\n]\n' });
    expect(JSON.parse(array.stdout).results.map((x: { line: number }) => x.line)).toEqual([3]);
    const csv = sellguard(['check', 'demo.policy', '-'], { input: 'orderId,body\n1,hello\n' });
    expect(csv.code).toBe(0);
    expect(csv.stdout).toMatch(/^ {2}records read +1$/m);
    const text = sellguard(['check', 'demo.policy', '-'], { input: '{"orderId":"1","body":"a@b.co"}\n' });
    expect(text.stdout).toContain('record 1 (line 1, standard input)');
  });

  it('checks several inputs with one numbering, and names each file', () => {
    const doc = JSON.parse(sellguard(['check', 'demo.policy', 'clean.jsonl', 'shout.jsonl', '--format', 'json']).stdout);
    expect(doc.summary.records).toBe(3);
    expect(doc.results).toEqual([expect.objectContaining({ index: 2, line: 1, file: 'shout.jsonl' })]);
  });

  it('explains a missing input or policy in plain words, exit 2, before reading anything', () => {
    const missing = sellguard(['check', 'demo.policy', 'clean.jsonl', 'nope.jsonl']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe("sellguard: cannot read input file 'nope.jsonl': no such file\n");
    const noPolicy = sellguard(['check', 'nope.policy', 'clean.jsonl']);
    expect(noPolicy.code).toBe(2);
    expect(noPolicy.stderr).toBe("sellguard: cannot read policy file 'nope.policy': no such file\n");
    mkdirSync(join(dir, 'folder.jsonl'), { recursive: true });
    const folder = sellguard(['check', 'demo.policy', 'folder.jsonl']);
    expect(folder.code).toBe(2);
    // A folder is walked for data files; an empty one says so.
    expect(folder.stderr).toBe("sellguard: the folder 'folder.jsonl' holds no data files (.jsonl, .json, .csv, .tsv, .txt) (see sellguard check --help)\n");
  });

  it('prints the diagnostics of a broken policy as code frames, exit 2', () => {
    writeFileSync(join(dir, 'broken.policy'), POLICY.replace('forbid emails(body)', 'forbid emails(bdy)'));
    const r = sellguard(['check', 'broken.policy', 'clean.jsonl']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error[SG2001]: there is no field or constant called `bdy`');
    expect(r.stderr).toContain('--> broken.policy:4:17');
    expect(r.stderr).toContain('help: did you mean `body`?');
    expect(r.stderr).toContain("sellguard: the policy 'broken.policy' has errors");
    expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  });

  it('writes the report to --output, and colours only when asked', () => {
    const r = sellguard(['check', 'demo.policy', 'mixed.jsonl', '--output', 'report.txt', '--color']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toContain('record 1 (line 1, mixed.jsonl)');
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).not.toContain('\x1b[');
    expect(sellguard(['check', 'demo.policy', 'mixed.jsonl']).stdout).not.toContain('\x1b[');
    expect(sellguard(['check', 'demo.policy', 'mixed.jsonl', '--color'], { env: { NO_COLOR: '' } }).stdout).toContain('\x1b[31merror\x1b[39m');
    // NO_COLOR wins over --color.
    expect(sellguard(['check', 'demo.policy', 'mixed.jsonl', '--color'], { env: { NO_COLOR: '1' } }).stdout).not.toContain('\x1b[');
    const nowhere = sellguard(['check', 'demo.policy', 'mixed.jsonl', '--output', join(dir, 'no/such/dir/r.txt')]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/^sellguard: cannot write the report file '.*r\.txt': its folder does not exist\n$/);
  });

  it('checks as of another day with --as-of', () => {
    writeFileSync(join(dir, 'cert.policy'), 'policy cert "Certificates" source "tests"\nrecord Cert { id: string  expiresAt: date }\nrule expired error "Certificate {id} has expired" { require expiresAt >= today() }\n');
    writeFileSync(join(dir, 'certs.jsonl'), '{"id":"c1","expiresAt":"2026-06-01"}\n');
    expect(sellguard(['check', 'cert.policy', 'certs.jsonl', '--as-of', '2026-05-01']).code).toBe(0);
    const late = sellguard(['check', 'cert.policy', 'certs.jsonl', '--as-of', '2026-07-01']);
    expect(late.code).toBe(1);
    expect(late.stdout).toContain('Certificate c1 has expired');
    const bad = sellguard(['check', 'cert.policy', 'certs.jsonl', '--as-of', '2026-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected a date such as 2026-11-20');
  });

  it('limits the records shown with --max-records, still counting all', () => {
    const r = sellguard(['check', 'demo.policy', 'mixed.jsonl', '--max-records', '1']);
    expect(r.stdout).toContain('record 1 (line 1, mixed.jsonl)');
    expect(r.stdout).not.toContain('record 3 (');
    expect(r.stdout).toContain('… and 3 more records with problems, not shown');
    expect(r.stdout).toMatch(/^ {2}records read +5$/m);
  });
});

describe('sellguard test', () => {
  it('runs the examples and ends with the counts', () => {
    const r = sellguard(['test', 'demo.policy']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ demo: has email\n');
    expect(r.stdout).toContain('✓ demo: clean\n');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('2 passed, 0 failed');
  });

  it('shows why an example failed and exits 1', () => {
    writeFileSync(join(dir, 'wrong.policy'), POLICY.replace('expect nothing', 'expect email-address'));
    const r = sellguard(['test', 'wrong.policy']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ demo: clean (wrong.policy:9)');
    expect(r.stdout).toContain('expected email-address to fire, but it did not');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed');
  });

  it('defaults to policies/*.policy and counts a policy that does not compile as a failure', () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'policies'), { recursive: true });
    writeFileSync(join(project, 'policies', 'a.policy'), POLICY);
    writeFileSync(join(project, 'policies', 'b.policy'), POLICY.replace('forbid emails(body)', 'forbid emails(bdy)'));
    const r = sellguard(['test'], { cwd: project });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ policies/b.policy: does not compile');
    expect(r.stderr).toContain('error[SG2001]');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('2 passed, 1 failed');
  });
});

describe('sellguard fmt', () => {
  it('checks, formats, and leaves formatted files alone', () => {
    writeFileSync(join(dir, 'messy.policy'), 'policy   demo "Demo"\nrecord M {   body :text }\n');
    const check = sellguard(['fmt', '--check', 'messy.policy']);
    expect(check.code).toBe(1);
    expect(check.stdout).toBe('messy.policy\n');
    expect(readFileSync(join(dir, 'messy.policy'), 'utf8')).toBe('policy   demo "Demo"\nrecord M {   body :text }\n');
    expect(sellguard(['fmt', 'messy.policy']).code).toBe(0);
    expect(readFileSync(join(dir, 'messy.policy'), 'utf8')).toBe('policy demo "Demo"\n\nrecord M {\n  body: text\n}\n');
    const again = sellguard(['fmt', '--check', 'messy.policy']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
  });

  it('refuses to format a file with syntax errors, exit 2', () => {
    writeFileSync(join(dir, 'bad.policy'), 'policy demo "Demo"\nrecord M { body: }\n');
    const r = sellguard(['fmt', 'bad.policy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error\[SG\d+\]/);
    expect(r.stderr).toContain('--> bad.policy:2:');
    expect(readFileSync(join(dir, 'bad.policy'), 'utf8')).toBe('policy demo "Demo"\nrecord M { body: }\n');
  });
});

describe('sellguard compile', () => {
  it('writes an ES module, a CommonJS module and their types, which work without the compiler', async () => {
    const out = join(dir, 'build');
    const r = sellguard(['compile', 'demo.policy', '--out', out]);
    expect(r.code).toBe(0);
    for (const name of ['demo.mjs', 'demo.d.mts', 'demo.cjs', 'demo.d.cts']) expect(r.stdout).toContain(`wrote ${join(out, name)}\n`);
    const dts = readFileSync(join(out, 'demo.d.mts'), 'utf8');
    expect(readFileSync(join(out, 'demo.d.cts'), 'utf8')).toBe(dts);
    expect(dts).toContain('export interface Message {');
    expect(dts).toContain('export declare function check(');
    // Load both modules with the runtime resolved from this repository (the packed install test uses the real package).
    const runtime = join(root, 'packages/core/dist/runtime/index.js');
    const esm = readFileSync(join(out, 'demo.mjs'), 'utf8').replace("'@sellguard/core/runtime'", JSON.stringify(runtime));
    writeFileSync(join(out, 'local.mjs'), esm);
    const cjs = readFileSync(join(out, 'demo.cjs'), 'utf8').replace("require('@sellguard/core/runtime')", `require(${JSON.stringify(runtime)})`);
    writeFileSync(join(out, 'local.cjs'), cjs);
    for (const file of ['local.mjs', 'local.cjs']) {
      const mod = await import(join(out, file));
      expect(mod.check({ orderId: '1', body: 'x@y.co' })).toMatchObject({ ok: true, violations: [{ rule: 'demo/email-address' }] });
      expect(mod.check({ orderId: '1' })).toEqual({ ok: false, problems: [{ path: 'body', message: 'is missing: expected text' }] });
    }
  });

  it('needs --out, exit 2', () => {
    const r = sellguard(['compile', 'demo.policy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out');
  });
});

/**
 * The metrics of examples/orders/orders.csv as of 2026-11-20, worked out here
 * from Amazon's definitions with plain loops over the CSV (it has no quoted
 * fields), not by the tool.
 */
function ordersOracle() {
  const [header, ...lines] = readFileSync(join(root, 'examples/orders/orders.csv'), 'utf8').trim().split('\n');
  const names = header.split(',');
  const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])));
  const DAY = 86_400_000;
  const asOf = Date.UTC(2026, 10, 20);
  const inLast = (days: number, iso: string) => {
    if (iso === '') return false;
    const day = Math.floor(Date.parse(iso) / DAY) * DAY;
    return day >= asOf - (days - 1) * DAY && day <= asOf;
  };
  const mfn = rows.filter((r) => ['mfn', 'merchant', 'seller'].includes(r['fulfillment-channel'].trim().toLowerCase()));
  const shipped = mfn.filter((r) => r['ship-date'] !== '');
  const rate = (pool: typeof rows, hit: (r: (typeof rows)[number]) => boolean, days: number, ok: (v: number) => boolean) => {
    const numerator = pool.filter(hit).length;
    return { numerator, denominator: pool.length, days, status: ok(numerator / pool.length) ? 'pass' : 'fail' };
  };
  const late = (r: (typeof rows)[number]) => Date.parse(r['ship-date']) > Date.parse(r['expected-ship-date']);
  return {
    'order-defect-rate': rate(mfn.filter((r) => inLast(60, r['purchase-date'])), (r) => [r['negative-feedback'], r['az-claim'], r.chargeback].includes('true'), 60, (v) => v < 0.01),
    'pre-fulfillment-cancel-rate': rate(mfn.filter((r) => inLast(7, r['purchase-date'])), (r) => r['cancelled-by'].toLowerCase() === 'seller', 7, (v) => v < 0.025),
    'late-shipment-rate-10d': rate(shipped.filter((r) => inLast(10, r['expected-ship-date'])), late, 10, (v) => v < 0.04),
    'late-shipment-rate-30d': rate(shipped.filter((r) => inLast(30, r['expected-ship-date'])), late, 30, (v) => v < 0.04),
    'valid-tracking-rate': rate(shipped.filter((r) => inLast(30, r['ship-date'])), (r) => r['tracking-id'] !== '' && r['tracking-valid'] !== 'false', 30, (v) => v > 0.95),
  };
}

describe('sellguard check on an order report (metrics)', () => {
  it('prints every metric with its parts, window and group, and the metric rules that fail', () => {
    const r = sellguard(['check', 'policies/account-health-orders.policy', 'examples/orders/orders.csv', '--as-of', '2026-11-20', '--format', 'json'], { cwd: root });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc.metrics)).toEqual(['order-defect-rate', 'pre-fulfillment-cancel-rate', 'late-shipment-rate-10d', 'late-shipment-rate-30d', 'valid-tracking-rate']);
    const want = ordersOracle();
    for (const [name, w] of Object.entries(want)) {
      const m = doc.metrics[name];
      expect({ name, numerator: m.numerator, denominator: m.denominator, status: m.status }).toEqual({ name, numerator: w.numerator, denominator: w.denominator, status: w.status });
      expect(m.value).toBeCloseTo(w.numerator / w.denominator, 12);
      expect(m.window.days).toBe(w.days);
    }
    expect(doc.metrics['order-defect-rate'].window).toEqual({ days: 60, by: 'purchaseDate', from: '2026-09-22', to: '2026-11-20' });
    const failing = Object.entries(want).filter(([, w]) => w.status === 'fail').map(([n]) => `account-health-orders/${n}`);
    expect(failing.length).toBeGreaterThan(0);
    expect(doc.datasetViolations.map((v: { rule: string }) => v.rule)).toEqual(failing);
    expect(doc.summary.violations).toBe(failing.length);
  });

  it('shows the metrics against their targets in the text report', () => {
    const r = sellguard(['check', 'policies/account-health-orders.policy', 'examples/orders/orders.csv', '--as-of', '2026-11-20'], { cwd: root });
    expect(r.stdout).toMatch(/^Metrics$/m);
    const odr = ordersOracle()['order-defect-rate'];
    const percent = `${Math.round((odr.numerator / odr.denominator) * 10000) / 100}%`;
    expect(r.stdout).toMatch(new RegExp(`order-defect-rate\\s+${percent.replace('.', '\\.')}\\s+target < 1%`));
    expect(r.stdout).toContain('60 days by purchaseDate, 2026-09-22 to 2026-11-20');
  });

  it('refuses an impossible --as-of date instead of rolling it over', () => {
    for (const day of ['2026-13-01', '2026-02-30', '20261120']) {
      const r = sellguard(['check', 'policies/account-health-orders.policy', 'examples/orders/orders.csv', '--as-of', day], { cwd: root });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('expected a date such as 2026-11-20');
    }
  });

  it('reads the Amazon flat file headers too', () => {
    const r = sellguard(['check', 'policies/account-health-orders.policy', 'examples/orders/amazon-all-orders.txt', '--as-of', '2026-11-20', '--format', 'json'], { cwd: root });
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.invalid).toBe(0);
    expect(doc.summary.records).toBeGreaterThan(0);
  });
});
