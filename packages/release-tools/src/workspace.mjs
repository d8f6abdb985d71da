// @ts-check
// The workspace's packages as changesets sees them: same discovery library, same config file.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { getPackages } from '@manypkg/get-packages';
import { SPEC_PACKAGE_NAME } from './spec-package.mjs';

/**
 * @typedef {{
 *   name: string;
 *   version: string;
 *   private?: boolean;
 *   dependencies?: Record<string, string>;
 *   peerDependencies?: Record<string, string>;
 *   exports?: unknown;
 *   main?: string;
 *   types?: string;
 *   bin?: string | Record<string, string>;
 *   files?: string[];
 * }} PackageJson
 * @typedef {{ name: string; dir: string; relativeDir: string; packageJson: PackageJson; published: boolean }} WorkspacePackage
 */

/**
 * Every workspace package (the root excluded). `published` is what changesets will version and publish:
 * not private and not in `.changeset/config.json`'s `ignore`.
 * @param {string} root
 * @returns {Promise<WorkspacePackage[]>}
 */
export async function listWorkspacePackages(root) {
  const { packages } = await getPackages(root);
  const ignored = new Set(readChangesetConfig(root).ignore ?? []);
  return packages
    .map((pkg) => {
      const packageJson = /** @type {PackageJson} */ (/** @type {unknown} */ (pkg.packageJson));
      return {
        name: packageJson.name,
        dir: pkg.dir,
        relativeDir: relative(root, pkg.dir).split(sep).join('/'),
        packageJson,
        published: packageJson.private !== true && !ignored.has(packageJson.name),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * @param {string} root
 * @returns {{ ignore?: string[]; fixed?: string[][]; baseBranch?: string }}
 */
export function readChangesetConfig(root) {
  return JSON.parse(readFileSync(join(root, '.changeset/config.json'), 'utf8'));
}

/**
 * @param {string} root
 * @returns {Promise<WorkspacePackage>}
 */
export async function findSpecPackage(root) {
  const spec = (await listWorkspacePackages(root)).find((pkg) => pkg.name === SPEC_PACKAGE_NAME);
  if (!spec) throw new Error(`No workspace package named ${SPEC_PACKAGE_NAME} under ${root}.`);
  return spec;
}

/**
 * Published packages that a spec release releases too, so a spec break is theirs as well: the spec's changesets
 * `fixed` group (spec, client, mock kit: one version) and any published package that depends on the spec.
 * @param {WorkspacePackage[]} packages
 * @param {{ fixed?: string[][] }} config .changeset/config.json
 * @returns {WorkspacePackage[]}
 */
export function packagesReleasedWithSpec(packages, config) {
  const fixedWithSpec = new Set(
    (config.fixed ?? []).filter((group) => group.includes(SPEC_PACKAGE_NAME)).flat(),
  );
  return packages.filter(
    (pkg) =>
      pkg.published &&
      pkg.name !== SPEC_PACKAGE_NAME &&
      (fixedWithSpec.has(pkg.name) ||
        pkg.packageJson.dependencies?.[SPEC_PACKAGE_NAME] !== undefined ||
        pkg.packageJson.peerDependencies?.[SPEC_PACKAGE_NAME] !== undefined),
  );
}
