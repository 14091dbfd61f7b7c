/** Output helpers: colour only for terminals that want it, plain errors, exit codes. */
import { renderDiagnostic, type Diagnostic } from '@sellguard/dsl';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * Colour only when writing to a terminal, and never with --no-color (commander
 * then passes false) or when NO_COLOR is set. FORCE_COLOR forces it.
 */
export function useColor(stream: NodeJS.WriteStream, flag?: boolean): boolean {
  if (flag === false) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.usage,
  ) {
    super(message);
  }
}

export function printDiagnostics(diagnostics: Diagnostic[], source: string, fileName: string, color: boolean): void {
  for (const d of diagnostics) process.stderr.write(`${renderDiagnostic(d, source, { fileName, color })}\n\n`);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const parts = [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''].filter(Boolean);
  if (parts.length) process.stderr.write(`${fileName}: ${parts.join(', ')}\n`);
}
