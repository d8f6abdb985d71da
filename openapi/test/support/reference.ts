// Plivo's own material (response bodies from its SDK repositories, see SOURCES.txt there) is read where it lives,
// in `../shared/reference` beside the checkout, and is never copied into this repository. A suite that needs it
// asks `referenceAvailable()` first: without the folder the suite is skipped with one line naming the folder,
// unless PLIVO_REFERENCE=required (set by .ci/run) makes the absence a failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** `../shared/reference` beside the checkout (an input of this package's turbo test task). */
export const referenceDir = path.resolve(repoRoot, '../shared/reference');
export const fixturesDir = path.join(referenceDir, 'fixtures');

/**
 * True when the reference fixtures are there. Otherwise prints why `suite` is skipped and returns false, or,
 * with PLIVO_REFERENCE=required, throws an error naming the folder (the test file then fails).
 */
export function referenceAvailable(suite: string): boolean {
  if (existsSync(fixturesDir)) return true;
  const missing = `${fixturesDir} is missing (../shared/reference/fixtures beside the checkout)`;
  if (process.env.PLIVO_REFERENCE === 'required') {
    throw new Error(`PLIVO_REFERENCE=required, but ${missing}. Put Plivo's reference material there.`);
  }
  console.warn(`skipped ${suite}: ${missing}. Set PLIVO_REFERENCE=required to make this a failure.`);
  return false;
}

/** Every fixture file, relative to the fixtures folder (e.g. `plivo-go/getMaskingSessionResponse.json`). */
export function listFixtureFiles(): string[] {
  return readdirSync(fixturesDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.split(path.sep).join('/'))
    .sort();
}

// biome-ignore lint/suspicious/noExplicitAny: a fixture is any JSON body.
export function readFixture(relative: string): any {
  return JSON.parse(readFileSync(path.join(fixturesDir, relative), 'utf8'));
}
