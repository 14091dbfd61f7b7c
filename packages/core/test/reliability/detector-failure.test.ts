/**
 * A detector that fails is never read as "no violation": the record is
 * reported as not checked (an error for that record, counted), and the other
 * records are checked as usual. The failure here is real: the speller the
 * spelling check is given breaks on a word, as a damaged dictionary would.
 */
import { describe, expect, it } from 'vitest';
import { checkRecordsSync, compile, evalContext, renderText, type Speller } from '../../src/index.js';

const policy = `policy spell "Spelling"
  input Msg

record Msg {
  body: string
}

rule spelling warning "Possible spelling mistake: {matched}" {
  forbid spelling(body)
}
`;

/** A speller that knows "hello" and "world" and breaks on "boom". */
const brittle: Speller = {
  isCorrect: (word) => {
    if (word.toLowerCase() === 'boom') throw new Error('the dictionary file is damaged');
    return ['hello', 'world'].includes(word.toLowerCase());
  },
  suggestions: () => [],
};

describe('a detector that fails', () => {
  const compiled = compile(policy, { fileName: 'spell.policy' });

  it('makes its record an error that says what was not checked, and the run goes on', () => {
    expect(compiled.policy).toBeDefined();
    const records = [
      { index: 0, line: 1, raw: { body: 'hello world' } },
      { index: 1, line: 2, raw: { body: 'hello boom' } },
      { index: 2, line: 3, raw: { body: 'world hello' } },
    ];
    const report = checkRecordsSync(compiled.policy!, records, evalContext({ dictionary: brittle }));
    const byIndex = new Map(report.results.map((r) => [r.index, r]));
    expect(byIndex.get(1)?.invalid).toEqual([
      { path: '', message: 'could not be checked: the search for spelling mistakes failed on this text (the dictionary file is damaged), so it was not checked for them; check this record by hand' },
    ]);
    expect(byIndex.get(1)?.violations).toEqual([]);
    // 3 records: 2 checked and clean, 1 that could not be checked (before, it passed as clean).
    expect([...byIndex.keys()]).toEqual([1]);
    expect(report.summary).toMatchObject({ records: 3, checked: 2, invalid: 1 });
    const text = renderText(report, { color: false });
    expect(text).toContain('could not be checked — the search for spelling mistakes failed on this text');
  });
});
