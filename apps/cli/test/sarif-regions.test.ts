/**
 * SARIF regions of flagged text: a span found in a field's decoded value is
 * located in the input file's own characters — behind JSON escapes on a
 * JSONL line, inside quoted CSV cells with doubled quotes and line breaks,
 * in a column named by an alias. The test cuts the region out of the raw
 * file by its lines and columns and compares it with the flagged text; the
 * SARIF is checked by the official 2.1.0 schema.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, project, sellguard } from './helpers.js';

const require = createRequire(import.meta.url);
const sarifSchema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));

interface Region {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
  snippet?: { text: string };
}
interface Sarif {
  runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Region } }> }> }>;
}

/** The characters of `file` between (startLine, startColumn) and (endLine, endColumn), 1-based, end exclusive. */
function cut(file: string, r: Region): string {
  const lines = readFileSync(file, 'utf8').split('\n').map((l) => `${l}\n`);
  if (r.startLine === r.endLine) return lines[r.startLine - 1].slice(r.startColumn! - 1, r.endColumn! - 1);
  return [lines[r.startLine - 1].slice(r.startColumn! - 1), ...lines.slice(r.startLine, r.endLine! - 1), lines[r.endLine! - 1].slice(0, r.endColumn! - 1)].join('');
}

/** A project from `sellguard init` (its policy flags email addresses in a message's body) with these data files. */
function shop(files: Record<string, string>): string {
  const dir = project(files);
  expect(sellguard(dir, ['init']).code).toBe(0);
  return dir;
}

function sarifOf(dir: string, input: string): Sarif {
  const r = sellguard(dir, ['check', 'policies/messages.policy', input, '--format', 'sarif=out.sarif', '--fail-on', 'never']);
  expect(r.code, r.stderr).toBe(0);
  const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(sarifSchema);
  expect(validate(sarif), JSON.stringify(validate.errors, null, 1)).toBe(true);
  return sarif as Sarif;
}

/** Each email-address result's region, and the text it cuts out of the raw file. */
function emailRegions(dir: string, input: string): Array<{ region: Region; raw: string }> {
  const sarif = sarifOf(dir, input);
  return sarif.runs[0].results
    .filter((r) => r.ruleId === 'messages/email-address')
    .flatMap((r) => r.locations.map((l) => l.physicalLocation.region))
    .map((region) => ({ region, raw: cut(join(dir, input), region) }));
}

beforeAll(() => buildCli());

describe('SARIF regions point at the flagged characters in the input file', () => {
  it('on JSONL lines with escapes before the flagged text', () => {
    const lines = [
      JSON.stringify({ orderId: '113-0000000-0000001', body: 'Thanks!' }),
      // \u00e9, \" and \n are six, two and two characters in the file, one each in the value.
      '{"orderId": "113-0000000-0000002",  "body": "Caf\\u00e9 \\"Sol\\"\\nWrite to sol@example.com today"}',
      '{"body":"\\t\\u00e9\\u00e9 mail ana@example.org or bo@example.net","orderId":"113-0000000-0000003"}',
    ];
    const dir = shop({ 'msgs.jsonl': `${lines.join('\n')}\n` });
    const found = emailRegions(dir, 'msgs.jsonl');
    expect(found.map((f) => f.raw)).toEqual(['sol@example.com', 'ana@example.org', 'bo@example.net']);
    expect(found.map((f) => f.region.startLine)).toEqual([2, 3, 3]);
    // Counted by hand: the first address starts after `{"orderId": "113-0000000-0000002",  "body": "Caf\u00e9 \"Sol\"\nWrite to `.
    expect(found[0].region.startColumn).toBe('{"orderId": "113-0000000-0000002",  "body": "Caf\\u00e9 \\"Sol\\"\\nWrite to '.length + 1);
    expect(found.every((f) => f.region.snippet?.text === f.raw)).toBe(true);
  });

  it('on CSV rows with quoted cells, doubled quotes, a line break inside a cell, and an aliased column', () => {
    const csv = [
      'order-id,message',
      '113-0000000-0000001,"He said ""hi"", then: mail me at x@example.com"',
      '113-0000000-0000002,"Line one',
      'and two, with ""quotes"" and y@example.org"',
      '113-0000000-0000003,plain cell z@example.net',
      '',
    ].join('\n');
    const dir = shop({ 'msgs.csv': csv });
    const found = emailRegions(dir, 'msgs.csv');
    expect(found.map((f) => f.raw)).toEqual(['x@example.com', 'y@example.org', 'z@example.net']);
    expect(found.map((f) => [f.region.startLine, f.region.endLine])).toEqual([
      [2, 2],
      [4, 4],
      [5, 5],
    ]);
  });

  it('keeps the line of the record when the input is standard input', () => {
    const dir = shop({});
    const r = sellguard(dir, ['check', 'policies/messages.policy', '-', '--input-format', 'jsonl', '--format', 'sarif', '--fail-on', 'never'], {
      input: `${JSON.stringify({ orderId: '113-0000000-0000001', body: 'write to a@example.com' })}\n`,
    });
    const region = (JSON.parse(r.stdout) as Sarif).runs[0].results.find((x) => x.ruleId === 'messages/email-address')!.locations[0].physicalLocation.region;
    expect(region.startLine).toBe(1);
    expect(region.startColumn).toBeUndefined();
  });
});
