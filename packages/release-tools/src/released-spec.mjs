// @ts-check
// Records the bundle being released as the baseline of the breaking-change guard (openapi/released/).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { RELEASED_SPEC, SPEC_BUNDLE } from './spec-package.mjs';
import { findSpecPackage } from './workspace.mjs';

/**
 * Copies the spec bundle to the released-spec path (formatted the way the repo's Biome check expects) when
 * the spec is being released under a new version, or when nothing was recorded yet. A `pnpm run version`
 * that does not bump the spec leaves the baseline alone, so unreleased spec edits can never become it.
 * @param {string} root
 * @returns {Promise<{ bundle: string; released: string; version: string; recorded: boolean }>}
 */
export async function recordReleasedSpec(root) {
  const spec = await findSpecPackage(root);
  const bundle = join(spec.dir, SPEC_BUNDLE);
  const released = join(spec.dir, RELEASED_SPEC);
  if (!existsSync(bundle)) {
    throw new Error(
      `No bundled spec at ${relative(root, bundle)}. Build it first: pnpm --filter ${spec.name} build`,
    );
  }
  const version = infoVersion(bundle);
  if (version !== spec.packageJson.version) {
    throw new Error(
      `${relative(root, bundle)} says info.version ${version} but ${spec.name} is ${spec.packageJson.version}: ` +
        'sync and rebuild first (pnpm run version does both).',
    );
  }
  if (existsSync(released) && infoVersion(released) === version) {
    return { bundle, released, version, recorded: false };
  }
  mkdirSync(dirname(released), { recursive: true });
  copyFileSync(bundle, released);
  execFileSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', released], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { bundle, released, version, recorded: true };
}

/** @param {string} file */
function infoVersion(file) {
  return JSON.parse(readFileSync(file, 'utf8')).info?.version;
}
