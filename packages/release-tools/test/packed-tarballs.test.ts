// The packed-tarball proof, as users get the packages. Every published package is packed with pnpm and checked
// by publint (--strict) and attw; then installed with npm into its own empty project outside the repo together
// with only the tarballs of the workspace packages it uses at run time (the client alone; the mock kit with the
// spec), and there imported from ESM, required from CommonJS and type-checked under node16 and bundler.
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PackedPackage, packPackage } from '../src/pack.mjs';
import { type Entry, listEntries } from '../src/package-entries.mjs';
import { findTarballProblems } from '../src/tarball-files.mjs';
import { listWorkspacePackages } from '../src/workspace.mjs';
import { cleanEnv, run } from './support/commands.js';
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
const bin = (name: string) => join(import.meta.dirname, '../node_modules/.bin', name);

let scratch: string;
const packed = new Map<string, PackedPackage>();
const packedOf = (name: string) => packed.get(name) as PackedPackage;

/** The workspace packages `name` needs at run time, itself included: its dependencies, transitively. */
function runtimeClosure(name: string, seen = new Set<string>()): string[] {
  seen.add(name);
  for (const dependency of Object.keys(packedOf(name).manifest.dependencies ?? {})) {
    if (packed.has(dependency) && !seen.has(dependency)) runtimeClosure(dependency, seen);
  }
  return [...seen].sort();
}

/** What a consumer installs besides the tarballs: the packages' peers and @types/node, at the workspace's versions. */
function companionInstalls(names: string[]): string[] {
  const installedVersion = (from: string, dependency: string) =>
    JSON.parse(readFileSync(require.resolve(`${dependency}/package.json`, { paths: [from] }), 'utf8'))
      .version;
  const installs = new Set([`@types/node@${installedVersion(import.meta.dirname, '@types/node')}`]);
  for (const name of names) {
    const dir = published.find((pkg) => pkg.name === name)?.dir ?? repoRoot;
    for (const peer of Object.keys(packedOf(name).manifest.peerDependencies ?? {})) {
      installs.add(`${peer}@${installedVersion(dir, peer)}`);
    }
  }
  return [...installs].sort();
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'packed-tarballs-'));
  const tarballs = join(scratch, 'tarballs');
  mkdirSync(tarballs);
  for (const pkg of published) packed.set(pkg.name, await packPackage(pkg.dir, tarballs, cleanEnv()));
}, 120_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

it('covers the spec, the client and the mock kit', () => {
  expect(published.map((pkg) => pkg.name)).toEqual([
    '@plivo-openapi/client',
    '@plivo-openapi/contract-tests',
    '@plivo-openapi/spec',
  ]);
});

describe.each(published.map((pkg) => pkg.name))('%s', (name) => {
  let consumer: string;
  let closure: string[];
  let entries: Entry[];
  let esm: Record<string, EntryResult>;
  let cjs: Record<string, EntryResult>;

  beforeAll(async () => {
    closure = runtimeClosure(name);
    consumer = join(scratch, `consumer-${name.replace(/\W+/g, '-')}`);
    await installConsumer(consumer, [
      ...closure.map((member) => packedOf(member).tarball),
      ...companionInstalls(closure),
    ]);
    entries = listEntries(packedOf(name).manifest);
    esm = await loadEntries(consumer, entries, 'esm');
    cjs = await loadEntries(consumer, entries, 'cjs');
  }, 600_000);

  it('passes publint --strict', async () => {
    const output = await run(bin('publint'), ['run', '--strict', packedOf(name).tarball], { cwd: scratch });
    expect(output).toContain('All good!');
  });

  // ESM-only packages (no `require` condition) are judged as such: node10 and CommonJS resolution do not apply.
  it('passes attw (Are the Types Wrong?)', async () => {
    const esmOnly = !JSON.stringify(packedOf(name).manifest.exports ?? {}).includes('"require"');
    const args = [packedOf(name).tarball, '--format', 'ascii', ...(esmOnly ? ['--profile', 'esm-only'] : [])];
    await run(bin('attw'), args, { cwd: scratch }); // throws with attw's report when it finds a problem
  });

  it('ships only what users need: no test or development files, a README and a LICENSE', () => {
    const pkg = packedOf(name);
    expect(findTarballProblems(pkg.files), `files: ${pkg.files.join(', ')}`).toEqual([]);
  });

  it('has no workspace: ranges left in its package.json', () => {
    expect(JSON.stringify(packedOf(name).manifest)).not.toContain('workspace:');
  });

  it('installs into an empty project with only the tarballs of the workspace packages it runs on', () => {
    const scope = join(consumer, 'node_modules/@plivo-openapi');
    expect(
      readdirSync(scope)
        .map((dir) => `@plivo-openapi/${dir}`)
        .sort(),
    ).toEqual(closure);
    for (const member of closure) {
      const installed = join(consumer, 'node_modules', member);
      expect(lstatSync(installed).isSymbolicLink(), `${member} is not linked to the workspace`).toBe(false);
      expect(realpathSync(installed).startsWith(realpathSync(consumer))).toBe(true);
      const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
      expect(manifest.version).toBe(packedOf(member).version);
    }
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

  // npm resolves Prism's own caret ranges to the newest releases that fit the running Node (5.16 on Node 24.18+,
  // which hang on a body that is not JSON) unless the kit's exact pins are what Prism finds.
  it.runIf(name === '@plivo-openapi/contract-tests')(
    'installs Prism with the internals the mock kit pins, whatever the Node',
    () => {
      const pins = Object.entries(packedOf(name).manifest.dependencies ?? {}).filter(
        ([dependency]) => dependency.startsWith('@stoplight/prism-') && dependency !== '@stoplight/prism-cli',
      );
      expect(pins.length).toBeGreaterThan(0);
      const installedKit = join(consumer, 'node_modules', name, 'package.json');
      const prismCli = createRequire(installedKit).resolve('@stoplight/prism-cli/package.json');
      for (const [dependency, pinned] of pins) {
        const manifest = createRequire(prismCli).resolve(`${dependency}/package.json`);
        expect(JSON.parse(readFileSync(manifest, 'utf8')).version, dependency).toBe(pinned);
      }
    },
  );

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
