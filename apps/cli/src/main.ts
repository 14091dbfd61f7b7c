#!/usr/bin/env node
/**
 * sellguard: check Amazon seller data against policy files.
 * Argument parsing and wiring only; the work is done by @sellguard/core.
 */
import { readFileSync } from 'node:fs';
import { Argument, Command, Option } from 'commander';
// Only what builds the command line is imported here; each command's code is
// imported when that command runs, so `sellguard --help` or a check of a
// cached policy never loads the compiler, the formatter or the terminal UI.
import { completionScript } from './commands/completion.js';
import { checkOptions, CHECK_EXAMPLES } from './options/check-options.js';
import { asOfDate, positiveNumber } from './options/values.js';
import { asOfOption, inputFormatOption } from './options/shared-options.js';
import { addEngineOptions } from './commands/engine.js';
import { addSqlTargetOptions } from './commands/compile-sql.js';
import { registerLspCommand } from './commands/lsp.js';
import { EXIT, EXIT_CODES_HELP } from './exit-codes.js';
import { CliError } from './cli-error.js';
import { catchEscapedErrors, unexpectedMessage } from './unexpected.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

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
        '  sellguard check --policy policies examples --format sarif=sellguard.sarif --format text',
        '  sellguard explain policies/buyer-messaging.policy examples/buyer-messaging/messages.jsonl --record 3',
        '  sellguard init                                  # a config, a policy and sample data to start from',
        '',
        'Run sellguard <command> --help for the options of a command.',
      ].join('\n'),
    );

  const check = program.command('check').description('check data against policies');
  addEngineOptions(checkOptions(colorOptions(check.argument('[files...]', 'data files, folders or globs (JSONL, JSON, CSV, TSV; - reads standard input); .policy files among them are policies'))))
    .addHelpText('after', `\n${CHECK_EXAMPLES}\n\n${EXIT_CODES_HELP}`)
    .action(async (files: string[], opts) => {
      setCode(opts.watch ? await (await import('./commands/watch.js')).watchCommand(files, opts) : await (await import('./commands/check.js')).checkCommand(files, opts));
    });

  const watch = program.command('watch').description('check again whenever a policy, an imported policy file or an input changes');
  checkOptions(colorOptions(watch.argument('[files...]', 'as for check')))
    .addHelpText('after', '\nExample:\n  sellguard watch --policy policies/buyer-messaging.policy drafts/\n\nStop it with Ctrl-C.')
    .action(async (files: string[], opts) => {
      setCode(await (await import('./commands/watch.js')).watchCommand(files, opts));
    });

  colorOptions(
    program
      .command('test')
      .description("run the policies' own examples")
      .argument('[policies...]', '.policy files or folders (default: policies/*.policy)')
      .addOption(new Option('-f, --format <format>', 'results for people (text) or programs (json, junit)').choices(['text', 'json', 'junit']).default('text'))
      .option('-o, --output <file>', 'write the results to a file instead of the screen')
      .option('--no-cache', 'compile the policies afresh and keep nothing in the cache of compiled policies (see sellguard check --help)'),
  )
    .addHelpText('after', '\nExample:\n  sellguard test policies/buyer-messaging.policy\n\nExit codes: 0 every example passed; 1 one failed or a policy does not compile; 2 a policy file cannot be read.')
    .action(async (policies: string[], opts) => {
      setCode(await (await import('./commands/test.js')).testCommand(policies, opts));
    });

  program
    .command('explain')
    .description('show why each rule fired or not on one record')
    .argument('<policy>', 'the .policy file')
    .argument('<input>', 'the data file')
    .option('-r, --record <n>', 'the record to explain, counting from 1', positiveNumber)
    .option('--where <field=value>', 'the first record whose field has this value, e.g. --where orderId=113-5550123-4567890')
    .addOption(inputFormatOption(false))
    .addOption(asOfOption())
    .option('--no-cache', 'compile the policy afresh and keep nothing in the cache of compiled policies (see sellguard check --help)')
    .addHelpText('after', '\nExamples:\n  sellguard explain policies/buyer-messaging.policy examples/buyer-messaging/messages.jsonl --record 3\n  sellguard explain policies/buyer-messaging.policy messages.jsonl --where orderId=113-5550123-4567890')
    .action(async (policy: string, input: string, opts) => {
      setCode(await (await import('./commands/explain.js')).explainCommand(policy, input, opts));
    });

  program
    .command('fix')
    .description("apply the policy's safe fixes and write the fixed records")
    .argument('<policy>', 'the .policy file')
    .argument('<input>', 'the data file (JSONL, JSON, CSV or TSV)')
    .option('-o, --output <file>', 'where to write the fixed records (in the input\'s own format)')
    .option('--dry-run', 'change nothing: print what would change as a unified diff')
    .addOption(inputFormatOption(false))
    .addOption(asOfOption())
    .option('--no-cache', 'compile the policy afresh and keep nothing in the cache of compiled policies (see sellguard check --help)')
    .addHelpText('after', '\nExamples:\n  sellguard fix policies/buyer-messaging.policy drafts.jsonl --output drafts.fixed.jsonl\n  sellguard fix policies/buyer-messaging.policy drafts.csv --dry-run\n\nExit codes: 0 done; 1 --dry-run found changes to make; 2 a usage error, a policy with errors or an unreadable input.')
    .action(async (policy: string, input: string, opts) => {
      setCode(await (await import('./commands/fix.js')).fixCommand(policy, input, opts));
    });

  program
    .command('init')
    .description('start a project: a config, a small policy with examples, sample data and an npm script')
    .argument('[folder]', 'where to create it', '.')
    .addHelpText('after', '\nExample:\n  mkdir my-shop && cd my-shop && sellguard init\n\nIt never overwrites a file: if one exists, nothing is written.')
    .action(async (folder: string) => {
      setCode((await import('./commands/init.js')).initCommand(folder));
    });

  program
    .command('completion')
    .description('print a shell completion script')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .addHelpText('after', `\nExamples:\n  sellguard completion bash > ~/.local/share/bash-completion/completions/sellguard\n  sellguard completion zsh > "\${fpath[1]}/_sellguard"\n  sellguard completion fish > ~/.config/fish/completions/sellguard.fish`)
    .action((shell: 'bash' | 'zsh' | 'fish') => {
      process.stdout.write(completionScript(shell, program));
    });

  colorOptions(
    program
      .command('fmt')
      .description('format policy files in place')
      .argument('<files...>', '.policy files; - formats standard input to standard output')
      .option('--check', 'change nothing: list the files that are not formatted and exit with 1 if any'),
  )
    .addHelpText('after', '\nExample:\n  sellguard fmt --check policies/*.policy\n\nExit codes: 0 done (or all formatted); 1 --check found files to format; 2 a file has syntax errors (it is left as it is) or cannot be read.')
    .action(async (files: string[], opts) => {
      setCode((await import('./commands/fmt.js')).fmtCommand(files, opts));
    });

  addSqlTargetOptions(colorOptions(
    program
      .command('compile')
      .description('compile a policy to a JavaScript module (ESM and CommonJS) with TypeScript types')
      .argument('<policy>', 'the .policy file')
      .option('--out <dir>', 'the folder to write <policy-id>.mjs, .cjs, .d.mts and .d.cts into (needed unless --target sql)'),
  ), asOfDate)
    .addHelpText(
      'after',
      "\nExamples:\n  sellguard compile policies/buyer-messaging.policy --out build/\n  sellguard compile policies/account-health-orders.policy --target sql --dialect postgres --table sales.orders\n\nThen, where @sellguard/core is installed:\n  import { check } from './build/buyer-messaging.mjs';       // ES modules\n  const { check } = require('./build/buyer-messaging.cjs');  // CommonJS",
    )
    .action(async (policy: string, opts) => {
      setCode((await import('./commands/compile.js')).compileCommand(policy, opts));
    });

  colorOptions(
    program
      .command('tui')
      .description('review the records with problems in an interactive terminal view')
      .argument('<policy>', 'the .policy file')
      .argument('<inputs...>', 'JSONL, JSON, CSV or tab-separated files')
      .addOption(inputFormatOption(true))
      .option('-w, --watch', 'check again whenever the policy or a data file is saved')
      .addOption(asOfOption())
      .option('--no-mouse', 'leave the mouse to the terminal (for selecting text) instead of clicking rows and scrolling with the wheel'),
  )
    .addHelpText('after', '\nExample:\n  sellguard tui policies/buyer-messaging.policy examples/buyer-messaging/messages.jsonl\n\nKeys: arrows or j/k move, Enter opens, Esc goes back, / searches, ? shows all keys, q quits.')
    .action(async (policy: string, inputs: string[], opts) => {
      // Loaded on demand: Ink and React are only needed for the interactive view.
      const { runTui } = await import('@sellguard/tui');
      setCode(await runTui({ policy, inputs, inputFormat: opts.inputFormat, watch: opts.watch, color: opts.color, asOf: opts.asOf ?? null, mouse: opts.mouse }));
    });

  registerLspCommand(program);

  // A usage error points at the help of the command that was run, not the whole program's.
  for (const cmd of program.commands) cmd.showHelpAfterError(`(run sellguard ${cmd.name()} --help to see its options)`);
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
    // A policy file that cannot be read (core's PolicyFileError, matched by name so that this start-up code does not load core).
    if (e instanceof CliError || (e instanceof Error && e.name === 'PolicyFileError')) {
      process.stderr.write(`sellguard: ${e.message}\n`);
      return e instanceof CliError ? e.code : EXIT.usage;
    }
    process.stderr.write(unexpectedMessage(e));
    return EXIT.usage;
  }
}

// `sellguard check … | head` closes the pipe early: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`sellguard: cannot write the output: ${e.message}\n`);
  process.exit(EXIT.usage);
});

catchEscapedErrors(EXIT.usage);
main(process.argv).then((code) => {
  process.exitCode = code;
});
