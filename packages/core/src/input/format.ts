/**
 * Which format a text of records is in: from a file name's extension, or
 * from the text itself. Browser-safe; the command line and the playground
 * both decide here.
 */

export type InputFormat = 'jsonl' | 'json' | 'csv' | 'tsv';

/** The format an extension stands for: .jsonl/.ndjson, .json, .csv, and .tsv/.txt/.tab (Amazon flat files). */
export function formatOf(path: string): InputFormat | undefined {
  const ext = /\.[^./\\]*$/.exec(path)?.[0].toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  if (ext === '.tsv' || ext === '.txt' || ext === '.tab') return 'tsv';
  return undefined;
}

/** The first non-blank line of a text, without its line break. */
export function firstLine(text: string): string {
  const t = text.replace(/^\s*\n/, '');
  const nl = t.indexOf('\n');
  return nl < 0 ? t : t.slice(0, nl);
}

/**
 * The format of text without an extension: `[` starts a JSON array; `{` starts
 * JSON lines, unless the first line is not a whole JSON value (a pretty-printed
 * document); otherwise a tab in the first line means tab-separated, else CSV.
 */
export function sniff(head: string): InputFormat {
  const t = head.replace(/^\ufeff/, '').trimStart();
  if (t.startsWith('[')) return 'json';
  if (t.startsWith('{')) {
    const line = firstLine(t);
    // A first line that is cut off (no line break seen yet) is given the benefit of the doubt.
    if (!t.includes('\n')) return 'jsonl';
    try {
      JSON.parse(line);
      return 'jsonl';
    } catch {
      return 'json';
    }
  }
  return firstLine(t).includes('\t') ? 'tsv' : 'csv';
}

/** The delimiter of a CSV header line: the most frequent of comma, semicolon and tab (comma on a tie). */
export function sniffDelimiter(header: string): string {
  let best = ',';
  let bestCount = count(header, ',');
  for (const d of [';', '\t']) {
    const n = count(header, d);
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** How often `ch` occurs in `text`. */
export function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}
