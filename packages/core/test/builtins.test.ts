/**
 * Built-ins are declared once (compile/builtins.ts): the checker's signature
 * and the implementation sit in one entry. The generated code calls them by
 * name (`rt.<name>`), so the runtime must export that very function, taking
 * the declared arguments (after the evaluation context for those that use it).
 */
import { describe, expect, it } from 'vitest';
import { DETECTORS, FUNCTIONS } from '../src/compile/builtins.js';
import * as rt from '../src/runtime/index.js';

const runtime = rt as unknown as Record<string, unknown>;

describe('built-in functions', () => {
  for (const [name, fn] of Object.entries(FUNCTIONS)) {
    it(`${name}: rt.${name} is the declared implementation and takes its arguments`, () => {
      expect(fn.name).toBe(name);
      expect(runtime[name]).toBe(fn.run);
      // Function.length counts the parameters before the first one with a default value.
      const declared = fn.params.length + (fn.usesContext ? 1 : 0);
      expect(fn.run.length).toBe(declared);
    });
  }
});

describe('built-in detectors', () => {
  it('every detector the checker knows, the runtime runs, and no other', () => {
    // phrases() and find() take a compiled phrase list or pattern: they are their own runtime functions.
    const scanning = Object.keys(DETECTORS).filter((d) => d !== 'phrases' && d !== 'find');
    expect([...rt.DETECTOR_NAMES].sort()).toEqual(scanning.sort());
    expect(typeof rt.phrases).toBe('function');
    expect(typeof rt.find).toBe('function');
  });

  it('each runs through rt.detect on text', () => {
    const ctx = rt.evalContext();
    for (const name of rt.DETECTOR_NAMES) expect(Array.isArray(rt.detect(name, 'Write to jo@example.com.', 'body', ctx)), name).toBe(true);
    expect(rt.detect('emails', 'Write to jo@example.com.', 'body', ctx).map((m) => m.text)).toEqual(['jo@example.com']);
  });
});
