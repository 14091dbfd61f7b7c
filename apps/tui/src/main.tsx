#!/usr/bin/env node
/** sellguard-tui POLICY INPUT...: review a batch of records against a policy in the terminal. */
import { Command, Option } from 'commander';
import { runTui } from './run.js';

const program = new Command()
  .name('sellguard-tui')
  .description('Review records against a Sellguard policy in the terminal: a summary per rule, the records with problems, and each record with the offending characters marked.')
  .argument('<policy>', 'the .policy file')
  .argument('<inputs...>', 'data files: JSON lines, JSON, CSV or tab-separated (- for standard input)')
  .addOption(new Option('-f, --format <format>', 'read the data as this format instead of guessing from the file name').choices(['jsonl', 'json', 'csv', 'tsv']))
  .option('-w, --watch', 'check again whenever the policy or a data file is saved')
  .option('--no-color', 'do not use colours (also: set NO_COLOR)')
  .showHelpAfterError()
  .action(async (policy: string, inputs: string[], opts: { format?: 'jsonl' | 'json' | 'csv' | 'tsv'; watch?: boolean; color: boolean }) => {
    process.exitCode = await runTui({
      policy,
      inputs,
      ...(opts.format ? { format: opts.format } : {}),
      watch: Boolean(opts.watch),
      ...(opts.color === false ? { color: false } : {}),
    });
  });

await program.parseAsync(process.argv);
