/**
 * Property tests run with one fixed seed, so `npm test` gives the same answer
 * on every run and a failure can be reproduced. Set SELLGUARD_FC_SEED to
 * explore other inputs (`SELLGUARD_FC_SEED=$RANDOM npx vitest run`); a
 * failure prints the seed and the counterexample.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.SELLGUARD_FC_SEED ?? 20261205) });
