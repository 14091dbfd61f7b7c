/** The repository's root folder, for the fuzzers' fixtures. */
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
