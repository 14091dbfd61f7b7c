/** Options several commands take with the same meaning: one definition each, so their help reads alike. */
import { Option } from 'commander';
import { asOfDate } from './values.js';

/** `--input-format`: for one input ("the input") or several ("the inputs"). */
export function inputFormatOption(several: boolean): Option {
  const what = several ? 'the inputs as this format instead of going by their extension' : 'the input as this format instead of going by its extension';
  return new Option('--input-format <format>', `read ${what}`).choices(['jsonl', 'json', 'csv', 'tsv']);
}

/** `--as-of`: the day windows and today() count from. */
export function asOfOption(): Option {
  return new Option('--as-of <date>', 'check as if today were this date (YYYY-MM-DD, UTC); default: today').argParser(asOfDate);
}
