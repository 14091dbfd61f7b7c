/**
 * JUnit XML, which CI systems (GitLab, Jenkins, Azure DevOps, CircleCI)
 * show as test results. One test suite per policy; one test case per record
 * and rule that fired (a failure), per unreadable record (an error), and one
 * passing case per rule that found nothing. The suite's counts come first in
 * the XML, so test cases are spooled and only counters stay in memory.
 * Browser-safe.
 */
import { memorySpool, recordLabel, type ProjectResult, type ReportWriter, type RunEnd, type RunMeta, type SpoolFactory } from './writer.js';

/** Text and attribute values with the five XML special characters escaped, and characters XML 1.0 forbids dropped. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function junitWriter(opts: { spool?: SpoolFactory } = {}): ReportWriter {
  const newSpool = opts.spool ?? memorySpool;
  let meta: RunMeta | undefined;
  let spool = newSpool();
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  const attr = (s: string) => xmlEscape(s);
  /** The test cases of one record, and how many of each kind. */
  const cases = (r: ProjectResult) => {
    const where = recordLabel(r);
    const classname = attr(`${meta!.policy.id}.${r.file ?? 'input'}`);
    const c = { text: '', tests: 0, failures: 0, errors: 0, skipped: 0 };
    if (r.invalid && r.invalid.length > 0) {
      c.tests++;
      c.errors++;
      const text = r.invalid.map((p) => `${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n');
      c.text += `    <testcase name="${attr(`${where}: could not be read`)}" classname="${classname}">\n      <error message="${attr(text.split('\n')[0])}" type="invalid-record">${xmlEscape(text)}</error>\n    </testcase>\n`;
    }
    const byRule = new Map<string, typeof r.violations>();
    for (const v of r.violations) byRule.set(v.rule, [...(byRule.get(v.rule) ?? []), v]);
    for (const [rule, vs] of byRule) {
      c.tests++;
      c.failures++;
      const body = vs.map((v) => `${v.severity}: ${v.message}${v.path ? ` (at ${v.path})` : ''}${v.hint ? `\nhint: ${v.hint}` : ''}`).join('\n');
      c.text += `    <testcase name="${attr(`${where}: ${rule}`)}" classname="${classname}">\n      <failure message="${attr(vs[0].message)}" type="${attr(vs[0].severity)}">${xmlEscape(body)}</failure>\n    </testcase>\n`;
    }
    for (const v of r.suppressed ?? []) {
      c.tests++;
      c.skipped++;
      c.text += `    <testcase name="${attr(`${where}: ${v.rule}`)}" classname="${classname}">\n      <skipped message="${attr(`${v.suppression.kind === 'baseline' ? 'in the baseline' : 'suppressed'}: ${v.suppression.reason}`)}"/>\n    </testcase>\n`;
    }
    return c;
  };
  return {
    *begin() {
      yield '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="sellguard">\n';
    },
    *beginRun(m) {
      meta = m;
      spool = newSpool();
      tests = failures = errors = skipped = 0;
    },
    *result(r: ProjectResult) {
      const c = cases(r);
      spool.write(c.text);
      tests += c.tests;
      failures += c.failures;
      errors += c.errors;
      skipped += c.skipped;
    },
    pieces: {
      render(results) {
        let text = '';
        const counts = [0, 0, 0, 0];
        let n = 0;
        for (const { result } of results) {
          const c = cases(result);
          n++;
          text += c.text;
          counts[0] += c.tests;
          counts[1] += c.failures;
          counts[2] += c.errors;
          counts[3] += c.skipped;
        }
        return { text, results: n, counts };
      },
      *add(piece) {
        spool.write(piece.text);
        const [t = 0, f = 0, e = 0, s = 0] = piece.counts ?? [];
        tests += t;
        failures += f;
        errors += e;
        skipped += s;
      },
    },
    *endRun(end: RunEnd) {
      for (const v of end.datasetViolations ?? []) {
        tests++;
        failures++;
        spool.write(`    <testcase name="${attr(`metrics: ${v.rule}`)}" classname="${attr(`${meta!.policy.id}.metrics`)}">\n      <failure message="${attr(v.message)}" type="${attr(v.severity)}">${xmlEscape(v.message)}</failure>\n    </testcase>\n`);
      }
      for (const [rule, n] of Object.entries(end.summary.byRule)) {
        if (n > 0) continue;
        tests++;
        spool.write(`    <testcase name="${attr(`${rule}: no violations in ${end.summary.checked} records`)}" classname="${attr(`${meta!.policy.id}.rules`)}"/>\n`);
      }
      yield `  <testsuite name="${attr(`${meta!.policy.id}: ${meta!.policy.title}`)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}">\n`;
      yield* spool.drain();
      yield '  </testsuite>\n';
    },
    *end() {
      yield '</testsuites>\n';
    },
  };
}
