#!/usr/bin/env node
/** sellguard-tui POLICY INPUT...: review a batch of records against a policy in the terminal. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { s } from '@sellguard/core/runtime';
import type { InputFormat } from '@sellguard/core/node';
import { runTui } from './index.js';

const program = new Command()
  .name('sellguard-tui')
  .description('Review records against a Sellguard policy in the terminal: a summary per rule, the records with problems, and each record with the offending characters marked.')
  .argument('<policy>', 'the .policy file')
  .argument('<inputs...>', 'data files: JSON lines, JSON, CSV or tab-separated (- for standard input)')
  .addOption(new Option('--input-format <format>', 'read the inputs as this format instead of going by their extension').choices(['jsonl', 'json', 'csv', 'tsv']))
  .option('-w, --watch', 'check again whenever the policy or a data file is saved, keeping your place')
  .option('--as-of <date>', 'check as if today were this date (YYYY-MM-DD, UTC), for time windows; default: today', asOfDate)
  .option('--color', 'colours even when NO_COLOR is set')
  .option('--no-color', 'no colours (also when NO_COLOR is set)')
  .option('--no-mouse', 'leave the mouse to the terminal (for selecting text) instead of clicking rows and scrolling with the wheel')
  .showHelpAfterError()
  .addHelpText('after', '\nExamples:\n  sellguard-tui policies/buyer-messaging.policy examples/buyer-messaging/messages.jsonl\n  sellguard-tui --watch policies/buyer-messaging.policy drafts.csv\n\nIn the UI, press ? for the keys.')
  .action(async (policy: string, inputs: string[], opts: { inputFormat?: InputFormat; watch?: boolean; color?: boolean; mouse: boolean; asOf?: number }) => {
    process.exitCode = await runTui({
      policy,
      inputs,
      ...(opts.inputFormat ? { inputFormat: opts.inputFormat } : {}),
      watch: Boolean(opts.watch),
      ...(opts.color !== undefined ? { color: opts.color } : {}),
      mouse: opts.mouse,
      asOf: opts.asOf ?? null,
    });
  });

/** YYYY-MM-DD as a UTC day in milliseconds, read by the same date reader as the data. */
function asOfDate(value: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? s.parseTimestamp(value) : undefined;
  if (ms === undefined) throw new InvalidArgumentError('expected a date such as 2026-11-20');
  return ms;
}

await program.parseAsync(process.argv);
