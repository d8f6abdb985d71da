// `pnpm release` refuses to publish what no pushed commit records: pending changesets, uncommitted changes, or
// a HEAD that is not what the `origin` remote's main holds (asked of the remote, not of a local ref).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { releaseBlockers } from '../src/release-readiness.mjs';
import { changesetFile, createFixtureWorkspace, type FixtureWorkspace } from './support/fixture-workspace.js';

const bin = join(import.meta.dirname, '../bin/check-release-ready.mjs');
let repo: FixtureWorkspace;
let upstream: string;

beforeEach(() => {
  repo = createFixtureWorkspace();
  // A bare repository stands in for the remote the release is pushed to.
  upstream = mkdtempSync(join(tmpdir(), 'release-readiness-upstream-'));
  execFileSync('git', ['clone', '--quiet', '--bare', repo.root, upstream]);
  repo.git('remote', 'add', 'origin', upstream);
});
afterEach(() => {
  repo.dispose();
  rmSync(upstream, { recursive: true, force: true });
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
    repo.git('push', '--quiet', 'origin', 'main');
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('pnpm release: nothing was published, because');
    expect(result.stderr).toContain(
      '1 changeset(s) not yet turned into versions (.changeset/brave-cats-run.md)',
    );
    expect(result.stderr).toContain('run `pnpm run version`, review and commit the result');
    expect(result.stderr).not.toContain('HEAD');
  });

  it('refuses uncommitted changes, naming the files', () => {
    repo.write('packages/client/src/index.ts', 'export const client = 2;\n');
    repo.write('packages/client/src/new.ts', 'export {};\n');
    expect(releaseBlockers(repo.root)).toEqual([
      'the working tree has uncommitted changes (packages/client/src/index.ts, packages/client/src/new.ts): a release publishes exactly a commit, so commit or stash them.',
    ]);
  });

  it('refuses a commit that is not pushed', () => {
    repo.write('packages/client/src/index.ts', 'export const client = 2;\n');
    repo.commit('not pushed');
    expect(releaseBlockers(repo.root)).toEqual([
      expect.stringMatching(
        /^HEAD \([0-9a-f]{12}\) is not origin's main \([0-9a-f]{12}\): .* Push your commits/,
      ),
    ]);
  });

  it('asks the remote, so a HEAD behind what origin has now is refused too', () => {
    repo.write('packages/client/src/index.ts', 'export const client = 2;\n');
    repo.commit('pushed, then left behind');
    repo.git('push', '--quiet', 'origin', 'main');
    repo.git('reset', '--quiet', '--hard', 'HEAD~1');
    expect(releaseBlockers(repo.root)).toEqual([
      expect.stringMatching(/^HEAD \([0-9a-f]{12}\) is not origin's main/),
    ]);
  });

  it('refuses an origin without the base branch (a new remote): nothing there records HEAD', () => {
    const empty = mkdtempSync(join(tmpdir(), 'release-readiness-empty-'));
    try {
      execFileSync('git', ['init', '--quiet', '--bare', empty]);
      repo.git('remote', 'set-url', 'origin', empty);
      expect(releaseBlockers(repo.root)).toEqual(['origin has no branch main: push it first.']);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('refuses a clone without an origin remote, where nothing shows HEAD is pushed', () => {
    repo.git('remote', 'remove', 'origin');
    expect(releaseBlockers(repo.root)).toEqual([
      expect.stringContaining('this clone has no `origin` remote'),
    ]);
  });
});
