// @ts-check
// What the pending changesets will release, as `changeset version` would compute it (dependents included).
import getReleasePlan from '@changesets/get-release-plan';

/**
 * @typedef {{ name: string; type: string; oldVersion: string; newVersion: string }} PlannedRelease
 */

/**
 * @param {string} root
 * @returns {Promise<Map<string, PlannedRelease>>}
 */
export async function pendingReleases(root) {
  const plan = await getReleasePlan(root);
  return new Map(plan.releases.map((release) => [release.name, release]));
}

/**
 * The bump users' version ranges treat as breaking. A caret range (`^0.3.1`) lets 0.x packages float only
 * across patches, so in 0.x a minor bump is the breaking one (0.3.1 -> 0.4.0); from 1.0.0 on it is a major.
 * @param {string} version
 * @returns {'minor' | 'major'}
 */
export function breakingBumpFor(version) {
  return majorOf(version) === 0 ? 'minor' : 'major';
}

/**
 * True when going from `oldVersion` to `newVersion` is outside every caret range that held `oldVersion`.
 * @param {string} oldVersion
 * @param {string} newVersion
 */
export function isBreakingBump(oldVersion, newVersion) {
  const [oldMajor, oldMinor] = parts(oldVersion);
  const [newMajor, newMinor] = parts(newVersion);
  if (newMajor > oldMajor) return true;
  return oldMajor === 0 && newMajor === 0 && newMinor > oldMinor;
}

/** @param {string} version */
function majorOf(version) {
  return parts(version)[0];
}

/**
 * @param {string} version
 * @returns {[number, number, number]}
 */
function parts(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) throw new Error(`Not a semver version: ${JSON.stringify(version)}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}
