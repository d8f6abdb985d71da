// @ts-check
// The breaking-change guard: the spec as its sources bundle now against the last released bundle. Every breaking
// change needs the pending changesets to give the spec, and every published package released with it, a
// breaking bump.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findBreakingChanges } from './breaking-changes.mjs';
import { withFreshBundle } from './fresh-bundle.mjs';
import { breakingBumpFor, isBreakingBump, pendingReleases } from './release-plan.mjs';
import { RELEASED_SPEC, SPEC_PACKAGE_NAME } from './spec-package.mjs';
import { listWorkspacePackages, packagesReleasedWithSpec, readChangesetConfig } from './workspace.mjs';

/**
 * @typedef {import('./breaking-changes.mjs').BreakingChange} BreakingChange
 * @typedef {{ name: string; version: string; needs: 'minor' | 'major'; planned: string }} MissingBump
 * @typedef {{ baseline: string; hasBaseline: boolean; changes: BreakingChange[]; missing: MissingBump[]; ok: boolean }} GuardResult
 */

/**
 * @param {{ root: string }} options
 * @returns {Promise<GuardResult>}
 */
export async function checkBreakingChanges({ root }) {
  const packages = await listWorkspacePackages(root);
  const spec = packages.find((pkg) => pkg.name === SPEC_PACKAGE_NAME);
  if (!spec) throw new Error(`No workspace package named ${SPEC_PACKAGE_NAME}.`);
  const baseline = join(spec.dir, RELEASED_SPEC);
  if (!existsSync(baseline)) {
    return { baseline, hasBaseline: false, changes: [], missing: [], ok: true };
  }
  const changes = await withFreshBundle(root, spec.dir, (bundle) => findBreakingChanges(baseline, bundle));
  /** @type {MissingBump[]} */
  const missing = [];
  if (changes.length > 0) {
    const planned = await pendingReleases(root);
    for (const pkg of [spec, ...packagesReleasedWithSpec(packages, readChangesetConfig(root))]) {
      const version = pkg.packageJson.version;
      const release = planned.get(pkg.name);
      if (release && isBreakingBump(release.oldVersion, release.newVersion)) continue;
      missing.push({
        name: pkg.name,
        version,
        needs: breakingBumpFor(version),
        planned:
          release && release.type !== 'none'
            ? `${release.type} (${version} -> ${release.newVersion})`
            : 'none',
      });
    }
  }
  return { baseline, hasBaseline: true, changes, missing, ok: missing.length === 0 };
}

/**
 * @param {GuardResult} result
 * @param {string} root
 * @returns {string}
 */
export function describeBreakingChanges(result, root) {
  const baseline = relative(root, result.baseline);
  if (!result.hasBaseline) {
    return `breaking-change guard: no released spec at ${baseline} yet (it is written by \`pnpm run version\`); nothing to compare.`;
  }
  if (result.changes.length === 0) {
    return `breaking-change guard: no breaking changes since the released spec (${baseline}).`;
  }
  const listed = result.changes.map((change) => `  - [${change.rule}] ${change.message}`);
  if (result.ok) {
    return [
      `breaking-change guard: ${result.changes.length} breaking change(s) since ${baseline}, covered by a pending breaking bump:`,
      ...listed,
    ].join('\n');
  }
  return [
    `breaking-change guard failed: ${result.changes.length} breaking change(s) since the released spec (${baseline}):`,
    ...listed,
    'These packages need a breaking bump in a pending changeset (0.x: minor, from 1.0.0: major):',
    ...result.missing.map((m) => `  ✗ ${m.name}@${m.version} needs ${m.needs}; pending: ${m.planned}`),
    'Fix: if the change is intended, run `pnpm changeset`, give those packages that bump, say what breaks for',
    'users, and commit the file. Otherwise change the spec so it stays compatible.',
  ].join('\n');
}
