/**
 * A Markdown summary for pull-request comments and job summaries
 * (`$GITHUB_STEP_SUMMARY`): the verdict, counts, violations per rule,
 * metrics against their targets, and the first records with problems. Only
 * those first records are kept. Browser-safe.
 */
import type { RecordResult } from '../types.js';
import { recordLabel, severityByRule, type ProjectResult, type ReportWriter, type RunEnd, type RunMeta } from './writer.js';
import { countAtOrAbove } from './summary.js';

/** Table cells and inline text: no pipes, line breaks or stray markup. */
export function mdText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/([|`*_[\]<>#])/g, '\\$1').replace(/\r?\n/g, ' ');
}

export function markdownWriter(opts: { maxRecords?: number } = {}): ReportWriter {
  const limit = opts.maxRecords ?? 50;
  let meta: RunMeta | undefined;
  let kept: RecordResult[] = [];
  let more = 0;
  const listed = (r: ProjectResult) => r.violations.length > 0 || (r.invalid?.length ?? 0) > 0;
  const keep = (r: ProjectResult): RecordResult => ({ index: r.index, ...(r.line !== undefined ? { line: r.line } : {}), ...(r.file !== undefined ? { file: r.file } : {}), violations: r.violations, ...(r.invalid ? { invalid: r.invalid } : {}) });
  return {
    *begin() {},
    *beginRun(m) {
      meta = m;
      kept = [];
      more = 0;
    },
    *result(r: ProjectResult) {
      if (!listed(r)) return;
      if (kept.length < limit) kept.push(keep(r));
      else more++;
    },
    pieces: {
      // Only the first `limit` results of a piece can be among the report's first: the rest are counted.
      render(results) {
        const first: RecordResult[] = [];
        let n = 0;
        for (const { result } of results) {
          if (!listed(result)) continue;
          if (n++ < limit) first.push(keep(result));
        }
        return { text: '', results: n, kept: first };
      },
      *add(piece) {
        const first = piece.kept ?? [];
        for (const r of first) {
          if (kept.length < limit) kept.push(r);
          else more++;
        }
        more += piece.results - first.length;
      },
    },
    *endRun(end: RunEnd) {
      const s = end.summary;
      const m = meta!;
      const failed = end.failOn !== 'never' && (countAtOrAbove(s, end.failOn) > 0 || s.invalid > 0);
      const out = [`## ${failed ? '❌' : '✅'} Sellguard: ${mdText(m.policy.title)} (\`${m.policy.id}\`)`, ''];
      out.push('| records | checked | could not be read | with violations | errors | warnings | info | suppressed | baselined |');
      out.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
      out.push(`| ${s.records} | ${s.checked} | ${s.invalid} | ${s.withViolations} | ${s.bySeverity.error} | ${s.bySeverity.warning} | ${s.bySeverity.info} | ${end.counts.suppressed} | ${end.counts.baselined} |`, '');
      const severities = severityByRule(m.rules);
      const fired = Object.entries(s.byRule).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
      if (fired.length > 0) {
        out.push('| rule | severity | violations |', '| --- | --- | ---: |');
        for (const [rule, n] of fired) {
          const url = m.ruleHelpUri?.(rule);
          out.push(`| ${url ? `[\`${rule}\`](${url})` : `\`${rule}\``} | ${severities.get(rule) ?? ''} | ${n} |`);
        }
        out.push('');
      }
      if (end.metrics) {
        out.push('| metric | value | target | status |', '| --- | ---: | --- | --- |');
        for (const [name, metric] of Object.entries(end.metrics)) out.push(`| ${mdText(metric.title || name)} | ${mdText(metric.display)} | ${mdText(metric.target ?? '')} | ${metric.status ?? ''} |`);
        out.push('');
      }
      if (kept.length > 0) {
        out.push('<details><summary>Records with problems</summary>', '');
        for (const r of kept) {
          for (const p of r.invalid ?? []) out.push(`- **${mdText(recordLabel(r))}**: could not be read: ${mdText(`${p.path ? `${p.path}: ` : ''}${p.message}`)}`);
          for (const v of r.violations) out.push(`- **${mdText(recordLabel(r))}** ${v.severity} \`${v.rule}\`: ${mdText(v.message)}${v.path ? ` (at \`${v.path}\`)` : ''}`);
        }
        if (more > 0) out.push(`- … and ${more} more records with problems (see the full report)`);
        out.push('', '</details>', '');
      }
      for (const n of end.counts.notices) out.push(`> **suppression** ${mdText(n.where)}: ${mdText(n.message)}`, '');
      yield `${out.join('\n')}\n`;
    },
    *end() {},
  };
}
