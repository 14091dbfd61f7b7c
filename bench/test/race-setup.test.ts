import { describe, expect, it } from 'vitest';
import { race } from '../src/measure.mjs';

describe('race: untimed set-up around each timed run', () => {
  it('calls before and after around every run of a contender, warm-up included, and never times them', async () => {
    const events: string[] = [];
    let pool: number[] | null = null;
    const seen: number[] = [];
    const contender = {
      name: 'with a pool',
      before: () => {
        events.push('before');
        pool = [1, 2, 3];
      },
      after: () => {
        events.push('after');
        pool = null;
      },
      run: () => {
        events.push('run');
        seen.push(pool?.length ?? -1);
      },
      warm: () => {
        events.push('warm');
        seen.push(pool?.length ?? -1);
      },
    };
    const plain = { name: 'plain', run: () => events.push('plain') };
    const times = await race([contender, plain], { reps: 2 });
    expect(events.filter((e) => e !== 'plain')).toEqual(['before', 'warm', 'after', 'before', 'run', 'after', 'before', 'run', 'after']);
    // Every timed call saw the pool its set-up made; nothing is left held between runs.
    expect(seen).toEqual([3, 3, 3]);
    expect(pool).toBeNull();
    expect(times['with a pool']).toHaveLength(2);
    expect(times.plain).toHaveLength(2);
  });
});
