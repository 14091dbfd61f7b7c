/**
 * compile(source): translate the policy (compile/), then load the generated
 * code into a running policy (load.ts). The one entry every front end uses.
 */
import { internalError, translate, type CompileOptions, type CompileResult } from '../compile/index.js';
import { load } from './load.js';

export type { CompileOptions, CompileResult };

export function compile(source: string, opts: CompileOptions = {}): CompileResult {
  const { code, ...translation } = translate(source, opts);
  if (!code || !translation.ir) return translation;
  try {
    return { ...translation, policy: load(translation.ir, code, source) };
  } catch (e) {
    return { ...translation, diagnostics: [...translation.diagnostics, internalError(e)] };
  }
}
