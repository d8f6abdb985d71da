// @ts-check
// The few git questions the release checks ask. The CI checks read commits only, never the working tree, so
// they give the same answer on a developer's machine and in CI (release-readiness.mjs, run before a publish,
// is the one that reads the working tree: that is what gets published).
import { execFileSync } from 'node:child_process';

/**
 * @param {string} cwd
 * @param {string[]} args
 * @returns {string}
 */
export function git(cwd, args) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/**
 * @param {string} cwd
 * @param {string} ref
 */
export function refExists(cwd, ref) {
  try {
    git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * The commit where HEAD left `ref`. On the base branch itself that is HEAD.
 * @param {string} cwd
 * @param {string} ref
 */
export function mergeBase(cwd, ref) {
  return git(cwd, ['merge-base', 'HEAD', ref]);
}

/**
 * Paths (relative to the repo root) that differ between two commits. Renames count as a delete plus an add.
 * @param {string} cwd
 * @param {string} from
 * @param {string} to
 * @param {{ filter?: string; under?: string }} [options] `filter` is git's --diff-filter (A = added only)
 * @returns {string[]}
 */
export function changedFiles(cwd, from, to, options = {}) {
  const args = ['diff', '--name-only', '--no-renames', '-z'];
  if (options.filter) args.push(`--diff-filter=${options.filter}`);
  args.push(from, to);
  if (options.under) args.push('--', options.under);
  return git(cwd, args).split('\0').filter(Boolean);
}

/**
 * The files that commits of `from..to` delete under `under`, each with the deleting commit, so its content can
 * be read at that commit's parent. Includes files both added and deleted within the range, which no diff of
 * its two ends shows (a changeset written and then consumed by `changeset version`).
 * @param {string} cwd
 * @param {string} from
 * @param {string} to
 * @param {string} under
 * @returns {{ commit: string; path: string }[]}
 */
export function deletionsInRange(cwd, from, to, under) {
  const log = git(cwd, [
    '-c',
    'core.quotePath=false',
    'log',
    // Every commit of the range: by default a path-limited log follows one side of a merge whose result that
    // side's files match, and hides the other side's deletions (a release on a branch that then merged main).
    '--full-history',
    '--no-renames',
    '--diff-filter=D',
    '--name-only',
    '--format=commit %H',
    `${from}..${to}`,
    '--',
    under,
  ]);
  /** @type {{ commit: string; path: string }[]} */
  const deletions = [];
  let commit = '';
  for (const line of log.split('\n')) {
    if (line.startsWith('commit ')) commit = line.slice('commit '.length);
    else if (line !== '') deletions.push({ commit, path: line });
  }
  return deletions;
}

/**
 * A file's content at a commit, or undefined when it does not exist there.
 * @param {string} cwd
 * @param {string} ref
 * @param {string} path relative to the repo root
 * @returns {string | undefined}
 */
export function fileAt(cwd, ref, path) {
  try {
    return execFileSync('git', ['show', `${ref}:${path}`], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
}

/**
 * Why git could not make the release commit's annotated tags here, or undefined when it can: `changeset
 * publish` tags every published package (`git tag -a`), which needs a committer name and email. Accepts what git
 * accepts explicitly: `user.name`/`user.email` at any configuration level, or the GIT_COMMITTER_* variables.
 * @param {string} cwd
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | undefined}
 */
export function missingGitIdentity(cwd, env = process.env) {
  /** @param {string} key */
  const configured = (key) => {
    try {
      return execFileSync('git', ['config', key], {
        cwd,
        env,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      return '';
    }
  };
  const missing = [
    !(env.GIT_COMMITTER_NAME || configured('user.name')) && 'user.name',
    !(env.GIT_COMMITTER_EMAIL || configured('user.email')) && 'user.email',
  ].filter(Boolean);
  if (missing.length === 0) return undefined;
  return [
    `git has no ${missing.join(' and no ')} here, and \`changeset publish\` tags every package it publishes (git tag -a).`,
    'Set the identity the release tags should carry, for this clone or for your user, then rerun:',
    '  git config user.name "Your Name"        (add --global for every repository)',
    '  git config user.email "you@example.com"',
    'In CI, set GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL (and GIT_AUTHOR_NAME, GIT_AUTHOR_EMAIL) instead.',
  ].join('\n');
}
