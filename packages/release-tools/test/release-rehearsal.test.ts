// `pnpm release` rehearsed on a copy of the workspace: a sample changeset, the real `pnpm run version`, and a
// real `changeset publish` into a fake registry on 127.0.0.1. Every command runs with HOME pointing at an empty
// folder, so nothing depends on this machine's global git or npm configuration. What it does not cover: the public registry's
// own rules (auth, 2FA, scope ownership) and the `pnpm build` step in between, which turbo already runs
// before these tests.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNCHANGED_DOCUMENT } from '../src/spec-changelog.mjs';
import { readInfoVersion } from '../src/spec-version.mjs';
import { listWorkspacePackages, type WorkspacePackage } from '../src/workspace.mjs';
import { cleanEnv, run } from './support/commands.js';
import { type FakeRegistry, startFakeRegistry } from './support/fake-registry.js';
import { tarEntries } from './support/tar-entries.js';
import { copyWorkspace } from './support/workspace-copy.js';

const SPEC = '@plivo-openapi/spec';
const SUMMARY = 'Rehearsal: describe a new optional field.';

let copy: Awaited<ReturnType<typeof copyWorkspace>>;
let registry: FakeRegistry;
let before: WorkspacePackage[];
let env: NodeJS.ProcessEnv;
let emptyHome: string;

const bump = (version: string, part: 'minor' | 'patch') => {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  return part === 'minor' ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
};
const readJson = (path: string) => JSON.parse(readFileSync(join(copy.root, path), 'utf8'));
const pkg = (name: string) => before.find((p) => p.name === name) as WorkspacePackage;
const published = () => before.filter((p) => p.published);
// The spec, the client and the mock kit are one changesets `fixed` group: they release together, on one version.
const releasedWithSpec = () => published().filter((p) => p.name !== SPEC);

beforeAll(async () => {
  copy = await copyWorkspace();
  registry = await startFakeRegistry();
  const host = registry.url.replace(/^http:/, '');
  writeFileSync(join(copy.root, '.npmrc'), `registry=${registry.url}\n${host}:_authToken=rehearsal-token\n`);
  emptyHome = mkdtempSync(join(tmpdir(), 'release-rehearsal-home-'));
  env = cleanEnv({
    npm_config_registry: registry.url,
    HOME: emptyHome,
    XDG_CONFIG_HOME: join(emptyHome, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
  });
  before = await listWorkspacePackages(copy.root);
  writeFileSync(join(copy.root, '.changeset/rehearsal.md'), `---\n'${SPEC}': minor\n---\n\n${SUMMARY}\n`);
});

afterAll(async () => {
  await registry?.close();
  copy?.dispose();
  if (emptyHome) rmSync(emptyHome, { recursive: true, force: true });
});

describe('pnpm release, rehearsed', () => {
  it('changeset status plans the same minor for the spec and every other published package (one fixed group)', async () => {
    await run('pnpm', ['exec', 'changeset', 'status', '--output=status.json'], { cwd: copy.root, env });
    const { releases } = readJson('status.json');
    const planned = Object.fromEntries(
      releases
        .filter((r: { type: string }) => r.type !== 'none')
        .map((r: { name: string; type: string }) => [r.name, r.type]),
    );
    const expected = Object.fromEntries([
      [SPEC, 'minor'],
      ...releasedWithSpec().map((p) => [p.name, 'minor']),
    ]);
    expect(releasedWithSpec().map((p) => p.name)).toEqual([
      '@plivo-openapi/client',
      '@plivo-openapi/contract-tests',
    ]);
    expect(planned).toEqual(expected);
  });

  it('pnpm run version bumps the versions, syncs info.version, rebuilds the bundle and records it as released', async () => {
    const output = await run('pnpm', ['run', 'version'], { cwd: copy.root, env });
    const specVersion = bump(pkg(SPEC).packageJson.version, 'minor');
    const specDir = pkg(SPEC).relativeDir;

    expect(readJson(`${specDir}/package.json`).version).toBe(specVersion);
    expect(readInfoVersion(readFileSync(join(copy.root, specDir, 'openapi.yaml'), 'utf8'))).toBe(specVersion);
    expect(readJson(`${specDir}/dist/openapi.json`).info.version).toBe(specVersion);
    expect(readJson(`${specDir}/released/openapi.json`)).toEqual(readJson(`${specDir}/dist/openapi.json`));
    expect(output).toContain(`info.version ${pkg(SPEC).packageJson.version} -> ${specVersion}`);

    for (const member of releasedWithSpec()) {
      const after = readJson(`${member.relativeDir}/package.json`);
      expect(after.version, member.name).toBe(specVersion);
      const link = after.dependencies?.[SPEC] ?? after.devDependencies?.[SPEC];
      expect(link, `${member.name} keeps its workspace link to the spec`).toBe('workspace:*');
      expect(readFileSync(join(copy.root, member.relativeDir, 'CHANGELOG.md'), 'utf8')).toContain(
        `## ${specVersion}`,
      );
    }
    expect(readJson('packages/client/package.json').dependencies?.[SPEC], 'the client installs alone').toBe(
      undefined,
    );
    expect(readFileSync(join(copy.root, specDir, 'CHANGELOG.md'), 'utf8')).toContain(SUMMARY);
    expect(existsSync(join(copy.root, '.changeset/rehearsal.md')), 'the changeset is consumed').toBe(false);
    for (const privatePackage of before.filter((p) => !p.published)) {
      expect(readJson(`${privatePackage.relativeDir}/package.json`).version, privatePackage.name).toBe(
        privatePackage.packageJson.version,
      );
    }
    // What `pnpm run version` writes passes the repo's formatter check as it is.
    await run(join(copy.root, 'node_modules/.bin/biome'), ['ci', specDir], { cwd: copy.root, env });
  });

  it('changeset publish publishes exactly the published packages, with workspace:* rewritten, and tags them', async () => {
    await run('pnpm', ['exec', 'changeset', 'publish'], { cwd: copy.root, env, timeout: 300_000 });
    const versions = Object.fromEntries(
      published().map((p) => [p.name, readJson(`${p.relativeDir}/package.json`).version as string]),
    );
    expect([...registry.published.keys()].sort()).toEqual(
      Object.entries(versions)
        .map(([name, version]) => `${name}@${version}`)
        .sort(),
    );
    for (const [key, { manifest, tarball, tag }] of registry.published) {
      expect(tag, key).toBe('latest');
      expect(tarball.length, `${key} tarball`).toBeGreaterThan(0);
      expect(JSON.stringify(manifest), `${key} must not leak the workspace protocol`).not.toContain(
        'workspace:',
      );
      if (manifest.dependencies?.[SPEC]) expect(manifest.dependencies[SPEC], key).toBe(versions[SPEC]);
      // The release notes `pnpm run version` wrote travel with the package (npm does not add them by itself).
      expect(tarEntries(tarball), `${key} tarball`).toContain('package/CHANGELOG.md');
    }
    const tags = execFileSync('git', ['tag', '--list'], { cwd: copy.root, env, encoding: 'utf8' })
      .trim()
      .split('\n');
    expect(tags.sort()).toEqual(
      Object.entries(versions)
        .map(([name, version]) => `${name}@${version}`)
        .sort(),
    );
  });

  it('a second publish finds everything already on the registry and publishes nothing', async () => {
    const count = registry.published.size;
    await run('pnpm', ['exec', 'changeset', 'publish'], { cwd: copy.root, env });
    expect(registry.published.size).toBe(count);
  });
  it('a release of the client alone is one of the spec too, whose notes say the document did not change', async () => {
    writeFileSync(
      join(copy.root, '.changeset/client-only.md'),
      "---\n'@plivo-openapi/client': patch\n---\n\nA fix.\n",
    );
    const specVersion = bump(readJson(`${pkg(SPEC).relativeDir}/package.json`).version, 'patch');
    await run('pnpm', ['run', 'version'], { cwd: copy.root, env });
    expect(readJson(`${pkg(SPEC).relativeDir}/package.json`).version).toBe(specVersion);
    const changelog = readFileSync(join(copy.root, pkg(SPEC).relativeDir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(`## ${specVersion}\n\n${UNCHANGED_DOCUMENT}\n`);
  });

  it('pnpm run version then stops at a breaking spec change whose pending changesets give no breaking bump', async () => {
    // Each change passes the guard against the changesets pending when it lands; one an earlier release
    // consumed may have been what covered it. Here: a required response field made optional, with a patch.
    const schema = join(copy.root, 'openapi/components/schemas/MaskingSession.yaml');
    const text = readFileSync(schema, 'utf8');
    expect(text).toContain('\n  - status\n');
    writeFileSync(schema, text.replace('\n  - status\n', '\n'));
    writeFileSync(join(copy.root, '.changeset/after-release.md'), `---\n'${SPEC}': patch\n---\n\nA fix.\n`);
    const versionBefore = readJson(`${pkg(SPEC).relativeDir}/package.json`).version;
    await expect(run('pnpm', ['run', 'version'], { cwd: copy.root, env })).rejects.toThrow(/breaking/i);
    expect(readJson(`${pkg(SPEC).relativeDir}/package.json`).version).toBe(versionBefore);
    expect(existsSync(join(copy.root, '.changeset/after-release.md')), 'the changeset is not consumed').toBe(
      true,
    );
  });
});
