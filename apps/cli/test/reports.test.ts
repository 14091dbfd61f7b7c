/**
 * Report formats through the built binary: SARIF checked by the official
 * SARIF 2.1.0 schema, JSON by the published schema in docs/, JUnit read by
 * an XML parser, GitHub annotations, Markdown and HTML.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, MESSAGES_JSONL, MESSAGES_POLICY, OFFERS_POLICY, project, root, sellguard } from './helpers.js';

const require = createRequire(import.meta.url);
const sarifSchema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
const reportSchema = JSON.parse(readFileSync(join(root, 'docs/report.schema.json'), 'utf8'));

function sarifValidator() {
  // The official schema is draft-04, and one of its patterns is not valid with the u flag.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(sarifSchema);
}

function reportValidator() {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  return ajv.compile(reportSchema);
}

let dir: string;
const BODY = 'Write to jo@example.com for help.';

beforeAll(() => {
  buildCli();
  dir = project({ 'msg.policy': MESSAGES_POLICY, 'offers.policy': OFFERS_POLICY, 'messages.jsonl': MESSAGES_JSONL, 'offers.csv': 'sku,price\nA1,10\nB2,0\n' });
}, 180_000);

describe('several reports from one run', () => {
  it('writes SARIF to a file and text to the screen; the SARIF is valid by the official schema', () => {
    const r = sellguard(dir, ['check', 'msg.policy', 'messages.jsonl', '--format', 'sarif=out.sarif', '--format', 'text']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Policy msg: Messages/);
    expect(r.stderr).toContain('wrote the sarif report to out.sarif');
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    const validate = sarifValidator();
    expect(validate.errors ?? null, JSON.stringify(validate.errors)).toBe(null);
    expect(validate(sarif), JSON.stringify(validate.errors, null, 1)).toBe(true);

    const run = sarif.runs[0];
    const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === 'msg/email-address');
    expect(rule.help.text).toContain('Buyers reach you through Amazon messaging.');
    expect(rule.defaultConfiguration.level).toBe('error');
    const email = run.results.find((x: { ruleId: string }) => x.ruleId === 'msg/email-address');
    expect(email.level).toBe('error');
    const loc = email.locations[0];
    expect(loc.physicalLocation.artifactLocation.uri).toBe('messages.jsonl');
    expect(loc.physicalLocation.region.startLine).toBe(2);
    expect(loc.logicalLocations[0].fullyQualifiedName).toBe('body');
    expect(loc.properties).toEqual({ field: 'body', start: BODY.indexOf('jo@'), end: BODY.indexOf(' for') });
    const unreadable = run.results.find((x: { ruleId: string }) => x.ruleId === 'sellguard/invalid-record');
    expect(unreadable.locations[0].physicalLocation.region.startLine).toBe(4);
    expect(run.results.find((x: { ruleId: string }) => x.ruleId === 'msg/shouting').level).toBe('warning');
  });

  it('the SARIF validator rejects a log that breaks the schema (so the check above means something)', () => {
    const validate = sarifValidator();
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });

  it('two reports cannot both go to the screen; the message names the help', () => {
    const r = sellguard(dir, ['check', 'msg.policy', 'messages.jsonl', '--format', 'json', '--format', 'text']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('json and text cannot both go to the screen');
    expect(r.stderr).toContain('sellguard check --help');
  });

  it('--output takes the report that has no file of its own', () => {
    const r = sellguard(dir, ['check', 'msg.policy', 'messages.jsonl', '--format', 'markdown', '--format', 'junit=out.xml', '--output', 'summary.md']);
    expect(r.stdout).toBe('');
    const md = readFileSync(join(dir, 'summary.md'), 'utf8');
    // 4 records: 3 read, 1 not; email + shouting: 1 error, 1 warning.
    expect(md).toContain('| 4 | 3 | 1 | 2 | 1 | 1 | 0 | 0 | 0 |');
    expect(md).toMatch(/^## ❌ Sellguard: Messages \(`msg`\)$/m);
    expect(XMLValidator.validate(readFileSync(join(dir, 'out.xml'), 'utf8'))).toBe(true);
  });
});

describe('JSON report', () => {
  it('is valid by docs/report.schema.json, for one policy', () => {
    const r = sellguard(dir, ['check', 'msg.policy', 'messages.jsonl', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    const validate = reportValidator();
    expect(validate(doc), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(doc.results.map((x: { line: number }) => x.line)).toEqual([2, 3, 4]);
  });

  it('is valid for several policies, one report each', () => {
    const r = sellguard(dir, ['check', '--policy', 'msg.policy', '--policy', 'offers.policy', 'messages.jsonl', 'offers.csv', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    const validate = reportValidator();
    expect(validate(doc), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(doc.reports.map((x: { policy: { id: string }; summary: { records: number } }) => [x.policy.id, x.summary.records])).toEqual([
      ['msg', 4],
      ['offers', 2],
    ]);
  });

  it('says what is wrong with a broken policy as JSON on stdout too, exit 2', () => {
    const broken = project({ 'bad.policy': 'policy x "X"\nrecord M { a: string }\nrule r error "m" { forbid b == "1" }\n', 'in.jsonl': '{"a":"1"}\n' });
    const r = sellguard(broken, ['check', 'bad.policy', 'in.jsonl', '--format', 'json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    const validate = reportValidator();
    expect(validate(doc), JSON.stringify(validate.errors, null, 1)).toBe(true);
    // `b` is on line 3; the line is `rule r error "m" { forbid b == "1" }`, so column = its index + 1.
    const line = 'rule r error "m" { forbid b == "1" }';
    expect(doc.policyErrors).toEqual([
      { file: 'bad.policy', line: 3, column: line.indexOf('b ==') + 1, code: 'SG2001', severity: 'error', message: 'there is no field or constant called `b`', help: 'did you mean `a`?' },
    ]);
    expect(r.stderr).toContain('= docs: https://github.com/sellguard/sellguard/blob/main/docs/diagnostics.md#sg2001');
  });
});

describe('JUnit, GitHub, Markdown, HTML', () => {
  it('JUnit: one test case per record and rule, unreadable records as errors', () => {
    const r = sellguard(dir, ['check', 'msg.policy', 'messages.jsonl', '--format', 'junit']);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(r.stdout);
    const suite = xml.testsuites.testsuite;
    expect(suite.name).toBe('msg: Messages');
    expect([suite.tests, suite.failures, suite.errors, suite.skipped]).toEqual(['3', '2', '1', '0']);
    const names = suite.testcase.map((c: { name: string }) => c.name);
    expect(names).toEqual([
      'record 2 (line 2, messages.jsonl): msg/email-address',
      'record 3 (line 3, messages.jsonl): msg/shouting',
      'record 4 (line 4, messages.jsonl): could not be read',
    ]);
    expect(suite.testcase[0].failure.message).toBe('Remove the email address jo@example.com');
  });

  it('GitHub: one workflow command per violation, escaped as the runner expects', () => {
    const r = sellguard(dir, ['check', 'msg.policy', 'messages.jsonl', '--format', 'github']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('::error file=messages.jsonl,line=2,title=msg/email-address::Remove the email address jo@example.com (at body)%0ABuyers reach you through Amazon messaging.');
    expect(lines[1]).toBe('::warning file=messages.jsonl,line=3,title=msg/shouting::Do not shout (at body)');
    expect(lines[2]).toMatch(/^::error file=messages\.jsonl,line=4,title=record could not be read::/);
  });

  it('HTML: self-contained, with the offending characters marked', () => {
    const r = sellguard(dir, ['check', 'msg.policy', 'messages.jsonl', '--format', 'html']);
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(r.stdout).toContain('<mark>jo@example.com</mark>');
    expect(r.stdout).not.toMatch(/(src|href)=["']?https?:/);
    expect(r.stdout).not.toContain('<script');
  });

  it('--quiet reports errors only', () => {
    const r = sellguard(dir, ['check', 'msg.policy', 'messages.jsonl', '--quiet']);
    expect(r.stdout).toContain('msg/email-address  Remove the email address');
    expect(r.stdout).not.toContain('Do not shout');
    expect(r.stderr).toBe('');
  });
});

describe('sellguard test --format', () => {
  const policies = () => project({ 'ok.policy': MESSAGES_POLICY, 'failing.policy': MESSAGES_POLICY.replace('policy msg', 'policy other').replace('expect email-address', 'expect shouting') });

  it('json: every example with its outcome', () => {
    const p = policies();
    const r = sellguard(p, ['test', '.', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect([doc.passed, doc.failed]).toEqual([1, 1]);
    const failing = doc.policies.find((x: { id: string }) => x.id === 'other');
    expect(failing.examples[0]).toMatchObject({ name: 'has email', passed: false, fired: ['email-address'], line: MESSAGES_POLICY.split('\n').findIndex((l) => l.startsWith('example')) + 1 });
  });

  it('junit: one test case per example', () => {
    const p = policies();
    const r = sellguard(p, ['test', '.', '--format', 'junit', '--output', 'tests.xml']);
    expect(r.code).toBe(1);
    const text = readFileSync(join(p, 'tests.xml'), 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text);
    const suites = [xml.testsuites.testsuite].flat();
    expect(suites.map((s: { name: string; tests: string; failures: string }) => [s.name, s.tests, s.failures]).sort()).toEqual([
      ['msg', '1', '0'],
      ['other', '1', '1'],
    ]);
  });
});
