/** `sellguard test [POLICY...]`: run the policies' own examples. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineIndex } from '@sellguard/dsl';
import { contextFor, loadSpeller, PolicyFileError, type ExampleOutcome, type Speller } from '@sellguard/core/node';
import { CliError, EXIT, printDiagnostics, useColor } from '../io.js';
import { loadPolicyForRun } from '../policy-cache/load-policy.js';
import { Sink } from '../options/sink.js';
import { testReport, type PolicyTests } from './test-report.js';

/** `policies/*.policy` in the current folder, sorted. */
export function defaultPolicies(dir = 'policies'): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.policy'))
    .sort()
    .map((f) => join(dir, f));
}

/** Files as given; a folder stands for the .policy files in it. */
function expand(files: string[]): string[] {
  return files.flatMap((f) => (existsSync(f) && statSync(f).isDirectory() ? defaultPolicies(f) : [f]));
}

export async function testCommand(files: string[], flags: { color?: boolean; format?: 'text' | 'json' | 'junit'; output?: string; cache?: boolean }): Promise<number> {
  const format = flags.format ?? 'text';
  // Text goes to the screen as it is made; JSON and JUnit are written once all policies ran.
  const lines: string[] = [];
  const toText = format === 'text' && flags.output === undefined;
  const color = toText && useColor(process.stdout, flags.color);
  const stderrColor = useColor(process.stderr, flags.color);
  const paint = (code: number, s: string) => (color ? `\x1b[${code}m${s}\x1b[39m` : s);
  const policies = files.length > 0 ? expand(files) : defaultPolicies();
  if (policies.length === 0) {
    throw new CliError(files.length > 0 ? `no .policy files in ${files.join(', ')}` : 'no policy files to test: name them, e.g. sellguard test policies/*.policy (the default, policies/*.policy, found none)');
  }
  let passed = 0;
  let failed = 0;
  let unusable = false;
  const out = (line: string) => (toText ? process.stdout.write(`${line}\n`) : lines.push(line));
  const results: PolicyTests[] = [];
  // Built on first need and shared by every policy that checks spelling.
  let speller: Speller | undefined;
  const sharedSpeller = () => (speller ??= loadSpeller());
  for (const file of policies) {
    let loaded;
    try {
      loaded = await loadPolicyForRun(file, { cache: flags.cache, explains: true });
    } catch (e) {
      if (!(e instanceof PolicyFileError)) throw e;
      process.stderr.write(`sellguard: ${e.message}\n`);
      out(`${paint(31, '✗')} ${file}: cannot be read`);
      results.push({ file, problem: e.message, outcomes: [] });
      failed++;
      unusable = true;
      continue;
    }
    printDiagnostics(loaded.diagnostics, loaded.source, file, stderrColor, loaded.sources);
    if (!loaded.policy) {
      out(`${paint(31, '✗')} ${file}: does not compile (see the errors above)`);
      results.push({ file, problem: 'the policy does not compile', diagnostics: loaded.diagnostics, source: loaded.source, outcomes: [] });
      failed++;
      continue;
    }
    const id = loaded.policy.id;
    let outcomes: ExampleOutcome[];
    try {
      outcomes = loaded.policy.runExamples(contextFor([loaded.policy], { speller: sharedSpeller }));
    } catch (e) {
      out(`${paint(31, '✗')} ${id}: the examples could not be run: internal error: ${e instanceof Error ? e.message : String(e)}`);
      results.push({ file, id, problem: `internal error: ${e instanceof Error ? e.message : String(e)}`, outcomes: [] });
      failed++;
      continue;
    }
    if (outcomes.length === 0) out(`- ${id}: no examples (${file})`);
    const index = new LineIndex(loaded.source);
    results.push({ file, id, outcomes: outcomes.map((o) => ({ ...o, line: index.locate(o.span.start).line })) });
    for (const o of outcomes) {
      if (o.passed) {
        passed++;
        out(`${paint(32, '✓')} ${id}: ${o.name}`);
        continue;
      }
      failed++;
      out(`${paint(31, '✗')} ${id}: ${o.name} (${file}:${index.locate(o.span.start).line})`);
      for (const f of o.failures) out(`    ${f}`);
      for (const p of o.invalid ?? []) out(`    the example's input does not fit: ${p.path ? `${p.path}: ` : ''}${p.message}`);
      if (!o.invalid?.length) out(`    fired: ${o.fired.length ? o.fired.join(', ') : 'nothing'}`);
    }
  }
  out('');
  out(`${passed} passed, ${failed} failed`);
  if (!toText) {
    const sink = new Sink(flags.output);
    await sink.write([format === 'text' ? `${lines.join('\n')}\n` : testReport(format, results)]);
    await sink.close();
  }
  if (unusable) return EXIT.usage;
  return failed > 0 ? EXIT.failed : EXIT.ok;
}
