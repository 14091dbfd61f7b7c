#!/usr/bin/env node
/**
 * sellguard: check Amazon seller data against policy files.
 * Argument parsing and wiring only; the work is done by @sellguard/core.
 */
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { PolicyFileError } from '@sellguard/core/node';
import { s } from '@sellguard/core/runtime';
import { checkCommand } from './commands/check.js';
import { compileCommand } from './commands/compile.js';
import { addEngineOptions } from './commands/engine.js';
import { addSqlTargetOptions } from './commands/compile-sql.js';
import { fmtCommand } from './commands/fmt.js';
import { testCommand } from './commands/test.js';
import { EXIT, EXIT_CODES_HELP } from './exit-codes.js';
import { CliError } from './io.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, e.g. 50');
  return n;
}

/** YYYY-MM-DD as a UTC day in milliseconds, read by the same date reader as the data. */
function asOfDate(value: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? s.parseTimestamp(value) : undefined;
  if (ms === undefined) throw new InvalidArgumentError('expected a date such as 2026-11-20');
  return ms;
}

/** --color and --no-color on a command: undefined means "colour on terminals". */
function colorOptions(cmd: Command): Command {
  return cmd.option('--color', 'colours even when the output is not a terminal').option('--no-color', 'no colours (also when NO_COLOR is set)');
}

export function buildProgram(setCode: (code: number) => void): Command {
  const program = new Command()
    .name('sellguard')
    .usage('<command> [options]')
    .description('Check Amazon seller data (buyer messages, offers, order reports) against policy files.')
    .version(pkg.version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command')
    .showHelpAfterError('(run sellguard --help to see the commands)')
    .configureOutput({ outputError: (s, write) => write(s.replace(/^error: /, 'sellguard: ')) })
    .exitOverride()
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  sellguard check policies/buyer-messaging.policy examples/buyer-messaging/messages.jsonl',
        '  sellguard test                                  # every policies/*.policy',
        '  sellguard fmt --check policies/*.policy',
        '  sellguard compile policies/buyer-messaging.policy --out build/',
        '',
        'Run sellguard <command> --help for the options of a command.',
      ].join('\n'),
    );

  addEngineOptions(colorOptions(
    program
      .command('check')
      .description('check data against a policy')
      .argument('<policy>', 'the .policy file')
      .argument('[inputs...]', 'JSONL, JSON, CSV or tab-separated files (.tsv, .txt: Amazon flat-file reports), Parquet with --engine duckdb; - reads standard input')
      .addOption(new Option('-f, --format <format>', 'a report for people (text) or programs (json)').choices(['text', 'json']).default('text'))
      .addOption(
        new Option('--fail-on <severity>', 'exit with 1 when a violation at or above this severity fires; records that cannot be read also fail, unless never')
          .choices(['error', 'warning', 'info', 'never'])
          .default('error'),
      )
      .addOption(new Option('--input-format <format>', 'read the inputs as this format instead of going by their extension').choices(['jsonl', 'json', 'csv', 'tsv']))
      .option('--as-of <date>', 'check as if today were this date (YYYY-MM-DD, UTC); default: today', asOfDate)
      .option('-o, --output <file>', 'write the report to a file instead of the screen')
      .option('--max-records <n>', 'show at most this many records in the text report (the summary counts all)', wholeNumber),
  ))
    .addHelpText(
      'after',
      `\nExamples:\n  sellguard check policies/buyer-messaging.policy examples/buyer-messaging/messages.jsonl\n  sellguard check policies/buyer-messaging.policy drafts.csv --format json > report.json\n  cat drafts.jsonl | sellguard check policies/buyer-messaging.policy -\n\n${EXIT_CODES_HELP}`,
    )
    .action(async (policy: string, inputs: string[], opts) => {
      setCode(await checkCommand(policy, inputs, opts));
    });

  colorOptions(
    program
      .command('test')
      .description("run the policies' own examples")
      .argument('[policies...]', '.policy files or folders (default: policies/*.policy)'),
  )
    .addHelpText('after', '\nExample:\n  sellguard test policies/buyer-messaging.policy\n\nExit codes: 0 every example passed; 1 one failed or a policy does not compile; 2 a policy file cannot be read.')
    .action((policies: string[], opts) => {
      setCode(testCommand(policies, opts));
    });

  colorOptions(
    program
      .command('fmt')
      .description('format policy files in place')
      .argument('<files...>', '.policy files; - formats standard input to standard output')
      .option('--check', 'change nothing: list the files that are not formatted and exit with 1 if any'),
  )
    .addHelpText('after', '\nExample:\n  sellguard fmt --check policies/*.policy\n\nExit codes: 0 done (or all formatted); 1 --check found files to format; 2 a file has syntax errors (it is left as it is) or cannot be read.')
    .action((files: string[], opts) => {
      setCode(fmtCommand(files, opts));
    });

  addSqlTargetOptions(colorOptions(
    program
      .command('compile')
      .description('compile a policy to JS and .d.ts')
      .argument('<policy>', 'the .policy file')
      .option('--out <dir>', 'the folder to write <policy-id>.js and <policy-id>.d.ts into (needed for --target js)'),
  ), asOfDate)
    .addHelpText('after', '\nExamples:\n  sellguard compile policies/buyer-messaging.policy --out build/\n  sellguard compile policies/account-health-orders.policy --target sql --dialect postgres --table sales.orders')
    .action((policy: string, opts) => {
      setCode(compileCommand(policy, opts));
    });

  colorOptions(
    program
      .command('tui')
      .description('review the records with problems in an interactive terminal view')
      .argument('<policy>', 'the .policy file')
      .argument('<inputs...>', 'JSONL, JSON, CSV or tab-separated files')
      .addOption(new Option('--input-format <format>', 'read the inputs as this format instead of going by their extension').choices(['jsonl', 'json', 'csv', 'tsv']))
      .option('-w, --watch', 'check again whenever the policy or a data file is saved')
      .option('--as-of <date>', 'check as if today were this date (YYYY-MM-DD, UTC); default: today', asOfDate),
  )
    .addHelpText('after', '\nExample:\n  sellguard tui policies/buyer-messaging.policy examples/buyer-messaging/messages.jsonl\n\nKeys: arrows or j/k move, Enter opens, Esc goes back, / searches, ? shows all keys, q quits.')
    .action(async (policy: string, inputs: string[], opts) => {
      // Loaded on demand: Ink and React are only needed for the interactive view.
      const { runTui } = await import('@sellguard/tui');
      setCode(await runTui({ policy, inputs, inputFormat: opts.inputFormat, watch: opts.watch, color: opts.color, asOf: opts.asOf ?? null }));
    });

  return program;
}

async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    const err = e as { code?: string; exitCode?: number };
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
    if (typeof err.code === 'string' && err.code.startsWith('commander.')) return EXIT.usage;
    if (e instanceof CliError || e instanceof PolicyFileError) {
      process.stderr.write(`sellguard: ${e.message}\n`);
      return e instanceof CliError ? e.code : EXIT.usage;
    }
    process.stderr.write(`sellguard: unexpected error: ${e instanceof Error ? e.message : String(e)}\n(this is a bug in Sellguard; please report it)\n`);
    return EXIT.usage;
  }
}

// `sellguard check … | head` closes the pipe early: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`sellguard: cannot write the output: ${e.message}\n`);
  process.exit(EXIT.usage);
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
