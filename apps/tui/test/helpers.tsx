/** Shared test helpers: the fixture policy and data, and rendering the app at a given terminal size. */
import { fileURLToPath } from 'node:url';
import type { ReactElement } from 'react';
import { render } from 'ink-testing-library';
import { evalContext, loadPolicy } from '@sellguard/core/node';
import type { CompiledPolicy } from '@sellguard/core';
import { startCheck } from '../src/loader.js';
import type { CheckData } from '../src/model.js';
import type { SessionState } from '../src/session.js';
import { ThemeContext } from '../src/theme.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const POLICY = `${FIXTURES}messages.policy`;
export const MESSAGES = `${FIXTURES}messages.jsonl`;

export function fixturePolicy(): { policy: CompiledPolicy; source: string } {
  const loaded = loadPolicy(POLICY);
  if (!loaded.policy) throw new Error(`fixture policy does not compile: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return { policy: loaded.policy, source: loaded.source };
}

export async function fixtureData(inputs: string[] = [MESSAGES]): Promise<CheckData> {
  const { policy } = fixturePolicy();
  const data = await startCheck(policy, inputs, evalContext(), { onProgress: () => undefined }).done;
  if (!data) throw new Error('check was cancelled');
  return data;
}

/** A finished session on the fixture, as the app would see it. */
export async function fixtureState(patch: Partial<SessionState> = {}): Promise<SessionState> {
  const { policy, source } = fixturePolicy();
  return {
    status: 'done',
    policyFile: POLICY,
    inputs: [MESSAGES],
    policy,
    context: evalContext(),
    policySource: source,
    diagnostics: [],
    data: await fixtureData(),
    watching: false,
    checks: 1,
    ...patch,
  };
}

export const KEYS = {
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
  home: '\x1b[H',
  end: '\x1b[F',
  tab: '\t',
  enter: '\r',
  escape: '\x1b',
  backspace: '\x7f',
} as const;

export const tick = (ms = 15) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Longest wait for the app to draw after a key or a store change (only reached when nothing changes). */
const FRAME_WAIT_MS = 2000;

type Frames = { frames: unknown[] };

/**
 * Wait until the app has drawn at least one frame more than `before`, then
 * until it is idle: React draws and runs its effects on later event-loop
 * turns, so the test waits for those turns rather than for a fixed time,
 * which under a busy CPU may be too short and show the previous frame.
 */
export async function settle(r: Frames, before: number): Promise<void> {
  const deadline = Date.now() + FRAME_WAIT_MS;
  while (r.frames.length <= before && Date.now() < deadline) await tick(1);
  // Effects that run after a frame (listeners re-attached, a follow-up
  // state change) are scheduled on the next turns: wait until a few turns
  // pass with no new frame.
  for (let quiet = 0, seen = r.frames.length; quiet < 3; ) {
    await nextTurn();
    if (r.frames.length === seen) {
      quiet++;
    } else {
      seen = r.frames.length;
      quiet = 0;
    }
  }
}

/** Wait until a condition holds (bounded), for things that finish on their own, such as a real check. */
export async function until(ok: () => boolean, ms = 10000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms`);
    await tick(5);
  }
}

export type Rendered = ReturnType<typeof render> & {
  press(...keys: string[]): Promise<void>;
  resize(columns: number, rows: number): Promise<void>;
  /** Run a change (such as a store update) and wait until the app has drawn it. */
  after(change: () => void): Promise<void>;
  screen(): string;
};

/** Render at a terminal size (ink-testing-library's stdout is 100 columns and has no rows). */
export async function renderAt(tree: ReactElement, { columns = 80, rows = 24, color = false } = {}): Promise<Rendered> {
  const r = render(<ThemeContext.Provider value={{ color }}>{tree}</ThemeContext.Provider>);
  const after = async (change: () => void) => {
    const before = r.frames.length;
    change();
    await settle(r, before);
  };
  const resize = (c: number, h: number) =>
    after(() => {
      Object.defineProperty(r.stdout, 'columns', { value: c, configurable: true });
      Object.defineProperty(r.stdout, 'rows', { value: h, configurable: true });
      r.stdout.emit('resize');
    });
  await resize(columns, rows);
  // Keys are read only once the app has attached its input listener (an effect after the first frame).
  await until(() => r.stdin.listenerCount('readable') > 0, FRAME_WAIT_MS);
  return Object.assign(r, {
    resize,
    after,
    async press(...keys: string[]) {
      for (const k of keys) await after(() => r.stdin.write(k));
    },
    screen: () => r.lastFrame() ?? '',
  });
}

/** Terminal rows of a frame, and their display widths. */
export function rowsOf(frame: string): string[] {
  return frame.split('\n');
}

/** A store whose state the test changes, as a session would. */
export function mutableStore(initial: SessionState) {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    subscribe: (l: () => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    set(patch: Partial<SessionState>) {
      state = { ...state, ...patch };
      for (const l of listeners) l();
    },
  };
}

/** Many records with one problem each, for paging. */
export function manyRecords(n: number): CheckData['flagged'] {
  return Array.from({ length: n }, (_, i) => ({
    index: i,
    line: i + 1,
    file: 'many.jsonl',
    raw: { orderId: `111-${i}`, body: `Write to seller${i}@example.com` },
    violations: [{ rule: 'tui-fixture/email-address', severity: 'error' as const, message: `Email addresses are not allowed: seller${i}@example.com`, path: 'body', spans: [] }],
  }));
}
