/** Its own module so that the start of the program can catch it without loading the diagnostics renderer. */
import { EXIT } from './exit-codes.js';

/** An error for people: printed as `sellguard: <message>`, then the process exits with `code`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.usage,
  ) {
    super(message);
  }
}
