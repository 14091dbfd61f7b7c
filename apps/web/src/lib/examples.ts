/**
 * The shipped policies (policies/*.policy) and their sample data
 * (examples/<policy>/*), built into the site. New policies show up here
 * without code changes.
 */

import samples from '../../../../examples/samples.json';

const policyFiles = import.meta.glob<string>('../../../../policies/*.policy', { query: '?raw', import: 'default', eager: true });
const dataFiles = import.meta.glob<string>('../../../../examples/*/*.{jsonl,json,csv,tsv,txt}', { query: '?raw', import: 'default', eager: true });

export interface Example {
  /** The policy file's name without .policy, e.g. `buyer-messaging`. */
  id: string;
  /** The policy's title, e.g. "Buyer-Seller Messaging". */
  title: string;
  policy: string;
  /** Sample data for the data pane ('' when the policy ships none). */
  data: string;
  /** The sample files the data came from. */
  dataFiles: string[];
  /** The day (YYYY-MM-DD) the sample data was made for: policies that compare dates with today are checked as of it. */
  asOf?: string;
}

interface SampleEntry {
  folder?: unknown;
  asOf?: unknown;
}

function sampleEntry(id: string): SampleEntry {
  const entry: unknown = id === '//' ? undefined : (samples as Record<string, unknown>)[id];
  return entry && typeof entry === 'object' ? (entry as SampleEntry) : {};
}

/** The sample folder of a policy: examples/<id>/ unless examples/samples.json says otherwise. */
export function sampleFolder(id: string): string {
  const { folder } = sampleEntry(id);
  return typeof folder === 'string' ? folder : id;
}

/** The day a policy's sample data was made for, from examples/samples.json. */
export function sampleDay(id: string): string | undefined {
  const { asOf } = sampleEntry(id);
  return typeof asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : undefined;
}

const PREFERENCE = ['jsonl', 'json', 'csv', 'tsv', 'txt'];

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function extension(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1).toLowerCase();
}

/** `policy buyer-messaging "Buyer-Seller Messaging"` → the title, without compiling. */
export function policyTitle(source: string, fallback: string): string {
  const m = /^\s*policy\s+[\w-]+\s+"((?:[^"\\]|\\.)*)"/m.exec(source);
  return m ? m[1].replace(/\\(.)/g, '$1') : fallback;
}

/** The sample data for one policy: the files of the most convenient format; several JSON files become one JSON list. */
export function pickData(files: Array<{ path: string; text: string }>): { data: string; files: string[] } {
  for (const ext of PREFERENCE) {
    const chosen = files.filter((f) => extension(f.path) === ext).sort((a, b) => a.path.localeCompare(b.path));
    if (chosen.length === 0) continue;
    if (chosen.length === 1) return { data: chosen[0].text, files: [baseName(chosen[0].path)] };
    if (ext === 'json') {
      const records: unknown[] = [];
      try {
        for (const f of chosen) {
          const v: unknown = JSON.parse(f.text);
          if (Array.isArray(v)) records.push(...v);
          else records.push(v);
        }
        return { data: `${JSON.stringify(records, null, 2)}\n`, files: chosen.map((f) => baseName(f.path)) };
      } catch {
        // fall through to the first file alone
      }
    }
    if (ext === 'jsonl') return { data: chosen.map((f) => f.text.replace(/\s*$/, '\n')).join(''), files: chosen.map((f) => baseName(f.path)) };
    return { data: chosen[0].text, files: [baseName(chosen[0].path)] };
  }
  return { data: '', files: [] };
}

/** Line ends as the editors keep them (CodeMirror turns CRLF into LF), so an unchanged example compares equal. */
const lf = (text: string) => text.replace(/\r\n?/g, '\n');

export function buildExamples(policies: Record<string, string>, data: Record<string, string>): Example[] {
  const out: Example[] = [];
  for (const [path, source] of Object.entries(policies)) {
    const policy = lf(source);
    const id = baseName(path).replace(/\.policy$/, '');
    const files = Object.entries(data)
      .filter(([p]) => p.split('/').slice(-2, -1)[0] === sampleFolder(id))
      .map(([p, text]) => ({ path: p, text: lf(text) }));
    const picked = pickData(files);
    const asOf = sampleDay(id);
    out.push({ id, title: policyTitle(policy, id), policy, data: picked.data, dataFiles: picked.files, ...(asOf ? { asOf } : {}) });
  }
  // The buyer-messaging example opens first; the rest follow by name.
  return out.sort((a, b) => Number(b.id === 'buyer-messaging') - Number(a.id === 'buyer-messaging') || a.id.localeCompare(b.id));
}

export const EXAMPLES: Example[] = buildExamples(policyFiles, dataFiles);
