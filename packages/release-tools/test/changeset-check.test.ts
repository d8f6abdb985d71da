import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkChangesets,
  describeChangesetCheck,
  isReleaseRelevant,
  resolveBaseRef,
} from '../src/changeset-check.mjs';
import { changesetFile, createFixtureWorkspace, type FixtureWorkspace } from './support/fixture-workspace.js';

let repo: FixtureWorkspace;
beforeEach(() => {
  repo = createFixtureWorkspace();
});
afterEach(() => repo.dispose());

const verdicts = async () =>
  Object.fromEntries(
    (await checkChangesets({ root: repo.root })).packages.map((pkg) => [pkg.name, pkg.verdict]),
  );

function onBranch() {
  repo.git('switch', '--quiet', '-c', 'feature');
}

/** On a branch, one commit of `files` with an empty changeset (`pnpm changeset --empty`) beside them. */
function commitWithEmptyChangeset(message: string, files: Record<string, string>) {
  onBranch();
  for (const [path, text] of Object.entries(files)) repo.write(path, text);
  repo.write('.changeset/quiet-owls-sleep.md', '---\n---\n\nNo release needed.\n');
  repo.commit(message);
}

describe('checkChangesets', () => {
  it('passes in a fresh clone on main with no other branch: the merge base is HEAD itself', async () => {
    const result = await checkChangesets({ root: repo.root });
    expect(result.baseRef).toBe('main');
    expect(result.base).toBe(repo.git('rev-parse', 'HEAD'));
    expect(result.packages).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('fails a spec change without a changeset, naming the package, the file and the fix', async () => {
    onBranch();
    repo.write('openapi/openapi.yaml', `${repo.read('openapi/openapi.yaml')}# a change\n`);
    repo.commit('change the spec');
    const result = await checkChangesets({ root: repo.root });
    expect(result.ok).toBe(false);
    expect(result.packages).toEqual([
      { name: '@plivo-openapi/spec', files: ['openapi/openapi.yaml'], verdict: 'missing' },
    ]);
    const message = describeChangesetCheck(result);
    expect(message).toContain('✗ @plivo-openapi/spec: NO CHANGESET (changed: openapi/openapi.yaml)');
    expect(message).toContain('pnpm changeset');
    expect(message).toContain('pnpm changeset --empty');
  });

  it('passes once a changeset names the changed package', async () => {
    onBranch();
    repo.write('openapi/openapi.yaml', `${repo.read('openapi/openapi.yaml')}# a change\n`);
    repo.write('.changeset/brave-cats-run.md', changesetFile({ '@plivo-openapi/spec': 'patch' }));
    repo.commit('change the spec, with a changeset');
    expect(await verdicts()).toEqual({ '@plivo-openapi/spec': 'covered' });
  });

  it('wants each changed package named: a spec changeset does not cover a client source change', async () => {
    onBranch();
    repo.write('openapi/openapi.yaml', `${repo.read('openapi/openapi.yaml')}# a change\n`);
    repo.write('packages/client/src/index.ts', 'export const client = 2;\n');
    repo.write('.changeset/brave-cats-run.md', changesetFile({ '@plivo-openapi/spec': 'minor' }));
    repo.commit('two packages, one named');
    expect(await verdicts()).toEqual({
      '@plivo-openapi/client': 'missing',
      '@plivo-openapi/spec': 'covered',
    });
  });

  it('does not take a `none` bump for a release: it stands for a spec change no more than an empty changeset', async () => {
    onBranch();
    repo.write('openapi/openapi.yaml', `${repo.read('openapi/openapi.yaml')}# a change\n`);
    repo.write('.changeset/brave-cats-run.md', changesetFile({ '@plivo-openapi/spec': 'none' }));
    repo.commit('change the spec, with a none bump');
    expect(await verdicts()).toEqual({ '@plivo-openapi/spec': 'empty-not-enough' });
  });

  it('fails a changeset that names no package of the workspace, naming the file and the name', async () => {
    onBranch();
    repo.write('packages/client/src/index.ts', 'export const client = 2;\n');
    repo.write(
      '.changeset/brave-cats-run.md',
      changesetFile({ '@plivo-openapi/client': 'patch', '@plivo-openapi/clinet': 'patch' }),
    );
    repo.commit('a client change, one name misspelt');
    const result = await checkChangesets({ root: repo.root });
    expect(result.ok).toBe(false);
    expect(result.unknownNames).toEqual([
      { file: '.changeset/brave-cats-run.md', name: '@plivo-openapi/clinet' },
    ]);
    const message = describeChangesetCheck(result);
    expect(message).toContain(
      '✗ .changeset/brave-cats-run.md names @plivo-openapi/clinet, which is no package of this workspace',
    );
    expect(message).toContain('Fix a changeset naming an unknown package: correct the name in that file');
  });

  it('accepts an empty changeset (`pnpm changeset --empty`) as "no release needed"', async () => {
    commitWithEmptyChangeset('refactor', {
      'packages/client/src/index.ts': 'export const client = 1; // refactor\n',
    });
    const result = await checkChangesets({ root: repo.root });
    expect(result.ok).toBe(true);
    expect(result.packages[0]?.verdict).toBe('no-release-declared');
  });

  it('does not let an empty changeset stand for a spec change or generated code beside a refactor', async () => {
    commitWithEmptyChangeset('a refactor, a spec change and its generated types, under one empty changeset', {
      'packages/client/src/index.ts': 'export const client = 1; // refactor\n',
      'packages/client/src/generated/schema.ts': 'export interface paths {}\n',
      'openapi/components/schemas/Session.yaml': 'type: object\n',
    });
    const result = await checkChangesets({ root: repo.root });
    expect(result.ok).toBe(false);
    expect(Object.fromEntries(result.packages.map((pkg) => [pkg.name, pkg.verdict]))).toEqual({
      '@plivo-openapi/client': 'empty-not-enough',
      '@plivo-openapi/spec': 'empty-not-enough',
    });
    const message = describeChangesetCheck(result);
    expect(message).toContain(
      '✗ @plivo-openapi/spec: NO CHANGESET: an empty one cannot stand for a change to the spec or to generated code, which users get (changed: openapi/components/schemas/Session.yaml)',
    );
    expect(message).toContain('run `pnpm changeset`, name the packages marked');
  });

  it("still lets an empty changeset stand for the spec package's tooling (its package.json)", async () => {
    commitWithEmptyChangeset('spec tooling', {
      'openapi/package.json': repo.read('openapi/package.json').replace('"files"', '"scripts": {}, "files"'),
    });
    expect(await verdicts()).toEqual({ '@plivo-openapi/spec': 'no-release-declared' });
  });

  it('counts every file of the spec document, wherever it lives, and the root redocly.yaml', async () => {
    commitWithEmptyChangeset(
      'a described operation, a shared schema and a decorator, under an empty changeset',
      {
        'openapi/descriptions/verify.md': 'Sends a code.\n',
        'openapi/shared/Extra.yaml': 'type: integer\n',
        'redocly.yaml': 'decorators: {}\n',
      },
    );
    const [spec] = (await checkChangesets({ root: repo.root })).packages;
    expect(spec).toEqual({
      name: '@plivo-openapi/spec',
      files: ['openapi/descriptions/verify.md', 'openapi/shared/Extra.yaml', 'redocly.yaml'],
      verdict: 'empty-not-enough',
    });
  });

  it('ignores tests, markdown and private packages', async () => {
    onBranch();
    repo.write('openapi/test/document.test.ts', 'export const more = 1;\n');
    repo.write('packages/client/README.md', '# client, better documented\n');
    repo.write('apps/docs/src/page.ts', 'export const page = 1;\n');
    repo.commit('tests and docs only');
    const result = await checkChangesets({ root: repo.root });
    expect(result.packages).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('does not count a changeset that was already pending on main before the branch', async () => {
    repo.write('.changeset/old-news.md', changesetFile({ '@plivo-openapi/spec': 'patch' }));
    repo.commit('pending changeset on main');
    onBranch();
    repo.write('openapi/openapi.yaml', `${repo.read('openapi/openapi.yaml')}# a new change\n`);
    repo.commit('change the spec');
    expect(await verdicts()).toEqual({ '@plivo-openapi/spec': 'missing' });
  });

  const PUBLISHED = ['openapi', 'packages/client', 'packages/contract-tests'];
  /** What `pnpm run version` commits: the fixed group bumped together, changelogs, the changesets deleted. */
  const versionPackages = (version: string, dirs = PUBLISHED) => {
    for (const dir of dirs) {
      repo.write(`${dir}/package.json`, repo.read(`${dir}/package.json`).replace('"0.1.0"', `"${version}"`));
      repo.write(`${dir}/CHANGELOG.md`, `# changelog\n\n## ${version}\n`);
    }
  };

  it('treats the `changeset version` commit as a release, not a missing changeset', async () => {
    repo.write('.changeset/brave-cats-run.md', changesetFile({ '@plivo-openapi/spec': 'minor' }));
    repo.commit('a pending changeset on main');
    onBranch();
    versionPackages('0.2.0');
    repo.remove('.changeset/brave-cats-run.md');
    repo.commit('Version Packages');
    expect(await verdicts()).toEqual({
      '@plivo-openapi/client': 'releasing',
      '@plivo-openapi/contract-tests': 'releasing',
      '@plivo-openapi/spec': 'releasing',
    });
  });

  /** On a branch: a client change with its changeset, then the `changeset version` commit that consumes it. */
  const changeThenRelease = () => {
    onBranch();
    repo.write('packages/client/src/index.ts', 'export const client = 2;\n');
    repo.write('.changeset/brave-cats-run.md', changesetFile({ '@plivo-openapi/client': 'minor' }));
    repo.commit('change the client');
    versionPackages('0.2.0');
    repo.remove('.changeset/brave-cats-run.md');
    repo.commit('Version Packages');
  };

  it('also when the range both adds the changeset and consumes it (a change, then its release)', async () => {
    changeThenRelease();
    const result = await checkChangesets({ root: repo.root });
    expect(result.ok).toBe(true);
    expect(result.packages.map((pkg) => pkg.verdict)).toEqual(['releasing', 'releasing', 'releasing']);
  });

  it('judges what changed after the release commit as any change: it needs a changeset of its own', async () => {
    changeThenRelease();
    repo.write('packages/client/src/later.ts', 'export const later = 1;\n');
    repo.commit('a change after the release, with no changeset');
    const result = await checkChangesets({ root: repo.root });
    expect(result.ok).toBe(false);
    expect(result.packages.find((pkg) => pkg.name === '@plivo-openapi/client')).toEqual({
      name: '@plivo-openapi/client',
      files: ['packages/client/src/later.ts'],
      verdict: 'changed-after-release',
    });
    expect(describeChangesetCheck(result)).toContain(
      '✗ @plivo-openapi/client: NO CHANGESET for what changed after its release commit, which that release does not have (changed: packages/client/src/later.ts)',
    );

    repo.write('.changeset/late-owls-fly.md', changesetFile({ '@plivo-openapi/client': 'patch' }));
    repo.commit('its changeset');
    expect((await verdicts())['@plivo-openapi/client']).toBe('covered');
  });

  it("does not take what a merge of main brings in after the release commit for the branch's own change", async () => {
    const file = 'packages/client/src/index.ts';
    repo.write(file, 'export const a = 1;\n\n\n\nexport const b = 1;\n');
    repo.commit('two constants on main');
    onBranch();
    repo.write(file, 'export const a = 2;\n\n\n\nexport const b = 1;\n');
    repo.write('.changeset/brave-cats-run.md', changesetFile({ '@plivo-openapi/client': 'minor' }));
    repo.commit('change the first');
    versionPackages('0.2.0');
    repo.remove('.changeset/brave-cats-run.md');
    repo.commit('Version Packages');
    repo.git('switch', '--quiet', 'main');
    repo.write(file, 'export const a = 1;\n\n\n\nexport const b = 2;\n');
    repo.write('.changeset/main-owls-run.md', changesetFile({ '@plivo-openapi/client': 'patch' }));
    repo.commit("main's own change of the same file, with its changeset");
    repo.git('switch', '--quiet', 'feature');
    repo.git('merge', '--quiet', '--no-edit', 'main');
    expect((await verdicts())['@plivo-openapi/client']).toBe('releasing');
  });

  it('fails a version edited by hand: no changeset consumed, whatever else changed', async () => {
    onBranch();
    repo.write('packages/client/src/index.ts', 'export const client = 2;\n');
    versionPackages('0.2.0');
    repo.commit('bump by hand');
    const result = await checkChangesets({ root: repo.root });
    expect(result.ok).toBe(false);
    expect(result.packages.map((pkg) => pkg.verdict)).toEqual(['hand-bumped', 'hand-bumped', 'hand-bumped']);
    const message = describeChangesetCheck(result);
    expect(message).toContain(
      '✗ @plivo-openapi/client: VERSION EDITED BY HAND: it changed in this range, but no changeset was consumed',
    );
    expect(message).toContain('put the version back and add a changeset instead');
    expect(message).not.toContain('pnpm changeset --empty');
  });

  it('fails a hand-edited version even beside a changeset, or when the consumed changeset released nothing', async () => {
    onBranch();
    repo.write('packages/client/src/index.ts', 'export const client = 2;\n');
    repo.write('.changeset/brave-cats-run.md', changesetFile({ '@plivo-openapi/client': 'minor' }));
    versionPackages('0.2.0');
    repo.commit('a change, its changeset, and a version edited by hand');
    expect((await verdicts())['@plivo-openapi/client']).toBe('hand-bumped');

    repo.git('reset', '--quiet', '--hard', 'main');
    repo.write('.changeset/empty.md', changesetFile({}));
    repo.commit('an empty changeset');
    repo.remove('.changeset/empty.md');
    versionPackages('0.2.0');
    repo.commit('deletes it and bumps by hand');
    expect((await verdicts())['@plivo-openapi/client']).toBe('hand-bumped');

    // A `none` bump names no release either.
    repo.git('reset', '--quiet', '--hard', 'main');
    repo.write('.changeset/none.md', changesetFile({ '@plivo-openapi/client': 'none' }));
    repo.commit('a none changeset');
    repo.remove('.changeset/none.md');
    repo.write('packages/client/src/index.ts', 'export const client = 3;\n');
    versionPackages('0.2.0');
    repo.commit('deletes it and bumps by hand');
    expect((await verdicts())['@plivo-openapi/client']).toBe('hand-bumped');
  });

  it('fails a fixed group whose members are on different versions, naming each', async () => {
    repo.write('.changeset/brave-cats-run.md', changesetFile({ '@plivo-openapi/client': 'patch' }));
    repo.commit('a pending changeset on main');
    onBranch();
    versionPackages('0.1.1', ['packages/client']);
    repo.remove('.changeset/brave-cats-run.md');
    repo.commit('a release of the client alone');
    const result = await checkChangesets({ root: repo.root });
    expect(result.packages.map((pkg) => pkg.verdict)).toEqual(['releasing']);
    expect(result.unevenFixedGroups).toEqual([
      ['@plivo-openapi/spec@0.1.0', '@plivo-openapi/client@0.1.1', '@plivo-openapi/contract-tests@0.1.0'],
    ]);
    expect(result.ok).toBe(false);
    expect(describeChangesetCheck(result)).toContain(
      '✗ one fixed group (.changeset/config.json) on several versions: @plivo-openapi/spec@0.1.0, @plivo-openapi/client@0.1.1, @plivo-openapi/contract-tests@0.1.0',
    );
  });

  it('reads commits only: an uncommitted edit is not judged yet', async () => {
    onBranch();
    repo.write('openapi/openapi.yaml', `${repo.read('openapi/openapi.yaml')}# work in progress\n`);
    expect((await checkChangesets({ root: repo.root })).ok).toBe(true);
  });

  it('rejects a malformed changeset with its path', async () => {
    onBranch();
    repo.write('openapi/openapi.yaml', `${repo.read('openapi/openapi.yaml')}# a change\n`);
    repo.write('.changeset/broken.md', '---\nnot yaml: [\n---\n\nsummary\n');
    repo.commit('broken changeset');
    await expect(checkChangesets({ root: repo.root })).rejects.toThrow(
      /\.changeset\/broken\.md is not a valid changeset/,
    );
  });
});

describe('a clone without shared history', () => {
  it('explains that a shallow clone needs its history fetched', async () => {
    repo.git('switch', '--quiet', '--orphan', 'unrelated');
    repo.write('x.txt', 'x\n');
    repo.commit('unrelated root');
    await expect(checkChangesets({ root: repo.root, baseRef: 'main' })).rejects.toThrow(
      'HEAD and main share no commit in this clone. A shallow clone lacks the history: run `git fetch --unshallow`',
    );
  });
});

describe('resolveBaseRef', () => {
  it('prefers CHANGESET_BASE_REF, then origin/main, then main', () => {
    expect(resolveBaseRef(repo.root, {})).toBe('main');
    repo.git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    expect(resolveBaseRef(repo.root, {})).toBe('origin/main');
    expect(resolveBaseRef(repo.root, { CHANGESET_BASE_REF: 'main' })).toBe('main');
  });

  it('refuses to compare HEAD with itself when the clone has no base branch (another branch alone, detached)', () => {
    repo.git('branch', '--quiet', '-m', 'main', 'feature');
    expect(() => resolveBaseRef(repo.root, {})).toThrow(
      'Neither origin/main nor main is in this clone, so there is nothing to compare HEAD with. Fetch it',
    );
  });

  it('says what to do when CHANGESET_BASE_REF is not in the clone', () => {
    expect(() => resolveBaseRef(repo.root, { CHANGESET_BASE_REF: 'origin/release' })).toThrow(
      'CHANGESET_BASE_REF=origin/release is not a commit in this clone. Fetch it first.',
    );
  });
});

describe('isReleaseRelevant', () => {
  it.each([
    ['src/index.ts', true],
    ['openapi.yaml', true],
    ['components/schemas/Error.yaml', true],
    ['package.json', true],
    ['tsdown.config.ts', true],
    ['test/client.test.ts', false],
    ['src/retry.test.ts', false],
    ['src/__tests__/x.ts', false],
    ['bench/run.mjs', false],
    ['vitest.config.ts', false],
    ['README.md', false],
    ['CHANGELOG.md', false],
  ])('%s -> %s', (path, expected) => {
    expect(isReleaseRelevant(path)).toBe(expected);
  });

  it.each([
    ['descriptions/verify.md', true],
    ['README.md', false],
    ['test/notes.md', false],
  ])('in the spec package, %s -> %s (the document may $ref a Markdown description)', (path, expected) => {
    expect(isReleaseRelevant(path, '@plivo-openapi/spec')).toBe(expected);
  });
});

describe('bin/check-changesets.mjs', () => {
  const bin = fileURLToPath(new URL('../bin/check-changesets.mjs', import.meta.url));
  const run = () => {
    try {
      return {
        code: 0,
        output: execFileSync(process.execPath, [bin], { cwd: repo.root, encoding: 'utf8', stdio: 'pipe' }),
      };
    } catch (error) {
      const failed = error as { status: number; stderr: string };
      return { code: failed.status, output: failed.stderr };
    }
  };

  it('exits 0 when nothing changed and 1, with the explanation, when a changeset is missing', () => {
    expect(run()).toEqual({ code: 0, output: expect.stringContaining('no published package') });
    onBranch();
    repo.write('packages/client/src/index.ts', 'export const client = 3;\n');
    repo.commit('client change');
    const failed = run();
    expect(failed.code).toBe(1);
    expect(failed.output).toContain('✗ @plivo-openapi/client: NO CHANGESET');
  });
});
