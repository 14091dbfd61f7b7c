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
});
