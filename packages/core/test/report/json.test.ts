/** The JSON report: the documented shape, keys in a fixed order, 2-space indents. */
import { describe, expect, it } from 'vitest';
import { checkRecordsSync } from '../../src/check/run.js';
import { evalContext } from '../../src/runtime/context.js';
import { jsonChunks, renderJson, renderText, reportJson, textChunks } from '../../src/report/index.js';
import type { Report } from '../../src/types.js';
import { fakePolicy } from './fake-policy.js';

describe('renderJson', () => {
  it('writes the documented document, key for key', () => {
    const report = checkRecordsSync(fakePolicy({ version: undefined }), [
      { index: 0, line: 1, file: 'm.jsonl', raw: { body: 'fine' } },
      { index: 1, line: 2, file: 'm.jsonl', raw: { body: 'ask a@b.co' } },
      { index: 2, line: 4, file: 'm.jsonl', raw: { body: 7 } },
    ], evalContext());
    const expected = `{
  "policy": {
    "id": "shop",
    "title": "Shop rules",
    "source": "Seller Central",
    "version": null
  },
  "summary": {
    "records": 3,
    "checked": 2,
    "invalid": 1,
    "withViolations": 1,
    "violations": 1,
    "bySeverity": {
      "error": 1,
      "warning": 0,
      "info": 0
    },
    "byRule": {
      "shop/email": 1,
      "shop/caps": 0,
      "shop/note": 0,
      "shop/unused": 0
    }
  },
  "results": [
    {
      "index": 1,
      "line": 2,
      "file": "m.jsonl",
      "violations": [
        {
          "rule": "shop/email",
          "severity": "error",
          "message": "Remove the email address a@b.co",
          "path": "body",
          "spans": [
            {
              "path": "body",
              "start": 4,
              "end": 10,
              "text": "a@b.co"
            }
          ],
          "hint": "Buyers reach you through Amazon messaging.",
          "fix": {
            "kind": "remove",
            "description": "remove \\"a@b.co\\"",
            "edits": [
              {
                "path": "body",
                "start": 4,
                "end": 10,
                "text": ""
              }
            ]
          }
        }
      ]
    },
    {
      "index": 2,
      "line": 4,
      "file": "m.jsonl",
      "violations": [],
      "invalid": [
        {
          "path": "body",
          "message": "expected text, got number"
        }
      ]
    }
  ]
}
`;
    expect(renderJson(report)).toBe(expected);
  });

  it('puts keys in the same order whatever order the report objects have', () => {
    const scrambled = {
      results: [{ violations: [{ spans: [{ text: 'x', end: 1, start: 0, path: 'b' }], path: 'b', message: 'm', severity: 'info', rule: 'p/r' }], index: 0 }],
      summary: { byRule: { 'p/r': 1 }, bySeverity: { info: 1, warning: 0, error: 0 }, violations: 1, withViolations: 1, invalid: 0, checked: 1, records: 1 },
      policy: { title: 'T', id: 'p' },
    } as unknown as Report;
    const doc = JSON.parse(renderJson(scrambled));
    expect(Object.keys(doc)).toEqual(['policy', 'summary', 'results']);
    expect(Object.keys(doc.policy)).toEqual(['id', 'title', 'source', 'version']);
    expect(Object.keys(doc.summary)).toEqual(['records', 'checked', 'invalid', 'withViolations', 'violations', 'bySeverity', 'byRule']);
    expect(Object.keys(doc.summary.bySeverity)).toEqual(['error', 'warning', 'info']);
    expect(Object.keys(doc.results[0])).toEqual(['index', 'violations']);
    expect(Object.keys(doc.results[0].violations[0])).toEqual(['rule', 'severity', 'message', 'path', 'spans']);
    expect(Object.keys(doc.results[0].violations[0].spans[0])).toEqual(['path', 'start', 'end', 'text']);
  });

  it('can be written in pieces that make the same text', () => {
    const policy = fakePolicy();
    const many = checkRecordsSync(
      policy,
      Array.from({ length: 25 }, (_, i) => ({ index: i, line: i + 1, raw: i % 3 === 0 ? { body: `x${i}@y.co REFUND` } : i % 3 === 1 ? { body: 'ok' } : { body: i } })), evalContext(),
    );
    const empty = checkRecordsSync(policy, [{ index: 0, raw: { body: 'ok' } }], evalContext());
    const withMetrics: Report = { ...empty, metrics: { defectRate: { title: 'Defect rate', kind: 'rate', value: 0.5, numerator: 1, denominator: 2, display: '50%', target: '< 1%', status: 'fail' } } };
    for (const report of [many, empty, withMetrics]) {
      const chunks = [...jsonChunks(report)];
      expect(chunks.join('')).toBe(`${JSON.stringify(reportJson(report), null, 2)}\n`);
      expect(renderJson(report)).toBe(chunks.join(''));
      expect([...textChunks(report, { maxRecords: 3 })].join('')).toBe(renderText(report, { maxRecords: 3 }));
    }
    // One piece per result, so a long report is never one string.
    expect([...jsonChunks(many)].length).toBeGreaterThan(many.results.length);
  });
});
