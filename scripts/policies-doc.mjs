#!/usr/bin/env node
/**
 * Writes docs/policies.md from the shipped policies: every rule with its id,
 * severity, message, source and an example that makes it fire.
 *
 *   npm run docs:policies           # rewrite docs/policies.md
 *   npm run docs:policies -- --check # exit 1 when the file is out of date (used by the tests)
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { compile } from '@sellguard/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'policies');

const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function policiesDoc() {
  const out = [
    '# The shipped policies',
    '',
    'Generated from `policies/*.policy` by `npm run docs:policies`; do not edit by hand.',
    'Rule ids are a public contract: reports, suppressions and baselines use them. Each rule has an anchor, `#rule-<policy>-<rule>`, that reports link to.',
    '',
  ];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.policy')).sort()) {
    const path = join(dir, file);
    const { policy, ir } = compile(readFileSync(path, 'utf8'), { fileName: path, readFile: (p) => readFileSync(p, 'utf8') });
    if (!policy || !ir) throw new Error(`${file} does not compile`);
    out.push(`## ${policy.title} — \`${policy.id}\``, '');
    out.push(`File: \`policies/${file}\`. Input record: \`${policy.recordType}\`. Source: ${policy.source ?? '—'}.`, '');
    const input = policy.records.find((r) => r.name === policy.recordType);
    if (input) {
      out.push(`Fields of \`${input.name}\`: ${input.fields.map((f) => `\`${f.name}\``).join(', ')}.`, '');
    }
    out.push('| rule | severity | message | source | example that fires it |', '| --- | --- | --- | --- | --- |');
    for (const rule of policy.rules) {
      const example = ir.examples.find((e) => e.fires.includes(rule.id));
      out.push(`| <a id="rule-${rule.fullId.replace(/[^a-z0-9-]/gi, '-')}"></a>\`${rule.fullId}\` | ${rule.severity} | ${cell(rule.message)} | ${cell(rule.source)} | ${example ? cell(`"${example.name}"`) : '—'} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const doc = policiesDoc();
  const target = join(root, 'docs/policies.md');
  if (process.argv.includes('--check')) {
    const current = readFileSync(target, 'utf8');
    if (current !== doc) {
      console.error('docs/policies.md is out of date: run npm run docs:policies');
      process.exit(1);
    }
  } else writeFileSync(target, doc);
}
