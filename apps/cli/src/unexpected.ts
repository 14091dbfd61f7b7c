/**
 * The last boundary of the command line: an error nobody expected (a bug, or
 * the machine running out of something) is said in plain words with what to
 * do, never as a stack trace, whether it reaches `main` or escapes it (an
 * error thrown in a stream's event handler, a promise nobody awaited).
 */

/** The message for an unexpected error: what happened, and what to do. */
export function unexpectedMessage(e: unknown): string {
  const what = e instanceof Error ? e.message : String(e);
  if (e instanceof RangeError && /heap|memory|allocation|Invalid (string|array) length/i.test(what)) {
    return `sellguard: ran out of memory (${what}); check fewer records at once, e.g. split the input file, and report this if it happens on a file under a few GB\n`;
  }
  return `sellguard: unexpected error: ${what}\n(this is a bug in Sellguard, not in your data or policy; please report it with the command you ran; your files were not changed)\n`;
}

/** Report errors that escape `main` the same way, and end with the usage exit code. */
export function catchEscapedErrors(exitCode: number): void {
  const report = (e: unknown) => {
    process.stderr.write(unexpectedMessage(e));
    process.exit(exitCode);
  };
  process.on('uncaughtException', report);
  process.on('unhandledRejection', report);
}
