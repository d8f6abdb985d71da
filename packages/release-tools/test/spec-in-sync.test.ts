// The repo itself: the spec's info.version, in the source and in the bundle users get, equals its package version.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPEC_BUNDLE, SPEC_SOURCE } from '../src/spec-package.mjs';
import { readInfoVersion } from '../src/spec-version.mjs';
import { findSpecPackage } from '../src/workspace.mjs';
import { repoRoot } from './support/repo.js';

describe('@plivo-openapi/spec version', async () => {
  const spec = await findSpecPackage(repoRoot);
  const fix =
    'Run `pnpm run version` (or `node packages/release-tools/bin/sync-spec-version.mjs`) to copy it over.';

  it('openapi.yaml info.version equals package.json version', () => {
    const source = readInfoVersion(readFileSync(join(spec.dir, SPEC_SOURCE), 'utf8'));
    expect(source, `openapi.yaml says ${source}, package.json ${spec.packageJson.version}. ${fix}`).toBe(
      spec.packageJson.version,
    );
  });

  it('the bundled openapi.json carries the same info.version', () => {
    const bundle = join(spec.dir, SPEC_BUNDLE);
    expect(existsSync(bundle), `no bundle at ${bundle}: turbo builds it before this test`).toBe(true);
    const { info } = JSON.parse(readFileSync(bundle, 'utf8'));
    expect(info.version).toBe(spec.packageJson.version);
  });
});
