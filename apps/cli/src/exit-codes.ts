/**
 * The exit codes of every sellguard command, in one place:
 *
 *   0  success: nothing at or above --fail-on fired, every example passed, files are formatted
 *   1  the data or the policy's examples failed: a violation at or above --fail-on, a record that
 *      could not be read (unless --fail-on never), a failed example, a file fmt --check would change
 *   2  sellguard could not do its job: a usage error, a policy with errors, an input that cannot be
 *      opened, a file with syntax errors given to fmt
 */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODES_HELP =
  'Exit codes: 0 nothing at or above --fail-on fired; 1 something did, or a record could not be read ' +
  '(invalid records count as failures unless --fail-on never); 2 a usage error, a policy with errors, ' +
  'or an input that cannot be opened.';
