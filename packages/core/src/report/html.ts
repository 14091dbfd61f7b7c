/**
 * A self-contained HTML report a seller can open and forward: summary,
 * violations per rule, metrics against their targets, and records with the
 * offending characters highlighted. No scripts, fonts or images from the
 * network. The first records with problems are kept (bounded), the rest are
 * counted. Browser-safe.
 */
import type { MetricResult, Violation } from '../types.js';
import { groupSpans, spanContext } from './context.js';
import { getPath } from '../runtime/fixes.js';
import { recordLabel, severityByRule, type ProjectResult, type RecordSource, type ReportWriter, type RunEnd, type RunMeta } from './writer.js';
import { countAtOrAbove } from './summary.js';

export function htmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}table{border-collapse:collapse;margin:.5rem 0}
td,th{border:1px solid #ccc;padding:.25rem .6rem;text-align:left}td.n{text-align:right}
.error{color:#b00020}.warning{color:#8a5a00}.info{color:#0b57d0}.pass{color:#137333}.fail{color:#b00020}
mark{background:#ffd7d7;padding:0 .1rem}pre{white-space:pre-wrap;background:#f6f6f6;padding:.4rem;margin:.2rem 0}
.record{border-top:1px solid #ddd;padding:.5rem 0}`;

interface KeptViolation {
  v: Violation;
  /** Excerpts of the field's text with the matches marked, already escaped. */
  excerpts: string[];
}

function excerpts(v: Violation, source: RecordSource): string[] {
  const out: string[] = [];
  const byPath = new Map<string, Violation['spans']>();
  for (const s of v.spans) byPath.set(s.path, [...(byPath.get(s.path) ?? []), s]);
  for (const [path, spans] of byPath) {
    const text = [source.decoded, source.raw].map((s) => getPath(s, path)).find((x): x is string => typeof x === 'string');
    if (text === undefined) continue;
    const usable = spans.filter((s) => text.slice(s.start, s.end) === s.text);
    for (const group of groupSpans(usable, 40).slice(0, 3)) {
      const ctx = spanContext(text, group, 40);
      // Carets mark the matched columns of the one-line excerpt; turn them into <mark>.
      let html = '';
      let open = false;
      for (let i = 0; i < ctx.text.length; i++) {
        const marked = ctx.carets[i] === '^';
        if (marked && !open) html += '<mark>';
        if (!marked && open) html += '</mark>';
        open = marked;
        html += htmlEscape(ctx.text[i]);
      }
      if (open) html += '</mark>';
      out.push(html);
    }
  }
  return out;
}

function metricRow(name: string, m: MetricResult): string {
  return `<tr><td>${htmlEscape(m.title || name)}</td><td class="n">${htmlEscape(m.display)}</td><td>${htmlEscape(m.target ?? '')}</td><td class="${m.status === 'pass' ? 'pass' : m.status === 'fail' ? 'fail' : ''}">${htmlEscape(m.status ?? '')}</td></tr>`;
}

export function htmlWriter(opts: { maxRecords?: number; title?: string } = {}): ReportWriter {
  const limit = opts.maxRecords ?? 500;
  let meta: RunMeta | undefined;
  let kept: Array<{ label: string; invalid: string[]; violations: KeptViolation[] }> = [];
  let more = 0;
  return {
    *begin() {
      yield `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">\n<title>${htmlEscape(opts.title ?? 'Sellguard report')}</title>\n<style>${STYLE}</style></head><body>\n<h1>${htmlEscape(opts.title ?? 'Sellguard report')}</h1>\n`;
    },
    *beginRun(m) {
      meta = m;
      kept = [];
      more = 0;
    },
    *result(r: ProjectResult, source: RecordSource) {
      if (r.violations.length === 0 && !r.invalid?.length) return;
      if (kept.length >= limit) {
        more++;
        return;
      }
      kept.push({
        label: recordLabel(r),
        invalid: (r.invalid ?? []).map((p) => `${p.path ? `${p.path}: ` : ''}${p.message}`),
        violations: r.violations.map((v) => ({ v, excerpts: excerpts(v, source) })),
      });
    },
    *endRun(end: RunEnd) {
      const m = meta!;
      const s = end.summary;
      const failed = end.failOn !== 'never' && (countAtOrAbove(s, end.failOn) > 0 || s.invalid > 0);
      const out: string[] = [`<section><h2>${htmlEscape(m.policy.title)} <small>(${htmlEscape(m.policy.id)})</small></h2>`];
      if (m.policy.source) out.push(`<p>Source: ${htmlEscape(m.policy.source)}</p>`);
      out.push(`<p class="${failed ? 'fail' : 'pass'}"><strong>${failed ? '✗ Failed' : '✓ Passed'}</strong>: ${s.violations} violations in ${s.withViolations} of ${s.records} records; ${s.invalid} could not be read.</p>`);
      out.push('<table><tr><th>records</th><th>checked</th><th>could not be read</th><th>errors</th><th>warnings</th><th>info</th><th>suppressed</th><th>baselined</th></tr>');
      out.push(`<tr><td class="n">${s.records}</td><td class="n">${s.checked}</td><td class="n">${s.invalid}</td><td class="n">${s.bySeverity.error}</td><td class="n">${s.bySeverity.warning}</td><td class="n">${s.bySeverity.info}</td><td class="n">${end.counts.suppressed}</td><td class="n">${end.counts.baselined}</td></tr></table>`);
      const severities = severityByRule(m.rules);
      const fired = Object.entries(s.byRule).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
      if (fired.length > 0) {
        out.push('<h3>Violations per rule</h3><table><tr><th>rule</th><th>severity</th><th>violations</th></tr>');
        for (const [rule, n] of fired) {
          const sev = severities.get(rule) ?? '';
          out.push(`<tr><td>${htmlEscape(rule)}</td><td class="${sev}">${sev}</td><td class="n">${n}</td></tr>`);
        }
        out.push('</table>');
      }
      if (end.metrics) {
        out.push('<h3>Metrics</h3><table><tr><th>metric</th><th>value</th><th>target</th><th>status</th></tr>');
        for (const [name, metric] of Object.entries(end.metrics)) out.push(metricRow(name, metric));
        out.push('</table>');
      }
      for (const v of end.datasetViolations ?? []) out.push(`<p class="${v.severity}">${v.severity} ${htmlEscape(v.rule)}: ${htmlEscape(v.message)}</p>`);
      if (kept.length > 0) out.push('<h3>Records with problems</h3>');
      for (const k of kept) {
        out.push(`<div class="record"><strong>${htmlEscape(k.label)}</strong>`);
        for (const p of k.invalid) out.push(`<p class="error">could not be read: ${htmlEscape(p)}</p>`);
        for (const { v, excerpts: ex } of k.violations) {
          out.push(`<p><span class="${v.severity}">${v.severity}</span> <code>${htmlEscape(v.rule)}</code> ${htmlEscape(v.message)}${v.path ? ` <small>at ${htmlEscape(v.path)}</small>` : ''}</p>`);
          for (const e of ex) out.push(`<pre>${e}</pre>`);
          if (v.hint) out.push(`<p><small>hint: ${htmlEscape(v.hint)}</small></p>`);
        }
        out.push('</div>');
      }
      if (more > 0) out.push(`<p>… and ${more} more records with problems (the JSON report lists them all).</p>`);
      for (const n of end.counts.notices) out.push(`<p class="warning">suppression ${htmlEscape(n.where)}: ${htmlEscape(n.message)}</p>`);
      out.push('</section>');
      yield `${out.join('\n')}\n`;
    },
    *end() {
      yield '</body></html>\n';
    },
  };
}
