// @ts-check
// The breaking-change guard: the spec as its sources bundle now against the last released bundle. Every breaking
// change needs the pending changesets to give the spec, and every published package released with it, a
// breaking bump.
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { findBreakingChanges } from './breaking-changes.mjs';
import { withFreshBundle } from './fresh-bundle.mjs';
import { fileAt, git } from './git.mjs';
import { breakingBumpFor, isBreakingBump, pendingReleases } from './release-plan.mjs';
import { RELEASED_SPEC, SPEC_PACKAGE_NAME } from './spec-package.mjs';
import { listWorkspacePackages, packagesReleasedWithSpec, readChangesetConfig } from './workspace.mjs';

/**
 * @typedef {import('./breaking-changes.mjs').BreakingChange} BreakingChange
 * @typedef {{ name: string; version: string; needs: 'minor' | 'major'; planned: string }} MissingBump
 * @typedef {{ baseline: string; hasBaseline: boolean; restoreFrom?: string; changes: BreakingChange[]; missing: MissingBump[]; ok: boolean }} GuardResult
 */

/**
 * The last commit of HEAD's history that has the released spec, when the working tree has lost it: a deleted
 * baseline must not read as "nothing released yet", which would switch the guard off. `undefined` when no
 * commit ever had it (or this is no git checkout, as in a package tarball).
 * @param {string} root
 * @param {string} path relative to the root
 * @returns {string | undefined}
 */
function lastCommitWith(root, path) {
  let last;
  try {
    last = git(root, ['log', '-1', '--format=%H', 'HEAD', '--', path]);
  } catch {
    return undefined;
  }
  if (last === '') return undefined;
  // That commit changed the file: it has it, unless it deleted it.
  return fileAt(root, last, path) === undefined ? git(root, ['rev-parse', `${last}~1`]) : last;
}

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
    const restoreFrom = lastCommitWith(root, relative(root, baseline).split(sep).join('/'));
    return restoreFrom === undefined
      ? { baseline, hasBaseline: false, changes: [], missing: [], ok: true }
      : { baseline, hasBaseline: false, restoreFrom, changes: [], missing: [], ok: false };
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
  if (!result.hasBaseline && result.restoreFrom !== undefined) {
    return [
      `breaking-change guard failed: the released spec ${baseline} is missing, though commit ${result.restoreFrom.slice(0, 12)} has it;`,
      'without it no change can be compared with the last release. Restore it (and commit it, if its deletion was):',
      `  git checkout ${result.restoreFrom} -- ${baseline}`,
    ].join('\n');
  }
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
