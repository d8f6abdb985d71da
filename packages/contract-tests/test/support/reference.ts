// Plivo's own material (response bodies from its SDK repositories, see SOURCES.txt there) is read where it lives,
// in `../shared/reference` beside the checkout, and is never copied into this repository. A suite that needs it
// asks `referenceAvailable()` first: without the folder the suite is skipped with one line naming the folder,
// unless PLIVO_REFERENCE=required (set by .ci/run) makes the absence a failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OperationId } from './spec.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** `../shared/reference` beside the checkout (an input of this package's turbo test task). */
export const REFERENCE_DIR = join(REPO_ROOT, '../shared/reference');
export const FIXTURES_DIR = join(REFERENCE_DIR, 'fixtures');

/**
 * True when the reference fixtures are there. Otherwise prints why `suite` is skipped and returns false, or,
 * with PLIVO_REFERENCE=required, throws an error naming the folder (the test file then fails).
 */
export function referenceAvailable(suite: string): boolean {
  if (existsSync(FIXTURES_DIR)) return true;
  const missing = `${FIXTURES_DIR} is missing (../shared/reference/fixtures beside the checkout)`;
  if (process.env.PLIVO_REFERENCE === 'required') {
    throw new Error(`PLIVO_REFERENCE=required, but ${missing}. Put Plivo's reference material there.`);
  }
  console.warn(`skipped ${suite}: ${missing}. Set PLIVO_REFERENCE=required to make this a failure.`);
  return false;
}

export interface Fixture {
  /** e.g. plivo-go/getMaskingSessionResponse.json */
  name: string;
  operationId: OperationId;
  /** The file exactly as Plivo's SDK repository holds it. */
  raw: string;
}

/** Every fixture of the two GET operations: the `*Get*` and `getSession` files, split by resource. */
export function getFixtures(): Fixture[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((sdk) =>
      readdirSync(join(FIXTURES_DIR, sdk.name))
        .filter((file) => file.endsWith('.json') && /get/i.test(file))
        .map((file) => ({
          name: `${sdk.name}/${file}`,
          operationId: /masking/i.test(file) ? ('getMaskingSession' as const) : ('getVerifySession' as const),
          raw: readFileSync(join(FIXTURES_DIR, sdk.name, file), 'utf8'),
        })),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}
