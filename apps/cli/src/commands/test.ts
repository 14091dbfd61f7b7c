/** `sellguard test [POLICY...]`: run the policies' own examples. */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { LineIndex } from '@sellguard/dsl';
import { loadPolicy } from '@sellguard/core/node';
import { EXIT, printDiagnostics, useColor } from '../io.js';

export function defaultPolicies(): string[] {
  const dir = 'policies';
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.policy'))
    .sort()
    .map((f) => join(dir, f));
}

export function testCommand(files: string[], flags: { color?: boolean }): number {
  const color = useColor(process.stdout, flags.color);
  const paint = (code: number, s: string) => (color ? `\x1b[${code}m${s}\x1b[39m` : s);
  const policies = files.length > 0 ? files : defaultPolicies();
  let passed = 0;
  let failed = 0;
  for (const file of policies) {
    const loaded = loadPolicy(file);
    if (!loaded.policy) {
      printDiagnostics(loaded.diagnostics, loaded.source, file, useColor(process.stderr, flags.color));
      process.stdout.write(`${paint(31, '✗')} ${file}: does not compile\n`);
      failed++;
      continue;
    }
    const index = new LineIndex(loaded.source);
    const outcomes = loaded.policy.runExamples();
    if (outcomes.length === 0) process.stdout.write(`  ${file}: no examples\n`);
    for (const o of outcomes) {
      if (o.passed) {
        passed++;
        process.stdout.write(`${paint(32, '✓')} ${loaded.policy.id}: ${o.name}\n`);
      } else {
        failed++;
        const at = index.locate(o.span.start);
        process.stdout.write(`${paint(31, '✗')} ${loaded.policy.id}: ${o.name} (${file}:${at.line})\n`);
        for (const f of o.failures) process.stdout.write(`    ${f}\n`);
        process.stdout.write(`    fired: ${o.fired.length ? o.fired.join(', ') : 'nothing'}\n`);
      }
    }
  }
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  return failed > 0 ? EXIT.failed : EXIT.ok;
}
