import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OperationId } from './spec.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** Response bodies from Plivo's own SDK test suites (see its SOURCES.txt), beside this repository. */
export const FIXTURES_DIR = join(REPO_ROOT, '../shared/reference/fixtures');

export interface Fixture {
  /** e.g. plivo-go/getMaskingSessionResponse.json */
  name: string;
  operationId: OperationId;
  /** The file exactly as Plivo's SDK repository holds it. */
  raw: string;
}

/** Every fixture of the two GET operations: the `*Get*` and `getSession` files, split by resource. */
export function getFixtures(): Fixture[] {
  if (!existsSync(FIXTURES_DIR)) {
    throw new Error(
      `the real-response fixtures are missing: expected them in ${FIXTURES_DIR} (../shared/reference/fixtures from the repository root)`,
    );
  }
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
