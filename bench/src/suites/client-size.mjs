// @ts-check
// Client size: what the client costs a browser app (bundled, minified, gzipped) and a server (installed).
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { figure } from '../lib/figures.mjs';

const MAX_BUNDLE_GZIP_BYTES = 10_000;
const appsDir = fileURLToPath(new URL('../size-apps/', import.meta.url));

/**
 * Bundles an app for the browser as a production build would (esbuild, minified, tree-shaken) and returns
 * its minified and gzipped (zlib default level, as web servers use) sizes in bytes.
 * @param {string} entry
 */
async function bundledSize(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents;
  if (code === undefined) throw new Error(`esbuild produced no output for ${entry}`);
  return { minified: code.byteLength, gzipped: gzipSync(code).byteLength };
}

/**
 * Apparent size (bytes of file contents, as `du --apparent-size -b`) of a directory, without any
 * node_modules inside it: dependencies are counted once each by installedClosureSize.
 * @param {string} dir
 */
function directorySize(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += directorySize(path);
    else if (entry.isFile()) total += lstatSync(path).size;
  }
  return total;
}

/**
 * Where Node would find `name` when required from `fromDir`: the first `node_modules/<name>` going up.
 * @param {string} fromDir
 * @param {string} name
 */
function findInstalled(fromDir, name) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Bytes on disk of the dependencies (and their dependencies, each counted once) that installing a package
 * brings, as resolved in this install.
 * @param {string} packageDir
 */
function dependencyClosure(packageDir) {
  /** @type {Map<string, number>} real directory → size */
  const seen = new Map();
  const visit = (/** @type {string} */ dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      const found = findInstalled(dir, name);
      // An optional dependency for another platform is legitimately absent.
      if (found === undefined) {
        if (manifest.dependencies?.[name] !== undefined)
          throw new Error(`${name}, a dependency of ${dir}, is not installed`);
        continue;
      }
      if (seen.has(found)) continue;
      seen.set(found, directorySize(found));
      visit(found);
    }
  };
  visit(packageDir);
  return { packages: seen.size, bytes: [...seen.values()].reduce((sum, size) => sum + size, 0) };
}

/**
 * The files `npm publish` would put in the package (its `files`, package.json, README, LICENSE): what a
 * user downloads, unlike the workspace folder with its sources and tests.
 * @param {string} packageDir
 */
function publishedSize(packageDir) {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: packageDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [packed] = JSON.parse(output);
  if (typeof packed?.unpackedSize !== 'number')
    throw new Error(`npm pack --dry-run in ${packageDir} gave no size`);
  return /** @type {number} */ (packed.unpackedSize);
}

/**
 * @param {{ log: (line: string) => void }} options
 * @returns {Promise<import('../lib/figures.mjs').Figure[]>}
 */
export async function measureClientSize({ log }) {
  const ours = await bundledSize(join(appsDir, 'with-our-client.mjs'));
  const alone = await bundledSize(join(appsDir, 'with-openapi-fetch-alone.mjs'));
  log(`client size: bundles of ${ours.gzipped} and ${alone.gzipped} bytes gzipped`);

  const require = createRequire(import.meta.url);
  const clientDir = realpathSync(dirname(require.resolve('@plivo-openapi/client/package.json')));
  const plivoDir = realpathSync(dirname(require.resolve('plivo/package.json')));
  const ourDependencies = dependencyClosure(clientDir);
  const ourInstall = publishedSize(clientDir) + ourDependencies.bytes;
  const plivoDependencies = dependencyClosure(plivoDir);
  const plivoInstall = directorySize(plivoDir) + plivoDependencies.bytes;
  log(`client size: installs of ${ourInstall} and ${plivoInstall} bytes`);

  return [
    figure({
      name: 'client size: browser app calling both methods (min+gzip) vs openapi-fetch alone',
      value: ours.gzipped,
      baseline: alone.gzipped,
      unit: 'B',
      goal: { metric: 'value', max: MAX_BUNDLE_GZIP_BYTES },
      detail: `esbuild --bundle --minify --platform=browser, then gzip; minified ${ours.minified} vs ${alone.minified} bytes`,
    }),
    figure({
      name: 'client size: installed with dependencies vs plivo installed',
      value: ourInstall,
      baseline: plivoInstall,
      unit: 'B',
      detail: `bytes of files: @plivo-openapi/client as published + ${ourDependencies.packages} dependencies, vs plivo + ${plivoDependencies.packages} dependencies as installed`,
    }),
  ];
}
