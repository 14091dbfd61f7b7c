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

/**
 * Wait until the screen has been redrawn and stays the same for a few turns:
 * on a busy machine a key's redraw can take longer than one short tick.
 * Gives up waiting after two seconds (the assertion that follows then fails).
 */
export async function settled(frame: () => string): Promise<void> {
  const before = frame();
  let last = before;
  let same = 0;
  for (let waited = 0; waited < 2000; waited += 15) {
    await tick();
    const now = frame();
    same = now === last ? same + 1 : 0;
    last = now;
    // Settled: it changed and then held still, or it held still long enough to say the key changed nothing.
    if ((now !== before && same >= 2) || same >= 6) return;
  }
}

export type Rendered = ReturnType<typeof render> & {
  press(...keys: string[]): Promise<void>;
  resize(columns: number, rows: number): Promise<void>;
  screen(): string;
};

/** Render at a terminal size (ink-testing-library's stdout is 100 columns and has no rows). */
export async function renderAt(tree: ReactElement, { columns = 80, rows = 24, color = false } = {}): Promise<Rendered> {
  const r = render(<ThemeContext.Provider value={{ color }}>{tree}</ThemeContext.Provider>);
  const resize = async (c: number, h: number) => {
    Object.defineProperty(r.stdout, 'columns', { value: c, configurable: true });
    Object.defineProperty(r.stdout, 'rows', { value: h, configurable: true });
    r.stdout.emit('resize');
    await tick();
  };
  await resize(columns, rows);
  return Object.assign(r, {
    resize,
    async press(...keys: string[]) {
      for (const k of keys) {
        r.stdin.write(k);
        await settled(() => r.lastFrame() ?? '');
      }
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
