// `pnpm release` refuses to publish what no pushed commit records: pending changesets, uncommitted changes, or
// a HEAD that is not the base branch's upstream.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { releaseBlockers } from '../src/release-readiness.mjs';
import { changesetFile, createFixtureWorkspace, type FixtureWorkspace } from './support/fixture-workspace.js';

const bin = join(import.meta.dirname, '../bin/check-release-ready.mjs');
let repo: FixtureWorkspace;
let upstream: FixtureWorkspace;

beforeEach(() => {
  repo = createFixtureWorkspace();
  // A second repository stands in for the remote the release is pushed to.
  upstream = createFixtureWorkspace();
  upstream.git('fetch', '--quiet', repo.root, 'main');
  upstream.git('reset', '--quiet', '--hard', 'FETCH_HEAD');
  repo.git('remote', 'add', 'origin', upstream.root);
  repo.git('fetch', '--quiet', 'origin');
});
afterEach(() => {
  repo.dispose();
  upstream.dispose();
});

const check = () => spawnSync(process.execPath, [bin], { cwd: repo.root, encoding: 'utf8' });

describe('release readiness', () => {
  it('lets a clean, pushed commit without pending changesets go', () => {
    expect(releaseBlockers(repo.root)).toEqual([]);
    expect(check()).toMatchObject({ status: 0, stderr: '' });
  });

  it('refuses pending changesets, naming them and the steps that turn them into versions', () => {
    repo.write('.changeset/brave-cats-run.md', changesetFile({ '@plivo-openapi/spec': 'minor' }));
    repo.commit('a change with its changeset');
    repo.git('push', '--quiet', 'origin', 'main:refs/heads/pushed');
    repo.git('fetch', '--quiet', 'origin', '+refs/heads/pushed:refs/remotes/origin/main');
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('pnpm release: nothing was published, because');
    expect(result.stderr).toContain(
      '1 changeset(s) not yet turned into versions (.changeset/brave-cats-run.md)',
    );
    expect(result.stderr).toContain('run `pnpm run version`, review and commit the result');
    expect(result.stderr).not.toContain('HEAD is not');
  });

  it('refuses uncommitted changes, naming the files', () => {
    repo.write('packages/client/src/index.ts', 'export const client = 2;\n');
    repo.write('packages/client/src/new.ts', 'export {};\n');
    const [problem, ...others] = releaseBlockers(repo.root);
    expect(others).toEqual([]);
    expect(problem).toBe(
      'the working tree has uncommitted changes (packages/client/src/index.ts, packages/client/src/new.ts): a release publishes exactly a commit, so commit or stash them.',
    );
  });

  it('refuses a commit that is not on the upstream base branch', () => {
    repo.write('packages/client/src/index.ts', 'export const client = 2;\n');
    repo.commit('not pushed');
    expect(releaseBlockers(repo.root)).toEqual([
      'HEAD is not origin/main: the release tags must name a commit everyone has. Push your commits (or pull), `git fetch`, then rerun.',
    ]);
  });
});
