// `pnpm release` first checks that git can tag the release, and says how to set an identity when it cannot.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../bin/check-git-identity.mjs');
let scratch: string;
let repo: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'git-identity-'));
  repo = join(scratch, 'repo');
  mkdirSync(join(scratch, 'home'));
  mkdirSync(repo);
  writeFileSync(join(repo, 'pnpm-workspace.yaml'), 'packages: []\n');
  // A machine with no git identity anywhere: an empty HOME, no system config, no identity variables.
  env = { PATH: process.env.PATH, HOME: join(scratch, 'home'), GIT_CONFIG_NOSYSTEM: '1' };
  execFileSync('git', ['init', '--quiet'], { cwd: repo, env });
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

const check = (extra: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [bin], { cwd: repo, env: { ...env, ...extra }, encoding: 'utf8' });

describe('check-git-identity', () => {
  it('fails without an identity and says how to set one', () => {
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('git has no user.name and no user.email here');
    expect(result.stderr).toContain('git config user.email "you@example.com"');
    expect(result.stderr).toContain('GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL');
  });

  it('names only what is missing', () => {
    execFileSync('git', ['config', 'user.name', 'Someone'], { cwd: repo, env });
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('git has no user.email here');
  });

  it('passes with a repository identity', () => {
    execFileSync('git', ['config', 'user.name', 'Someone'], { cwd: repo, env });
    execFileSync('git', ['config', 'user.email', 'someone@example.invalid'], { cwd: repo, env });
    expect(check()).toMatchObject({ status: 0, stderr: '' });
  });

  it('passes with the identity in environment variables (CI)', () => {
    expect(check({ GIT_COMMITTER_NAME: 'CI', GIT_COMMITTER_EMAIL: 'ci@example.invalid' })).toMatchObject({
      status: 0,
      stderr: '',
    });
  });
});
