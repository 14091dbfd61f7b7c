/**
 * The file groups mutation testing runs one at a time, each with only the
 * test files that exercise it, so a group takes minutes on a small machine.
 * Paths are relative to the repository root.
 */
const core = 'packages/core/test';
const dsl = 'packages/dsl/test';

export const GROUPS = {
  values: {
    mutate: ['packages/core/src/runtime/values.ts'],
    tests: [`${core}/runtime/values.test.ts`, `${core}/runtime/values-oracle.test.ts`, `${core}/runtime/user-regex.test.ts`, `${core}/compile.test.ts`, `${core}/operators.test.ts`],
  },
  metrics: {
    mutate: ['packages/core/src/runtime/metrics.ts'],
    tests: [`${core}/metrics.test.ts`, `${core}/metric-kinds.test.ts`, `${core}/metric-tallies.test.ts`],
  },
  'check-expr': {
    mutate: ['packages/core/src/compile/check-expr.ts'],
    tests: [
      `${core}/checker*.test.ts`,
      `${core}/checker/**/*.test.ts`,
      `${core}/completion.test.ts`,
      `${core}/lets.test.ts`,
      `${core}/diagnostics-doc.test.ts`,
      `${core}/golden.test.ts`,
      `${core}/operators.test.ts`,
      `${core}/semantic.test.ts`,
    ],
  },
  emails: {
    mutate: ['packages/core/src/runtime/detectors/emails.ts'],
    tests: [`${core}/detectors/emails.test.ts`, `${core}/detectors/emails-edges.test.ts`],
  },
  format: {
    mutate: ['packages/dsl/src/format.ts'],
    tests: [`${dsl}/format*.test.ts`, `${dsl}/language-1-1.test.ts`],
  },
  runtime: {
    mutate: [
      'packages/core/src/runtime/**/*.ts',
      '!packages/core/src/runtime/values.ts',
      '!packages/core/src/runtime/metrics.ts',
      '!packages/core/src/runtime/detectors/emails.ts',
    ],
    tests: [`${core}/runtime/**/*.test.ts`, `${core}/detectors/**/*.test.ts`, `${core}/compile.test.ts`, `${core}/report/**/*.test.ts`],
  },
  compile: {
    mutate: ['packages/core/src/compile/**/*.ts', '!packages/core/src/compile/check-expr.ts'],
    tests: [`${core}/*.test.ts`],
  },
  dsl: {
    mutate: ['packages/dsl/src/**/*.ts', '!packages/dsl/src/format.ts'],
    tests: [`${dsl}/**/*.test.ts`],
  },
};

/** The group named by MUTATION_GROUP (the run script sets it). */
export function currentGroup() {
  const name = process.env.MUTATION_GROUP;
  const group = GROUPS[name];
  if (!group) throw new Error(`Set MUTATION_GROUP to one of: ${Object.keys(GROUPS).join(', ')}`);
  return { name, ...group };
}
