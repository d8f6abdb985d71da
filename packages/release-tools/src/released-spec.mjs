// @ts-check
// Records the bundle being released as the baseline of the breaking-change guard (openapi/released/).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { RELEASED_SPEC, SPEC_BUNDLE } from './spec-package.mjs';
import { findSpecPackage } from './workspace.mjs';

/**
 * Copies the spec bundle to the released-spec path and formats it the way the repo's Biome check expects.
 * @param {string} root
 * @returns {Promise<{ bundle: string; released: string }>}
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
  mkdirSync(dirname(released), { recursive: true });
  copyFileSync(bundle, released);
  execFileSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', released], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { bundle, released };
}
