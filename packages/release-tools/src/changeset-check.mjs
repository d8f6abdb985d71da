// @ts-check
// "Does this change carry a changeset?" Compares HEAD with its merge base on the base branch: every published
// package whose shipped source changed must be named by a changeset added in that range, unless the range
// is a release (it bumps the package's version and consumes changesets, as `pnpm run version` does) or adds an
// empty changeset (`pnpm changeset --empty`, which says "no release needed"), which never stands for a change
// to the spec's sources or to generated code. A version edited by hand fails, and so do members of a `fixed`
// group whose versions differ.
// Not `changeset status --since`: it fails only when packages changed and there is no changeset at all, so a
// spec changeset would cover a client change; it also counts test and prose files as changes.
import parseChangeset from '@changesets/parse';
import { changedFiles, deletionsInRange, fileAt, git, mergeBase, refExists } from './git.mjs';
import { ROOT_BUNDLE_CONFIG, SPEC_PACKAGE_NAME } from './spec-package.mjs';
import { listWorkspacePackages, readChangesetConfig } from './workspace.mjs';

/** The spec package's files that are its tooling and prose, not the document or what it `$ref`s. */
const SPEC_PACKAGE_TOOLING =
  /^(package\.json|tsconfig\.json|turbo\.json|vitest\.config\.[cm]?[jt]s|README\.md|CHANGELOG\.md|LICENSE)$|^(test|released)\//;

/**
 * Tests, benchmarks, test configs and prose don't change what users install, so they need no release. In the
 * spec package a Markdown file other than its README or changelog may be a description the document `$ref`s.
 * @param {string} pathInPackage a path relative to the package's folder
 * @param {string} [packageName]
 */
export function isReleaseRelevant(pathInPackage, packageName) {
  if (/^(test|tests|__tests__|bench|fixtures)\//.test(pathInPackage)) return false;
  if (/(^|\/)__tests__\//.test(pathInPackage)) return false;
  if (/\.(test|spec|bench)\.[cm]?[jt]sx?$/.test(pathInPackage)) return false;
  if (/^vitest\.config\.[cm]?[jt]s$/.test(pathInPackage)) return false;
  if (/\.md$/i.test(pathInPackage))
    return packageName === SPEC_PACKAGE_NAME && !SPEC_PACKAGE_TOOLING.test(pathInPackage);
  return true;
}

/**
 * Whether an empty changeset ("users get nothing different") may stand for these changed files of a package:
 * not for the spec document (every file of the spec package but its tooling, and the root redocly.yaml), which
 * is what the spec package publishes and what the client's types and the mock are built from, even for a
 * comment; nor for code generated from it. One empty changeset covers a whole range, so without this a
 * refactor's "no release needed" would also let a spec change through unreleased.
 * @param {string} packageName
 * @param {string[]} pathsInPackage paths relative to the package's folder (the root config as `redocly.yaml`)
 */
export function emptyChangesetMayCover(packageName, pathsInPackage) {
  return !pathsInPackage.some(
    (path) =>
      path.startsWith('src/generated/') ||
      (packageName === SPEC_PACKAGE_NAME && !SPEC_PACKAGE_TOOLING.test(path)),
  );
}

/**
 * The base branch to compare with: CHANGESET_BASE_REF if set, else origin/<baseBranch>, else <baseBranch>.
 * Throws when none exists (a single-branch clone of another branch, a detached HEAD without the base):
 * comparing HEAD with itself would pass any change.
 * @param {string} root
 * @param {NodeJS.ProcessEnv} env
 */
export function resolveBaseRef(root, env = process.env) {
  if (env.CHANGESET_BASE_REF) {
    if (!refExists(root, env.CHANGESET_BASE_REF)) {
      throw new Error(
        `CHANGESET_BASE_REF=${env.CHANGESET_BASE_REF} is not a commit in this clone. Fetch it first.`,
      );
    }
    return env.CHANGESET_BASE_REF;
  }
  const baseBranch = /** @type {{ baseBranch?: string }} */ (readChangesetConfig(root)).baseBranch ?? 'main';
  for (const candidate of [`origin/${baseBranch}`, baseBranch]) {
    if (refExists(root, candidate)) return candidate;
  }
  throw new Error(
    `Neither origin/${baseBranch} nor ${baseBranch} is in this clone, so there is nothing to compare HEAD with. ` +
      `Fetch it (\`git fetch origin ${baseBranch}:refs/remotes/origin/${baseBranch}\`) or set CHANGESET_BASE_REF to the commit this change starts from.`,
  );
}

/**
 * @typedef {'covered' | 'releasing' | 'no-release-declared' | 'empty-not-enough' | 'hand-bumped' | 'changed-after-release' | 'missing'} PackageVerdict
 * @typedef {{ name: string; files: string[]; verdict: PackageVerdict }} PackageResult
 * @typedef {{
 *   base: string;
 *   baseRef: string;
 *   changesets: string[];
 *   packages: PackageResult[];
 *   unevenFixedGroups: string[][];
 *   unknownNames: { file: string; name: string }[];
 *   ok: boolean;
 * }} ChangesetCheck
 */

/**
 * @param {{ root: string; baseRef?: string }} options
 * @returns {Promise<ChangesetCheck>}
 */
export async function checkChangesets({ root, baseRef = resolveBaseRef(root) }) {
  const base = findMergeBase(root, baseRef);
  const changed = changedFiles(root, base, 'HEAD');

  const added = changedFiles(root, base, 'HEAD', { filter: 'A', under: '.changeset' }).filter(
    isChangesetPath,
  );
  const changesets = added.map((path) => parsed(path, fileAt(root, 'HEAD', path)));
  // A `none` bump releases nothing: it neither names a package nor stands for a change, as an empty one does.
  const releasing = changesets.map((changeset) => changeset.releases.filter(({ type }) => type !== 'none'));
  const named = new Set(releasing.flatMap((releases) => releases.map((release) => release.name)));
  const noReleaseDeclared = releasing.some((releases) => releases.length === 0);
  // `changeset version` deletes the changesets it turns into versions: what those named was released. A
  // changeset naming one member of a `fixed` group releases the whole group.
  const fixedGroups = readChangesetConfig(root).fixed ?? [];
  const released = new Set(
    deletionsInRange(root, base, 'HEAD', '.changeset')
      .filter(({ path }) => isChangesetPath(path))
      .flatMap(({ commit, path }) => parsed(path, fileAt(root, `${commit}^`, path)).releases)
      .filter(({ type }) => type !== 'none')
      .flatMap(({ name }) => fixedGroups.find((group) => group.includes(name)) ?? [name]),
  );
  const workspace = await listWorkspacePackages(root);

  /** @type {PackageResult[]} */
  const packages = [];
  for (const pkg of workspace) {
    if (!pkg.published) continue;
    const prefix = pkg.relativeDir === '' ? '' : `${pkg.relativeDir}/`;
    const files = changed.filter(
      (path) => path.startsWith(prefix) && isReleaseRelevant(path.slice(prefix.length), pkg.name),
    );
    if (pkg.name === SPEC_PACKAGE_NAME && changed.includes(ROOT_BUNDLE_CONFIG))
      files.push(ROOT_BUNDLE_CONFIG);
    if (files.length === 0) continue;
    /** @param {string[]} judged @returns {PackageVerdict} */
    const coverage = (judged) => {
      if (named.has(pkg.name)) return 'covered';
      if (!noReleaseDeclared) return 'missing';
      const inPackage = judged.map((path) => (path.startsWith(prefix) ? path.slice(prefix.length) : path));
      return emptyChangesetMayCover(pkg.name, inPackage) ? 'no-release-declared' : 'empty-not-enough';
    };
    // The version first: a hand-edited one is wrong even beside a changeset.
    if (!versionChanged(root, base, `${prefix}package.json`)) {
      packages.push({ name: pkg.name, files, verdict: coverage(files) });
    } else if (!released.has(pkg.name)) {
      packages.push({ name: pkg.name, files, verdict: 'hand-bumped' });
    } else {
      // What changed after the release commit is not in that release: it needs a changeset of its own.
      const since = new Set(changedSince(root, lastVersionCommit(root, base, `${prefix}package.json`), base));
      const later = files.filter((path) => since.has(path));
      const verdict = later.length === 0 ? 'releasing' : coverage(later);
      packages.push({
        name: pkg.name,
        files: later.length === 0 ? files : later,
        verdict: verdict === 'missing' ? 'changed-after-release' : verdict,
      });
    }
  }
  const unevenFixedGroups = unevenGroups(root, workspace, fixedGroups);
  // A name no package has would pass here and stop `changeset version` at release time.
  const names = new Set(workspace.map((pkg) => pkg.name));
  const unknownNames = added.flatMap((file, index) =>
    (changesets[index]?.releases ?? [])
      .filter(({ name }) => !names.has(name))
      .map(({ name }) => ({ file, name })),
  );
  return {
    base,
    baseRef,
    changesets: added,
    packages,
    unevenFixedGroups,
    unknownNames,
    ok: !packages.some(failed) && unevenFixedGroups.length === 0 && unknownNames.length === 0,
  };
}

/**
 * Whether a repository path is a changeset (a `.changeset/*.md` file other than its README).
 * @param {string} path
 */
export const isChangesetPath = (path) =>
  /^\.changeset\/[^/]+\.md$/.test(path) && path !== '.changeset/README.md';

/**
 * @param {string} path
 * @param {string | undefined} text
 */
function parsed(path, text) {
  try {
    return parseChangeset(text ?? '');
  } catch (error) {
    throw new Error(`${path} is not a valid changeset: ${/** @type {Error} */ (error).message}`);
  }
}

/**
 * The `fixed` groups whose members are not on one version at HEAD (as `name@version` lists): changesets keeps
 * them together, so a difference is a hand edit.
 * @param {string} root
 * @param {import('./workspace.mjs').WorkspacePackage[]} workspace
 * @param {string[][]} fixedGroups
 */
function unevenGroups(root, workspace, fixedGroups) {
  const versions = new Map();
  for (const pkg of workspace) {
    const manifest = fileAt(root, 'HEAD', `${pkg.relativeDir}/package.json`);
    if (manifest !== undefined) versions.set(pkg.name, JSON.parse(manifest).version);
  }
  return fixedGroups
    .map((group) => group.filter((name) => versions.has(name)))
    .filter((group) => new Set(group.map((name) => versions.get(name))).size > 1)
    .map((group) => group.map((name) => `${name}@${versions.get(name)}`));
}

/**
 * @param {string} root
 * @param {string} baseRef
 */
function findMergeBase(root, baseRef) {
  try {
    return mergeBase(root, baseRef);
  } catch {
    throw new Error(
      `HEAD and ${baseRef} share no commit in this clone. A shallow clone lacks the history: ` +
        `run \`git fetch --unshallow\` (or check out with full depth), then rerun.`,
    );
  }
}

/**
 * True when the range changes the package's version (a `changeset version` commit, or a hand edit); false for
 * a package the range adds, which is judged by its changesets like any change.
 * @param {string} root
 * @param {string} base
 * @param {string} packageJsonPath
 */
function versionChanged(root, base, packageJsonPath) {
  const before = fileAt(root, base, packageJsonPath);
  const after = fileAt(root, 'HEAD', packageJsonPath);
  if (before === undefined || after === undefined) return false;
  return JSON.parse(before).version !== JSON.parse(after).version;
}

/**
 * The files the range's own commits after `commit` change: not what a merge of the base branch brought in, which
 * that branch's own changesets cover.
 * @param {string} root
 * @param {string} commit
 * @param {string} base
 */
function changedSince(root, commit, base) {
  const log = git(root, [
    '-c',
    'core.quotePath=false',
    'log',
    '--no-merges',
    '--no-renames',
    '--format=',
    '--name-only',
    `${commit}..HEAD`,
    '--not',
    base,
  ]);
  return log.split('\n').filter(Boolean);
}

/**
 * The newest commit of `base..HEAD` that changes the version in `packageJsonPath` (the `changeset version` commit).
 * @param {string} root
 * @param {string} base
 * @param {string} packageJsonPath
 */
function lastVersionCommit(root, base, packageJsonPath) {
  const version = (/** @type {string} */ ref) =>
    JSON.parse(fileAt(root, ref, packageJsonPath) ?? '{}').version;
  const commits = git(root, [
    'log',
    '--full-history',
    '--format=%H',
    `${base}..HEAD`,
    '--',
    packageJsonPath,
  ]).split('\n');
  return commits.find((commit) => version(commit) !== version(`${commit}^`)) ?? base;
}

/**
 * @param {ChangesetCheck} result
 * @returns {string}
 */
export function describeChangesetCheck(result) {
  const range = `${result.baseRef} (merge base ${result.base.slice(0, 12)})..HEAD`;
  if (
    result.packages.length === 0 &&
    result.unevenFixedGroups.length === 0 &&
    result.unknownNames.length === 0
  ) {
    return `changeset check: no published package's source changed since ${range}.`;
  }
  const lines = result.packages.map((pkg) => {
    const shown =
      pkg.files.slice(0, 5).join(', ') + (pkg.files.length > 5 ? `, +${pkg.files.length - 5} more` : '');
    const why = {
      covered: 'named by a changeset',
      releasing: 'its version is bumped in this range (release commit)',
      'no-release-declared': 'an empty changeset says no release is needed',
      'empty-not-enough':
        'NO CHANGESET: an empty one cannot stand for a change to the spec or to generated code, which users get',
      'hand-bumped': 'VERSION EDITED BY HAND: it changed in this range, but no changeset was consumed',
      'changed-after-release':
        'NO CHANGESET for what changed after its release commit, which that release does not have',
      missing: 'NO CHANGESET',
    }[pkg.verdict];
    return `  ${failed(pkg) ? '✗' : '✓'} ${pkg.name}: ${why} (changed: ${shown})`;
  });
  for (const group of result.unevenFixedGroups) {
    lines.push(`  ✗ one fixed group (.changeset/config.json) on several versions: ${group.join(', ')}`);
  }
  for (const { file, name } of result.unknownNames) {
    lines.push(`  ✗ ${file} names ${name}, which is no package of this workspace`);
  }
  if (result.ok)
    return [`changeset check: every changed package is accounted for since ${range}.`, ...lines].join('\n');
  const fixes = [];
  if (result.packages.some((pkg) => pkg.verdict === 'empty-not-enough')) {
    fixes.push(
      'Fix a spec or generated-code change under an empty changeset: run `pnpm changeset`, name the packages marked',
      '✗ with the bump CONTRIBUTING.md asks for (a patch for a description or example), and commit that file too.',
    );
  }
  if (result.packages.some((pkg) => pkg.verdict === 'missing' || pkg.verdict === 'changed-after-release')) {
    fixes.push(
      'Fix a missing changeset: run `pnpm changeset`, pick the packages marked ✗ and the bump CONTRIBUTING.md asks',
      'for, and commit the new .changeset/*.md file. If the change needs no release (e.g. an internal refactor with',
      'identical output), run `pnpm changeset --empty` and commit that file instead; not for a change to the spec or',
      "to the client's src/generated/, which users get (a spec change that regenerates the client's types names",
      'both packages in one changeset).',
    );
  }
  if (result.packages.some((pkg) => pkg.verdict === 'hand-bumped') || result.unevenFixedGroups.length > 0) {
    fixes.push(
      'Fix a hand-edited version: put the version back and add a changeset instead; versions change only through',
      '`pnpm run version`, which bumps a fixed group together and writes the changelogs.',
    );
  }
  if (result.unknownNames.length > 0) {
    fixes.push(
      'Fix a changeset naming an unknown package: correct the name in that file (`changeset version` would stop on it',
      'at release time), or delete the file and run `pnpm changeset`, which offers only the packages there are.',
    );
  }
  return [`changeset check failed since ${range}:`, ...lines, ...fixes].join('\n');
}

/** @param {PackageResult} pkg */
const failed = (pkg) =>
  pkg.verdict === 'missing' ||
  pkg.verdict === 'changed-after-release' ||
  pkg.verdict === 'empty-not-enough' ||
  pkg.verdict === 'hand-bumped';
