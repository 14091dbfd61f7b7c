#!/usr/bin/env node
/**
 * sellguard: check Amazon seller data against policy files.
 * Argument parsing and wiring only; the work is done by @sellguard/core.
 */
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { PolicyFileError } from '@sellguard/core/node';
import { checkCommand } from './commands/check.js';
import { compileCommand } from './commands/compile.js';
import { fmtCommand } from './commands/fmt.js';
import { testCommand } from './commands/test.js';
import { CliError, EXIT } from './io.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}

function asOfDate(value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || new Date(ms).getUTCDate() !== Number(m[3])) throw new InvalidArgumentError('expected a date such as 2026-11-20');
  return ms;
}

async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command()
    .name('sellguard')
    .description('Check Amazon seller data (buyer messages, offers, product records, order reports) against policy files.')
    .version(pkg.version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run sellguard --help for the list of commands)')
    .configureOutput({ outputError: (s, write) => write(s.replace(/^error: /, 'sellguard: ')) })
    .exitOverride();

  program
    .command('check')
    .description('check records against a policy and report every violation')
    .argument('<policy>', 'the .policy file')
    .argument('<inputs...>', 'JSONL, JSON, CSV or tab-separated files (Amazon flat-file reports); - reads standard input')
    .addOption(new Option('-f, --format <format>', 'output for people (text) or programs (json)').choices(['text', 'json']).default('text'))
    .addOption(
      new Option('--fail-on <severity>', 'exit with 1 when a violation at or above this severity fires (invalid records also fail unless never)')
        .choices(['error', 'warning', 'info', 'never'])
        .default('error'),
    )
    .addOption(new Option('--input-format <format>', 'read inputs as this format instead of guessing from the file extension').choices(['jsonl', 'json', 'csv', 'tsv']))
    .option('--as-of <date>', 'check as if today were this date (YYYY-MM-DD, UTC); default: today', asOfDate)
    .option('-o, --output <file>', 'write the report to a file instead of the screen')
    .option('--max-records <n>', 'show at most this many records in the text report', positiveInt)
    .option('--no-color', 'no colours (also when NO_COLOR is set)')
    .addHelpText('after', '\nExamples:\n  sellguard check policies/buyer-messaging.policy examples/buyer-messaging/messages.jsonl\n  sellguard check policies/buyer-messaging.policy drafts.csv --format json > report.json\n\nExit codes: 0 nothing at or above --fail-on, 1 something did (or a record could not be read), 2 the policy or an input could not be used.')
    .action(async (policy: string, inputs: string[], opts) => {
      code = await checkCommand(policy, inputs, opts);
    });

  program
    .command('test')
    .description("run the policies' own examples")
    .argument('[policies...]', '.policy files (default: policies/*.policy)')
    .option('--no-color', 'no colours')
    .addHelpText('after', '\nExample:\n  sellguard test policies/buyer-messaging.policy')
    .action((policies: string[], opts) => {
      code = testCommand(policies, opts);
    });

  program
    .command('fmt')
    .description('format policy files in the canonical layout (comments are kept)')
    .argument('<files...>', '.policy files')
    .option('--check', 'only list the files that are not formatted; exit with 1 if any')
    .option('--no-color', 'no colours')
    .addHelpText('after', '\nExample:\n  sellguard fmt --check policies/*.policy')
    .action((files: string[], opts) => {
      code = fmtCommand(files, opts);
    });

  program
    .command('compile')
    .description('compile a policy into a standalone JavaScript module and its TypeScript types')
    .argument('<policy>', 'the .policy file')
    .requiredOption('--out <dir>', 'the folder to write <policy-id>.js and <policy-id>.d.ts into')
    .option('--no-color', 'no colours')
    .addHelpText('after', '\nExample:\n  sellguard compile policies/buyer-messaging.policy --out build/')
    .action((policy: string, opts) => {
      code = compileCommand(policy, opts);
    });

  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    const err = e as { code?: string; exitCode?: number };
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
    if (typeof err.code === 'string' && err.code.startsWith('commander.')) return EXIT.usage;
    if (e instanceof CliError || e instanceof PolicyFileError) {
      process.stderr.write(`sellguard: ${(e as Error).message}\n`);
      return e instanceof CliError ? e.code : EXIT.usage;
    }
    process.stderr.write(`sellguard: unexpected error: ${e instanceof Error ? e.message : String(e)}\n(this is a bug in Sellguard; please report it)\n`);
    return EXIT.usage;
  }
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
