/**
 * `sellguard check --jobs N`: the built binary, run as a user runs it, gives
 * the very same reports on one thread and on several (results in input order,
 * the same summary, the same metrics). Speed is measured by `npm run bench`,
 * never here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, buildCli, root } from './helpers.js';

const POLICY = `policy demo "Demo" source "tests"
record Message { orderId: string  body: text }
rule email-address error "Remove the email address {matched}" {
  forbid emails(body)
  hint "Buyers reach you through Amazon messaging."
}
rule shouting warning "Do not shout" { forbid body matches "[A-Z]{6,}" }
`;

const RECORDS = 6000;

/**
 * 6,000 records (about 400 KB, so --jobs cuts the file into several pieces): every 7th has an address, every
 * 11th shouts, every 97th is not JSON, and a blank line follows every 500th (blank lines are not records, but
 * they count as lines). `badLines`: the lines of the records that are not JSON.
 */
function messages(): { text: string; badLines: number[] } {
  const lines: string[] = [];
  const badLines: number[] = [];
  for (let i = 0; i < RECORDS; i++) {
    if (i % 97 === 50) {
      lines.push(`not json ${i}`);
      badLines.push(lines.length);
    } else {
      const body = `${i % 7 === 0 ? `write to buyer${i}@example.com ` : ''}${i % 11 === 0 ? 'PLEASE RESPOND ' : ''}message ${i} about the order`;
      lines.push(JSON.stringify({ orderId: `113-${i}`, body }));
    }
    if (i % 500 === 499) lines.push('');
  }
  return { text: `${lines.join('\n')}\n`, badLines };
}

/**
 * The messages above, where every third record with an address suppresses that rule with a reason, and records
 * 1, 1,001, 2,001, … suppress a rule that does not fire on them (each gives a notice); lines stay where they were.
 */
function suppressedMessages(): string {
  return messages()
    .text.split('\n')
    .map((line) => {
      if (!line.startsWith('{')) return line;
      const record = JSON.parse(line) as { orderId: string; body: string };
      const i = Number(record.orderId.slice(4));
      if (i % 7 === 0 && i % 3 === 0) return JSON.stringify({ ...record, 'sellguard-ignore': 'email-address -- the buyer asked for our address' });
      if (i % 1000 === 1 && i % 7 !== 0) return JSON.stringify({ ...record, 'sellguard-ignore': 'email-address -- kept from an old template' });
      return line;
    })
    .join('\n');
}

const CSV_ROWS = 3000;
const UNCLOSED_ROW = 2900;

/**
 * An order-notes CSV as a spreadsheet saves it: a byte-order mark, CRLF line ends, notes in quotes that hold line
 * breaks, doubled quotes and commas (every 13th row, with an address); every 101st row has a value too many; row
 * 2,900 opens a quote it never closes. `badLines`: the lines of the rows with a value too many; `unclosedLine`: the
 * line of the unclosed quote.
 */
function notesCsv(): { text: string; badLines: number[]; unclosedLine: number } {
  const rows = ['orderId,note'];
  let line = 2;
  const badLines: number[] = [];
  let unclosedLine = 0;
  for (let i = 0; i < CSV_ROWS; i++) {
    let row: string;
    if (i === UNCLOSED_ROW) {
      row = `114-${i},"this note is never closed`;
      unclosedLine = line;
    } else if (i % 101 === 7) {
      row = `114-${i},a note,an extra value`;
      badLines.push(line);
    } else if (i % 13 === 0) row = `114-${i},"first line, with a comma\r\nthe buyer said ""write to me"" at buyer${i}@example.com\r\nlast line"`;
    else row = `114-${i},plain note number ${i} for the packer`;
    rows.push(row);
    line += row.split('\r\n').length;
  }
  return { text: `\ufeff${rows.join('\r\n')}\r\n`, badLines, unclosedLine };
}

const NOTES_POLICY = `policy notes "Order notes" source "tests"
record Order { orderId: string  note: text }
rule email-address error "Remove the email address {matched}" { forbid emails(note) }
`;

let dir: string;
beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'sellguard-jobs-'));
  writeFileSync(join(dir, 'demo.policy'), POLICY);
  writeFileSync(join(dir, 'messages.jsonl'), messages().text);
  writeFileSync(join(dir, 'suppressed.jsonl'), suppressedMessages());
  writeFileSync(join(dir, 'demo.config.json'), JSON.stringify({ rules: { 'demo/shouting': { severity: 'warning', reason: 'shouting is only rude' } } }));
  writeFileSync(join(dir, 'notes.policy'), NOTES_POLICY);
  writeFileSync(join(dir, 'notes.csv'), notesCsv().text);
  // The example order report five times over (header once): big enough to be cut into pieces.
  const [header, ...rows] = readFileSync(join(root, 'examples/orders/orders.csv'), 'utf8').trimEnd().split('\n');
  writeFileSync(join(dir, 'orders.csv'), `${[header, ...Array.from({ length: 5 }, () => rows).flat()].join('\n')}\n`);
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function check(args: string[]) {
  // SARIF and HTML reports of 6,000 records are over spawnSync's default 1 MB of output.
  const r = spawnSync(process.execPath, [bin, 'check', ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('sellguard check --jobs', () => {
  it('gives the same JSON report on one thread and on two, in input order', () => {
    const one = check(['demo.policy', 'messages.jsonl', '--format', 'json', '--jobs', '1']);
    const two = check(['demo.policy', 'messages.jsonl', '--format', 'json', '--jobs', '2']);
    expect(two.stderr).toBe(one.stderr);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    const doc = JSON.parse(two.stdout);
    // Counted independently from the generator above.
    const all = Array.from({ length: RECORDS }, (_, i) => i);
    const bad = all.filter((i) => i % 97 === 50);
    const emails = all.filter((i) => i % 7 === 0 && i % 97 !== 50);
    expect(doc.summary.records).toBe(RECORDS);
    expect(doc.summary.invalid).toBe(bad.length);
    expect(doc.summary.byRule['demo/email-address']).toBe(emails.length);
    const invalid = doc.results.filter((r: { invalid?: unknown }) => r.invalid);
    expect(invalid.map((r: { index: number }) => r.index)).toEqual(bad);
    expect(invalid.map((r: { line: number }) => r.line)).toEqual(messages().badLines);
    const indexes = doc.results.map((r: { index: number }) => r.index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
  });

  it('gives the same reports of a CSV with quoted line breaks and a quote left open on one, two and three threads', () => {
    const { badLines, unclosedLine } = notesCsv();
    // Every format on three threads, JSON on two as well (each run is a process start; keep them few).
    for (const format of ['json', 'sarif', 'text', 'junit', 'github', 'markdown', 'html']) {
      const one = check(['notes.policy', 'notes.csv', '--format', format, '--jobs', '1']);
      for (const jobs of format === 'json' ? ['2', '3'] : ['3']) {
        const more = check(['notes.policy', 'notes.csv', '--format', format, '--jobs', jobs]);
        expect(more.stdout, `${format} on ${jobs} threads`).toBe(one.stdout);
        expect(more.stderr).toBe(one.stderr);
        expect(more.code).toBe(one.code);
      }
    }
    const doc = JSON.parse(check(['notes.policy', 'notes.csv', '--format', 'json', '--jobs', '2']).stdout);
    const invalid: Array<{ line: number; invalid: Array<{ message: string }> }> = doc.results.filter((r: { invalid?: unknown }) => r.invalid);
    // Rows with a value too many, before the unclosed quote, at the lines the generator wrote them.
    expect(invalid.filter((r) => r.line < unclosedLine).map((r) => r.line)).toEqual(badLines.filter((l) => l < unclosedLine));
    expect(invalid.find((r) => r.line === unclosedLine)?.invalid[0].message).toContain('is not closed');
    // Addresses inside quoted, multi-line notes before the unclosed quote: every 13th row.
    const found = doc.results.filter((r: { violations: unknown[]; line: number }) => r.violations.length > 0 && r.line < unclosedLine);
    expect(found.length).toBe(Array.from({ length: UNCLOSED_ROW }, (_, i) => i).filter((i) => i % 13 === 0 && i % 101 !== 7).length);
  }, 120_000);

  it('gives the same report in every format on one, two and three threads, bad records and suppressions included', () => {
    // Every format, with records that name suppressions of their own (with a reason, without one, of a rule that did
    // not fire) and a config that turns one rule down: the threads apply them and render the reports themselves.
    for (const format of ['json', 'text', 'sarif', 'junit', 'github', 'markdown', 'html']) {
      const args = ['demo.policy', 'suppressed.jsonl', '--config', 'demo.config.json', '--format', format, '--fail-on', 'never'];
      const one = check([...args, '--jobs', '1']);
      expect(one.code, `${format}: ${one.stderr}`).toBe(0);
      for (const jobs of format === 'json' ? ['2', '3'] : ['3']) {
        const more = check([...args, '--jobs', jobs]);
        expect(more.stdout, `${format} on ${jobs} threads`).toBe(one.stdout);
        expect(more.stderr, `${format} on ${jobs} threads`).toBe(one.stderr);
      }
    }
    // Counted independently from the generator: every record is counted once, suppressed violations aside.
    const doc = JSON.parse(check(['demo.policy', 'suppressed.jsonl', '--config', 'demo.config.json', '--format', 'json', '--fail-on', 'never', '--jobs', '2']).stdout);
    const all = Array.from({ length: RECORDS }, (_, i) => i);
    const bad = all.filter((i) => i % 97 === 50);
    const emails = all.filter((i) => i % 7 === 0 && i % 97 !== 50);
    const ignored = emails.filter((i) => i % 3 === 0);
    expect(doc.summary.records).toBe(RECORDS);
    expect(doc.summary.invalid).toBe(bad.length);
    expect(doc.summary.byRule['demo/email-address']).toBe(emails.length - ignored.length);
    expect(doc.suppressions.suppressed).toBe(ignored.length);
    // Records 1, 1,001, … name a rule that did not fire on them: one notice each, in input order.
    const unused = all.filter((i) => i % 1000 === 1 && i % 97 !== 50 && i % 7 !== 0);
    expect(doc.suppressions.notices.map((n: { where: string }) => n.where)).toEqual(unused.map((i) => expect.stringMatching(new RegExp(`^record ${i + 1} \\(line `))));
    // Shouting is turned into a warning by the config: every one of them still reported, none as an error.
    const shouting = all.filter((i) => i % 11 === 0 && i % 97 !== 50).length;
    expect(doc.summary.byRule['demo/shouting']).toBe(shouting);
    expect(doc.summary.bySeverity.warning).toBe(shouting);
  }, 180_000);

  it('keeps --quiet and --max-records the same on several threads', () => {
    for (const extra of [['--quiet', '--format', 'json'], ['--max-records', '7'], ['--quiet', '--format', 'markdown'], ['--quiet', '--format', 'junit']]) {
      const args = ['demo.policy', 'suppressed.jsonl', '--config', 'demo.config.json', '--fail-on', 'never', ...extra];
      const one = check([...args, '--jobs', '1']);
      expect(check([...args, '--jobs', '3']).stdout, extra.join(' ')).toBe(one.stdout);
    }
    const shown = check(['demo.policy', 'suppressed.jsonl', '--max-records', '7', '--jobs', '3', '--fail-on', 'never']).stdout;
    expect(shown.match(/^record \d+/gm)?.length).toBe(7);
  }, 120_000);

  it('gives the same text report, with the text of each violation, on three threads', () => {
    const one = check(['demo.policy', 'messages.jsonl', '--jobs', '1']);
    const three = check(['demo.policy', 'messages.jsonl', '--jobs', '3']);
    expect(three.stdout).toBe(one.stdout);
    expect(three.stdout).toContain('buyer7@example.com');
  });

  it('gives the same metrics of an order report on two and three threads', () => {
    const policy = join(root, 'policies/account-health-orders.policy');
    const args = ['--as-of', '2026-11-20', '--engine', 'js', '--format', 'json', '--fail-on', 'never'];
    const one = check([policy, 'orders.csv', ...args, '--jobs', '1']);
    expect(one.code).toBe(0);
    for (const jobs of ['2', '3']) expect(check([policy, 'orders.csv', ...args, '--jobs', jobs]).stdout).toBe(one.stdout);
    // Five copies of the example: five times its numerators and denominators.
    const single = JSON.parse(check([policy, join(root, 'examples/orders/orders.csv'), ...args]).stdout).metrics;
    const five = JSON.parse(check([policy, 'orders.csv', ...args, '--jobs', '2']).stdout).metrics;
    expect(Object.keys(five)).toContain('order-defect-rate');
    for (const [name, m] of Object.entries<{ numerator?: number; denominator?: number }>(single)) {
      if (m.denominator === undefined) continue;
      expect([five[name].numerator, five[name].denominator], name).toEqual([m.numerator! * 5, m.denominator * 5]);
    }
  }, 60_000);

  it('reads standard input on one thread, with the same report', () => {
    const input = readFileSync(join(dir, 'messages.jsonl'), 'utf8');
    const run = (jobs: string) => spawnSync(process.execPath, [bin, 'check', 'demo.policy', '-', '--format', 'json', '--jobs', jobs], { cwd: dir, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
    const one = run('1');
    const two = run('2');
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout).summary.records).toBe(RECORDS);
  });

  it('refuses a number of threads below 1 in plain words', () => {
    const r = check(['demo.policy', 'messages.jsonl', '--jobs', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected a whole number of at least 1');
  });
});
