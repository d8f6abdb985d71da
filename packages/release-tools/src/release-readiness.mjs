// @ts-check
// Before `pnpm release` publishes: what it publishes must be a commit everyone has, with its changesets
// already turned into versions. Otherwise the registry would get versions no commit records. Unlike the other
// checks, this one reads the working tree: that is what gets built and published.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isChangesetPath } from './changeset-check.mjs';
import { git } from './git.mjs';
import { readChangesetConfig } from './workspace.mjs';

/**
 * What stops a release from this clone, one message per problem, each with its fix; empty when it may go.
 * @param {string} root
 * @returns {string[]}
 */
export function releaseBlockers(root) {
  const problems = [];
  const pending = readdirSync(join(root, '.changeset'))
    .map((name) => `.changeset/${name}`)
    .filter(isChangesetPath);
  if (pending.length > 0) {
    problems.push(
      `${pending.length} changeset(s) not yet turned into versions (${pending.join(', ')}): run \`pnpm run version\`, review and commit the result as "Version Packages", push it, then rerun.`,
    );
  }
  const dirty = git(root, ['status', '--porcelain', '--untracked-files=normal']).split('\n').filter(Boolean);
  if (dirty.length > 0) {
    // `git()` trims the output, and with it the first line's leading status blank.
    const shown = dirty.slice(0, 5).map((line) => line.replace(/^\s*\S+\s+/, ''));
    const more = dirty.length > 5 ? `, +${dirty.length - 5} more` : '';
    problems.push(
      `the working tree has uncommitted changes (${shown.join(', ')}${more}): a release publishes exactly a commit, so commit or stash them.`,
    );
  }
  problems.push(...notOnUpstream(root));
  return problems;
}

/**
 * Whether HEAD is what the `origin` remote's base branch holds now: asked of the remote itself, since a local
 * `origin/main` may be stale, and refused when there is no `origin` to ask.
 * @param {string} root
 * @returns {string[]}
 */
function notOnUpstream(root) {
  const branch = readChangesetConfig(root).baseBranch ?? 'main';
  if (!git(root, ['remote']).split('\n').includes('origin')) {
    return [
      `this clone has no \`origin\` remote, so nothing shows that HEAD is pushed: release from a clone of the project's repository, with its ${branch} pushed.`,
    ];
  }
  let remote;
  try {
    remote = git(root, ['ls-remote', '--heads', 'origin', `refs/heads/${branch}`]).split(/\s/)[0] ?? '';
  } catch (error) {
    const reason = /** @type {{ stderr?: string }} */ (error).stderr?.trim() || String(error);
    return [
      `could not ask origin for its ${branch} (${reason}): check the remote and your network, then rerun.`,
    ];
  }
  if (remote === '') return [`origin has no branch ${branch}: push it first.`];
  const head = git(root, ['rev-parse', 'HEAD']);
  if (remote === head) return [];
  return [
    `HEAD (${head.slice(0, 12)}) is not origin's ${branch} (${remote.slice(0, 12)}): the release tags must name a commit everyone has. Push your commits (or pull), then rerun.`,
  ];
}
