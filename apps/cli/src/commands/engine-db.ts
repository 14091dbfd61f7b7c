/** `sellguard check POLICY --db URL`: the metrics counted where the records live. */
import type { Report } from '@sellguard/core';
import { CliError } from '../io.js';

export async function checkDatabase(p: Parameters<typeof import('@sellguard/engines/db').checkDatabase>[0], url: string, asOf: number): Promise<Report> {
  // The error classes come from the engines' own copy of core (this command bundles another).
  const { checkDatabase: run, DbUrlError, NotPushableError } = await import('@sellguard/engines/db');
  try {
    return await run(p, url, { asOf });
  } catch (e) {
    if (e instanceof DbUrlError) throw new CliError(e.message);
    if (e instanceof NotPushableError) throw new CliError(`--db: ${e.message}; a database can only run policies whose rules all have a SQL form`);
    throw e;
  }
}
