/** The options `check` and `watch` share, with their help texts. */
import { Option, type Command } from 'commander';
import { FORMATS } from '@sellguard/core';
import { threadCount, wholeNumber } from './values.js';
import { asOfOption, inputFormatOption } from './shared-options.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export const CHECK_EXAMPLES = [
  'Examples:',
  '  sellguard check policies/buyer-messaging.policy examples/buyer-messaging/messages.jsonl',
  '  sellguard check --policy policies/ "data/**/*.csv"               # several policies; inputs matched by their columns',
  '  sellguard check --pair policies/account-health-orders.policy=examples/orders/orders.csv --as-of 2026-11-20',
  '  sellguard check --format sarif=sellguard.sarif --format text     # two reports from one run',
  '  sellguard check --baseline sellguard-baseline.json --update-baseline   # accept today\'s violations',
  '  sellguard check                                                  # policies and inputs from sellguard.config.json',
  '  cat drafts.jsonl | sellguard check policies/buyer-messaging.policy -',
].join('\n');

export function checkOptions(cmd: Command): Command {
  return cmd
    .option('-p, --policy <file>', 'a .policy file, a folder of them, or a glob (repeatable)', collect)
    .option('--pair <policy=input>', 'check this input against this policy only (repeatable; the input may be a glob)', collect)
    .option('-c, --config <file>', 'the project config (default: sellguard.config.json, or "sellguard" in package.json)')
    .option('-f, --format <format[=file]>', `the report format: ${FORMATS.join(', ')}; repeat with =FILE for several reports (default: text)`, collect)
    .option('-o, --output <file>', 'write the report (the one without =FILE) to a file instead of the screen')
    .option('-q, --quiet', 'report errors only: no warnings or info, no progress line, no notes on standard error')
    .addOption(
      new Option('--fail-on <severity>', 'exit with 1 when a violation at or above this severity fires; records that cannot be read also fail, unless never (default: error)').choices([
        'error',
        'warning',
        'info',
        'never',
      ]),
    )
    .addOption(inputFormatOption(true))
    .addOption(asOfOption())
    .option('--max-records <n>', 'show at most this many records in the text report (the summary counts all)', wholeNumber)
    .option('--baseline <file>', 'violations recorded in this file do not fail the run; only new ones do')
    .option('--update-baseline', 'write every violation of this run to the baseline file (and pass)')
    .option('-j, --jobs <n>', 'read and check files on this many worker threads, each taking its own pieces of the file; the report is the same, in input order (default: 1, which keeps memory lowest; standard input, JSON documents and files under 64 KB are read on one thread)', threadCount)
    .option('-w, --watch', 'check again whenever a policy, an imported policy file or an input changes')
    .option('--no-cache', 'compile the policies afresh and keep nothing: by default a compiled policy is kept in ~/.cache/sellguard (or SELLGUARD_CACHE_DIR; SELLGUARD_CACHE=0 turns it off) and reused while the policy and the files it imports are unchanged');
}
