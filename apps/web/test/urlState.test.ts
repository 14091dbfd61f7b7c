import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, shareUrl, type ShareState } from '../src/lib/urlState';

const state: ShareState = {
  policy: 'policy p "P"\n  input M\n\nrecord M { body: text }\n# ünïcödé, emoji 🚚, quotes "x" and #hash & ?query=1\n',
  data: '{"body":"Write to jo@example.com"}\n{"body":"two"}\n',
  record: 1,
  tab: 'explain',
  view: 'form',
};

describe('URL state', () => {
  it('round-trips the whole state through the hash', () => {
    const hash = `#${encodeState(state)}`;
    expect(decodeState(hash)).toEqual(state);
    expect(decodeState(hash.slice(1))).toEqual(state);
  });

  it('keeps the check date when there is one', () => {
    const dated = { ...state, asOf: '2026-11-03' };
    expect(decodeState(encodeState(dated))).toEqual(dated);
    expect(decodeState(encodeState({ ...state, asOf: 'yesterday' }))).toEqual(state);
  });

  it('keeps the other files of a project and the main policy\'s name', () => {
    const project = { ...state, files: [{ name: 'common.policy', text: 'policy common "C"\n\nconst limit = 3\n' }], policyName: 'main.policy' };
    expect(decodeState(encodeState(project))).toEqual(project);
    // A single-file state carries no file list at all.
    expect(decodeState(encodeState({ ...state, files: [] }))).toEqual(state);
  });

  it('uses only characters that are safe in a URL fragment', () => {
    expect(encodeState(state)).toMatch(/^s=[A-Za-z0-9+\-_$]+$/);
  });

  it('compresses: a large policy makes a much shorter link', () => {
    const big = { ...state, policy: state.policy.repeat(200) };
    expect(encodeState(big).length).toBeLessThan(big.policy.length / 4);
  });

  it('builds a link from the current address, replacing any old hash', () => {
    const url = shareUrl(state, { href: 'http://127.0.0.1:5173/sub/index.html#s=old' });
    expect(url.startsWith('http://127.0.0.1:5173/sub/index.html#s=')).toBe(true);
    expect(decodeState(new URL(url).hash)).toEqual(state);
  });

  it('returns null for no state or a damaged one, and defaults unknown tabs', () => {
    expect(decodeState('')).toBeNull();
    expect(decodeState('#other=1')).toBeNull();
    expect(decodeState('#s=not-lz-data!!')).toBeNull();
    expect(decodeState(`#${encodeState(state).slice(0, 20)}`)).toBeNull();
    const odd = decodeState(`#${encodeState({ ...state, tab: 'nope' as never, view: 'nope' as never, record: -3 })}`);
    expect(odd).toMatchObject({ tab: 'results', view: 'text', record: 0 });
  });

  // Varied text, as a real policy is (repeated text would compress to nothing anyway).
  const example = {
    id: 'buyer-messaging',
    policy: `record M {\n  body: text\n}\n${Array.from({ length: 200 }, (_, i) => `rule r${i} error "Message ${(i * 7919) % 10007} about ${(i * 104729).toString(36)}" { forbid emails(body) }`).join('\n')}\n`,
    data: Array.from({ length: 50 }, (_, i) => JSON.stringify({ body: `Order ${(i * 7919) % 10007}: ${(i * 104729).toString(36)}` })).join('\n'),
  };

  it('names an unchanged shipped example instead of carrying its text', () => {
    const unchanged: ShareState = { policy: example.policy, data: example.data, record: 2, tab: 'results', view: 'text', asOf: '2026-11-20' };
    const short = encodeState(unchanged, [example]);
    expect(short.length).toBeLessThan(120);
    expect(encodeState(unchanged).length).toBeGreaterThan(1000);
    expect(decodeState(short, [example])).toEqual(unchanged);
    // Without the examples the link cannot be read, rather than read wrongly.
    expect(decodeState(short)).toBeNull();
  });

  it('stores an edit to an example as a small difference', () => {
    const edited: ShareState = { policy: example.policy.replace('body: text', 'body: text\n  subject: text'), data: `${example.data}{"body":"new"}\n`, record: 0, tab: 'results', view: 'text' };
    const link = encodeState(edited, [example]);
    expect(link.length).toBeLessThan(encodeState(edited).length / 4);
    expect(decodeState(link, [example])).toEqual(edited);
  });
});
