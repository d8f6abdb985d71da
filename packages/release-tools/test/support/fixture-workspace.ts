// A throwaway git repo shaped like this workspace, in the OS temp folder, for exercising the release checks
// against real git history: the spec; the client, built from it at build time; the mock kit, which serves it at
// run time; a private docs app; and the repository's own .changeset/config.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ISOLATED_GIT_ENV } from './isolated-git.js';
import { repoRoot } from './repo.js';

export type FixtureWorkspace = {
  root: string;
  write(path: string, content: string): void;
  read(path: string): string;
  remove(path: string): void;
  git(...args: string[]): string;
  commit(message: string): void;
  dispose(): void;
};

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'fixture',
  GIT_AUTHOR_EMAIL: 'fixture@example.invalid',
  GIT_COMMITTER_NAME: 'fixture',
  GIT_COMMITTER_EMAIL: 'fixture@example.invalid',
};

export function createFixtureWorkspace(): FixtureWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'release-tools-fixture-'));
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ...ISOLATED_GIT_ENV, ...GIT_ENV },
    }).trim();
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

  write('package.json', json({ name: 'fixture-root', private: true }));
  write('pnpm-workspace.yaml', 'packages:\n  - openapi\n  - packages/*\n  - apps/*\n');
  write('.changeset/config.json', readFileSync(join(repoRoot, '.changeset/config.json'), 'utf8'));
  write('.changeset/README.md', '# Changesets\n');
  write('openapi/package.json', json({ name: '@plivo-openapi/spec', version: '0.1.0', files: ['dist'] }));
  write('openapi/openapi.yaml', 'openapi: 3.1.0\ninfo:\n  title: fixture\n  version: 0.1.0\npaths: {}\n');
  write('openapi/test/document.test.ts', 'export {};\n');
  write(
    'packages/client/package.json',
    json({
      name: '@plivo-openapi/client',
      version: '0.1.0',
      devDependencies: { '@plivo-openapi/spec': 'workspace:*' },
    }),
  );
  write('packages/client/src/index.ts', 'export const client = 1;\n');
  write('packages/client/README.md', '# client\n');
  write(
    'packages/contract-tests/package.json',
    json({
      name: '@plivo-openapi/contract-tests',
      version: '0.1.0',
      dependencies: { '@plivo-openapi/spec': 'workspace:*' },
    }),
  );
  write('packages/contract-tests/src/index.ts', 'export const mock = 1;\n');
  write(
    'apps/docs/package.json',
    json({
      name: '@plivo-openapi/docs',
      version: '0.1.0',
      private: true,
      devDependencies: { '@plivo-openapi/spec': 'workspace:*' },
    }),
  );
  write('apps/docs/src/page.ts', 'export {};\n');
  git('init', '--quiet', '--initial-branch=main');
  git('add', '-A');
  git('commit', '--quiet', '-m', 'initial');

  return {
    root,
    write,
    read: (path) => readFileSync(join(root, path), 'utf8'),
    remove: (path) => rmSync(join(root, path)),
    git,
    commit: (message) => {
      git('add', '-A');
      git('commit', '--quiet', '--allow-empty', '-m', message);
    },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function changesetFile(releases: Record<string, string>, summary = 'A change.'): string {
  const lines = Object.entries(releases).map(([name, type]) => `'${name}': ${type}`);
  return `---\n${lines.join('\n')}\n---\n\n${summary}\n`;
}
