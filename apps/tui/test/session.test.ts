import { copyFileSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { Session, type SessionState } from '../src/session.js';
import { MESSAGES, POLICY } from './helpers.js';

const sessions: Session[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
});

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'sellguard-tui-watch-'));
  const policy = join(dir, 'messages.policy');
  const input = join(dir, 'messages.jsonl');
  copyFileSync(POLICY, policy);
  copyFileSync(MESSAGES, input);
  return { dir, policy, input };
}

/** Wait (bounded) until the session's state passes the test. */
function until(session: Session, ok: (s: SessionState) => boolean, ms = 8000): Promise<SessionState> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (ok(session.getState())) {
        clearTimeout(timer);
        stop();
        resolve(session.getState());
      }
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out; status ${session.getState().status}`));
    }, ms);
    const stop = session.subscribe(check);
    check();
  });
}

function start(opts: ConstructorParameters<typeof Session>[0]): Session {
  const s = new Session(opts);
  sessions.push(s);
  s.start();
  return s;
}

describe('Session', () => {
  test('loads the policy and checks the inputs', async () => {
    const s = start({ policy: POLICY, inputs: [MESSAGES] });
    const state = await until(s, (x) => x.status === 'done');
    expect(state.policy?.title).toBe('Buyer messages (test)');
    expect(state.data.summary.records).toBe(7);
    expect(state.checks).toBe(1);
  });

  test('a missing policy file is reported, not thrown', async () => {
    const s = start({ policy: '/nowhere/x.policy', inputs: [MESSAGES] });
    const state = await until(s, (x) => x.status === 'failed');
    expect(state.error).toMatch(/cannot read policy file/);
  });

  test('a policy with errors shows its diagnostics', async () => {
    const { policy, input } = workspace();
    writeFileSync(policy, readFileSync(POLICY, 'utf8').replace('forbid emails(body)', 'forbid emails(bodyy)'));
    const s = start({ policy, inputs: [input] });
    const state = await until(s, (x) => x.status === 'policy-errors');
    expect(state.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(state.policySource).toContain('bodyy');
  });

  describe('watching', () => {
    test('checks again when an input changes, keeping the old result on screen meanwhile', async () => {
      const { policy, input } = workspace();
      const s = start({ policy, inputs: [input], watch: true, debounceMs: 30 });
      await until(s, (x) => x.status === 'done');
      const seen: SessionState[] = [];
      s.subscribe(() => seen.push(s.getState()));
      writeFileSync(input, `${readFileSync(input, 'utf8')}${JSON.stringify({ orderId: '1', body: 'mail x@y.com' })}\n`);
      const state = await until(s, (x) => x.checks === 2);
      expect(state.data.summary.records).toBe(8);
      // While checking again, the previous data stayed on screen.
      const checking = seen.filter((x) => x.status === 'checking');
      expect(checking.length).toBeGreaterThan(0);
      expect(checking.map((x) => x.data.summary.records)).toEqual(checking.map(() => 7));
    });

    test('a broken policy shows diagnostics and recovers when fixed (saved by rename, as editors do)', async () => {
      const { dir, policy, input } = workspace();
      const s = start({ policy, inputs: [input], watch: true, debounceMs: 30 });
      await until(s, (x) => x.status === 'done');
      const good = readFileSync(policy, 'utf8');
      const save = (text: string) => {
        const tmp = join(dir, '.messages.policy.swp');
        writeFileSync(tmp, text);
        renameSync(tmp, policy);
      };
      save(good.replace('rule phone-number error', 'rule phone-number eror'));
      const broken = await until(s, (x) => x.status === 'policy-errors');
      expect(broken.diagnostics.length).toBeGreaterThan(0);
      // The last good result is kept for when the policy is fixed.
      expect(broken.data.summary.records).toBe(7);
      save(good.replace('Remove the phone number.', 'Take the phone number out.'));
      const fixed = await until(s, (x) => x.status === 'done' && x.checks === 2);
      expect(fixed.policy?.rules.find((r) => r.id === 'phone-number')?.hint).toBe('Take the phone number out.');
    });

    test('many quick saves cause one check', async () => {
      const { policy, input } = workspace();
      const s = start({ policy, inputs: [input], watch: true, debounceMs: 80 });
      await until(s, (x) => x.status === 'done');
      const text = readFileSync(input, 'utf8');
      for (let i = 0; i < 5; i++) writeFileSync(input, text);
      await until(s, (x) => x.checks === 2);
      await new Promise((r) => setTimeout(r, 300));
      expect(s.getState().checks).toBe(2);
    });
  });
});
