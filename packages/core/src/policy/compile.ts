/**
 * compile(source): translate the policy (compile/), then load the generated
 * code into a running policy (load.ts). The one entry every front end uses.
 */
import { internalError, translate, type CompileOptions, type CompileResult } from '../compile/index.js';
import { detectorCache } from '../compile/detector-cache.js';
import { load } from './load.js';

export type { CompileOptions, CompileResult };

export function compile(source: string, opts: CompileOptions = {}): CompileResult {
  // One cache for checking and loading: each phrase list is built once.
  const detectors = opts.detectors ?? detectorCache();
  const { code, ...translation } = translate(source, { ...opts, detectors });
  if (!code || !translation.ir) return translation;
  try {
    // The code is returned too, so a front end can keep it (the CLI's cache of compiled policies).
    return { ...translation, code, policy: load(translation.ir, code, source, detectors) };
  } catch (e) {
    return { ...translation, diagnostics: [...translation.diagnostics, internalError(e)] };
  }
}
