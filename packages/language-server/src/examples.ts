/**
 * The policy's own examples, run when a file is opened or saved (not on every
 * keystroke: running needs the generated code). Failures become warnings on
 * the example; each example gets a code lens saying whether it passes.
 */
import { compile } from '@sellguard/core';
import { contextFor, loadSpeller, type ExampleOutcome, type Speller } from '@sellguard/core/node';
import { DiagnosticSeverity, type CodeLens, type Diagnostic } from 'vscode-languageserver';
import type { Workspace } from './workspace.js';

export const RUN_EXAMPLES = 'sellguard.runExamples';

export interface ExampleRunner {
  /** Runs the examples of a file without errors; undefined when it cannot be compiled. */
  run(path: string): ExampleOutcome[] | undefined;
}

export function createExampleRunner(ws: Workspace): ExampleRunner {
  let speller: Speller | undefined;
  return {
    run(path) {
      const text = ws.read(path);
      if (text === undefined) return undefined;
      const { policy } = compile(text, { fileName: path, readFile: ws.read });
      if (!policy) return undefined;
      try {
        return policy.runExamples(contextFor([policy], { speller: () => (speller ??= loadSpeller()) }));
      } catch {
        return undefined;
      }
    },
  };
}

/** The first line of an example: where its warning and lens go. */
function headerSpan(text: string, span: { start: number; end: number }) {
  const eol = text.indexOf('\n', span.start);
  return { start: span.start, end: eol < 0 || eol > span.end ? span.end : eol };
}

export function exampleDiagnostics(path: string, outcomes: ExampleOutcome[], ws: Workspace): Diagnostic[] {
  const text = ws.read(path) ?? '';
  return outcomes
    .filter((o) => !o.passed)
    .map((o) => ({
      range: ws.range(path, headerSpan(text, o.span)),
      severity: DiagnosticSeverity.Warning,
      source: 'sellguard test',
      message: `the example "${o.name}" fails: ${o.failures.join('; ')}\nfix the rule or the example's expectation, then save to run it again`,
    }));
}

export function exampleLenses(path: string, outcomes: ExampleOutcome[] | undefined, ws: Workspace): CodeLens[] {
  const analysis = ws.analysis(path);
  const text = ws.read(path) ?? '';
  const lenses: CodeLens[] = [];
  for (const d of analysis?.ast.declarations ?? []) {
    if (d.kind !== 'ExampleDecl') continue;
    const outcome = outcomes?.find((o) => o.name === d.name.value);
    const title = !outcome ? '▶ run examples' : outcome.passed ? '✓ passes (run examples again)' : `✗ fails: ${outcome.failures[0] ?? ''}`;
    lenses.push({ range: ws.range(path, headerSpan(text, d.span)), command: { title, command: RUN_EXAMPLES, arguments: [path] } });
  }
  return lenses;
}
