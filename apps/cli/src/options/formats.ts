/**
 * `--format NAME[=FILE]`, repeatable: several reports from one run, e.g.
 * `--format sarif=out.sarif --format text`. A format without a file goes to
 * `--output FILE` when given, else to standard output; only one report can
 * go to standard output.
 */
import { FORMATS, type ReportFormat } from '@sellguard/core';
import { CliError } from '../io.js';

export interface FormatTarget {
  format: ReportFormat;
  /** undefined: standard output. */
  file?: string;
}

export function parseFormats(specs: readonly string[], output: string | undefined, command = 'check'): FormatTarget[] {
  const list = specs.length > 0 ? specs : ['text'];
  const targets = list.map((spec): FormatTarget => {
    const eq = spec.indexOf('=');
    const name = (eq < 0 ? spec : spec.slice(0, eq)).trim();
    const file = eq < 0 ? undefined : spec.slice(eq + 1).trim();
    if (!(FORMATS as readonly string[]).includes(name)) {
      throw new CliError(`--format ${spec}: '${name}' is not a report format; use one of ${FORMATS.join(', ')}, optionally with =FILE (see sellguard ${command} --help)`);
    }
    if (file === '') throw new CliError(`--format ${spec}: the file name after = is missing, e.g. --format ${name}=report.${name} (see sellguard ${command} --help)`);
    return { format: name as ReportFormat, ...(file !== undefined ? { file } : {}) };
  });
  const toStdout = targets.filter((t) => t.file === undefined);
  if (output !== undefined) {
    if (toStdout.length === 0) throw new CliError(`--output ${output}: every --format already names its file; drop --output or a =FILE (see sellguard ${command} --help)`);
    if (toStdout.length > 1) throw new CliError(`--output ${output}: ${toStdout.map((t) => t.format).join(' and ')} would both be written to it; give each its own file with --format NAME=FILE (see sellguard ${command} --help)`);
    toStdout[0].file = output;
  } else if (toStdout.length > 1) {
    throw new CliError(`${toStdout.map((t) => t.format).join(' and ')} cannot both go to the screen; write one to a file, e.g. --format ${toStdout[1].format}=report.${toStdout[1].format} (see sellguard ${command} --help)`);
  }
  const files = targets.map((t) => t.file).filter((f): f is string => f !== undefined);
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice) throw new CliError(`two reports would be written to '${twice}'; give each format its own file (see sellguard ${command} --help)`);
  return targets;
}
