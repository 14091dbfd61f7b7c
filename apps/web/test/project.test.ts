/** A project of several policy files: which is the main one, and how imports find the others. */
import { evalContext } from '@sellguard/core';
import { describe, expect, it } from 'vitest';
import { importsOf, projectReader, splitProject } from '../src/lib/project';
import { analyzePolicy } from '../src/lib/policy';

const common = { name: 'common.policy', text: 'policy common "Shared"\n\nconst limit = 3\n' };
const main = { name: 'main.policy', text: 'policy main "Main"\n  input Note\n\nimport { limit } from "./common.policy"\n\nrecord Note {\n  n: number\n}\n\nrule too-big error "Too big" {\n  require n <= limit\n}\n' };

describe('policy projects', () => {
  it('lists what a policy imports, by name in the folder', () => {
    expect(importsOf(main.text)).toEqual(['common.policy']);
    expect(importsOf(common.text)).toEqual([]);
    expect(importsOf('policy broken "x" import {')).toEqual([]);
  });

  it('takes the file nobody imports as the main policy, in whatever order the files come', () => {
    expect(splitProject([common, main])).toEqual({ main, others: [common] });
    expect(splitProject([main, common])).toEqual({ main, others: [common] });
    // Two unrelated files: the first is the main one.
    const other = { name: 'other.policy', text: 'policy other "O"\n' };
    expect(splitProject([other, common]).main).toBe(other);
  });

  it('reads imported files from the project, and nothing else', () => {
    const read = projectReader([common]);
    expect(read('common.policy')).toBe(common.text);
    expect(read('./common.policy')).toBe(common.text);
    expect(read('missing.policy')).toBeUndefined();
  });

  it('compiles a policy with its imports, and reports a missing import in plain words', () => {
    const ok = analyzePolicy(main.text, [common]);
    expect(ok.diagnostics).toEqual([]);
    const rulesBroken = (n: number) => {
      const decoded = ok.policy!.decode({ n });
      if (!decoded.ok) throw new Error(`record {n: ${n}} could not be read`);
      return ok.policy!.evaluate(decoded.value, evalContext({})).map((v) => v.rule);
    };
    expect(rulesBroken(4)).toEqual(['main/too-big']);
    expect(rulesBroken(3)).toEqual([]);
    const missing = analyzePolicy(main.text, []);
    expect(missing.policy).toBeUndefined();
    expect(missing.diagnostics.map((d) => d.message).join('\n')).toMatch(/common\.policy/);
  });
});
