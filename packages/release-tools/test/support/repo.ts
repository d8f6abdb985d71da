import { fileURLToPath } from 'node:url';

/** The workspace this package lives in. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
