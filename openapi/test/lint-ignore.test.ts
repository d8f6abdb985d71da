// Redocly's ignore file silences lint problems for good, and `redocly lint --generate-ignore-file` (which the
// linter itself suggests) would add every current problem to it. It may hold only the three paths that keep
// their trailing slash on purpose; anything else must be fixed, not ignored.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle, repoRoot } from './support/spec';

const IGNORE_FILE = path.join(repoRoot, '.redocly.lint-ignore.yaml');
const PATHS_WITH_SLASH = [
  '/v1/Account/{auth_id}/Masking/Session/',
  '/v1/Account/{auth_id}/Verify/Session/',
  '/v1/Account/{auth_id}/Verify/Session/{session_uuid}/',
];

describe('.redocly.lint-ignore.yaml', () => {
  const entries = readFileSync(IGNORE_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));

  it('ignores only the trailing slash of the three paths that keep it, with its reasons kept', () => {
    const pointer = (apiPath: string) => `    - "#/paths/${apiPath.replaceAll('/', '~1')}"`;
    expect(
      entries,
      'Fix a new lint problem instead of ignoring it (never run `redocly lint --generate-ignore-file`).',
    ).toEqual(['openapi/openapi.yaml:', '  no-path-trailing-slash:', ...PATHS_WITH_SLASH.map(pointer)]);
    expect(readFileSync(IGNORE_FILE, 'utf8')).toMatch(/keep their trailing slash/);
  });

  it('names paths the spec has', () => {
    const paths = Object.keys(loadBundle().paths);
    expect(PATHS_WITH_SLASH.filter((apiPath) => !paths.includes(apiPath))).toEqual([]);
  });
});
