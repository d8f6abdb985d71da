// The packed-tarball proof: every publishable package is packed with pnpm, installed with npm from the
// tarballs (not the workspace) into a scratch project outside the repo, and there imported from ESM, required
// from CommonJS and type-checked under moduleResolution node16 and bundler.
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PackedPackage, packPackage } from '../src/pack.mjs';
import { type Entry, listEntries } from '../src/package-entries.mjs';
import { findTarballProblems } from '../src/tarball-files.mjs';
import { listWorkspacePackages, type WorkspacePackage } from '../src/workspace.mjs';
import { cleanEnv } from './support/commands.js';
import {
  type EntryResult,
  installConsumer,
  loadEntries,
  typecheck,
  typecheckSource,
} from './support/consumer-project.js';
import { repoRoot } from './support/repo.js';

const require = createRequire(import.meta.url);
const published = (await listWorkspacePackages(repoRoot)).filter((pkg) => pkg.published);

let scratch: string;
let consumer: string;
const packed = new Map<string, PackedPackage>();
let entries: Entry[] = [];
let esm: Record<string, EntryResult>;
let cjs: Record<string, EntryResult>;

/** What the consumer installs besides the tarballs: optional peers and @types/node, at the workspace's versions. */
function companionInstalls(pkgs: WorkspacePackage[]): string[] {
  const installs = new Set<string>();
  const installedVersion = (from: string, name: string) =>
    JSON.parse(readFileSync(require.resolve(`${name}/package.json`, { paths: [from] }), 'utf8')).version;
  for (const pkg of pkgs) {
    for (const peer of Object.keys(packed.get(pkg.name)?.manifest.peerDependencies ?? {})) {
      installs.add(`${peer}@${installedVersion(pkg.dir, peer)}`);
    }
  }
  installs.add(`@types/node@${installedVersion(import.meta.dirname, '@types/node')}`);
  return [...installs].sort();
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'packed-tarballs-'));
  const tarballs = join(scratch, 'tarballs');
  mkdirSync(tarballs);
  for (const pkg of published) packed.set(pkg.name, await packPackage(pkg.dir, tarballs, cleanEnv()));
  consumer = join(scratch, 'consumer');
  await installConsumer(consumer, [
    ...[...packed.values()].map((p) => p.tarball),
    ...companionInstalls(published),
  ]);
  entries = [...packed.values()].flatMap((p) => listEntries(p.manifest));
  esm = await loadEntries(consumer, entries, 'esm');
  cjs = await loadEntries(consumer, entries, 'cjs');
}, 600_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('packed tarballs', () => {
  it('covers the spec, the client and the mock kit', () => {
    expect(published.map((pkg) => pkg.name)).toEqual(
      expect.arrayContaining([
        '@plivo-openapi/spec',
        '@plivo-openapi/client',
        '@plivo-openapi/contract-tests',
      ]),
    );
  });

  describe.each(published.map((pkg) => pkg.name))('%s', (name) => {
    it('contains only what users need, and everything package.json names', () => {
      const pkg = packed.get(name) as PackedPackage;
      expect(findTarballProblems(pkg.manifest, pkg.files), `files: ${pkg.files.join(', ')}`).toEqual([]);
    });

    it('has no workspace: ranges left in its package.json', () => {
      expect(JSON.stringify((packed.get(name) as PackedPackage).manifest)).not.toContain('workspace:');
    });

    it('is installed in the consumer from its tarball, not linked to the workspace', () => {
      const installed = join(consumer, 'node_modules', name);
      expect(lstatSync(installed).isSymbolicLink()).toBe(false);
      expect(realpathSync(installed).startsWith(realpathSync(consumer))).toBe(true);
      const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
      expect(manifest.version).toBe((packed.get(name) as PackedPackage).version);
    });
  });

  it('every entry loads with import() from ESM', () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(esm[entry.specifier], `import('${entry.specifier}')`).toMatchObject({ ok: true });
    }
  });

  it('every entry loads with require() from CommonJS, exporting the same names as from ESM', () => {
    for (const entry of entries) {
      expect(cjs[entry.specifier], `require('${entry.specifier}')`).toMatchObject({ ok: true });
      if (entry.kind === 'js')
        expect(cjs[entry.specifier]?.names, entry.specifier).toEqual(esm[entry.specifier]?.names);
    }
  });

  it.each(['node16', 'bundler'] as const)(
    'type-checks under moduleResolution %s',
    (mode) => {
      expect(typecheck(consumer, entries, mode, '@plivo-openapi')).toBe('');
    },
    120_000,
  );

  // The node16 check above stands for a Node-only project; it proves our declarations use no DOM-only name
  // (a `HeadersInit` in the client's options once broke such projects) only if the DOM lib is really absent.
  it('the node16 consumer is Node-only: a DOM-only type name does not resolve there, a Node global does', () => {
    const domOnly = typecheckSource(consumer, 'node16', 'export type Leak = HeadersInit;\n');
    expect(domOnly).toMatch(/Cannot find name 'HeadersInit'/);
    expect(typecheckSource(consumer, 'node16', 'export type Ok = Headers | NodeJS.Process;\n')).toBe('');
  }, 60_000);
});
