// @ts-check
// Client size: what the client costs a browser app (bundled, minified, gzipped) and a server (installed).
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { figure } from '../lib/figures.mjs';

const MAX_BUNDLE_GZIP_BYTES = 8_000;
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
 * node_modules inside it: dependencies are counted once each by installedSize.
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
 * The files `npm publish` would put in a package of this repository (its `files`, package.json, README,
 * LICENSE): what a user downloads, unlike the workspace folder with its sources and tests.
 * @param {string} packageDir
 */
function packedSize(packageDir) {
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

/** @param {string} dir a package's real directory: one of this repository's, or one installed from the registry */
const isWorkspacePackage = (dir) => !dir.split(sep).includes('node_modules');

/**
 * Bytes a user's install of a package brings: the package and its dependencies (and theirs, each counted
 * once), as resolved in this install. A package of this repository counts as what it would publish
 * (`npm pack`); one from the registry as its installed folder, which holds exactly its published files.
 * @param {string} packageDir
 */
function installedSize(packageDir) {
  /** @type {Map<string, number>} real directory → size */
  const seen = new Map();
  const sizeOf = (/** @type {string} */ dir) =>
    isWorkspacePackage(dir) ? packedSize(dir) : directorySize(dir);
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
      seen.set(found, sizeOf(found));
      visit(found);
    }
  };
  seen.set(packageDir, sizeOf(packageDir));
  visit(packageDir);
  const names = [...seen.keys()].map(
    (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name,
  );
  return { names, bytes: [...seen.values()].reduce((sum, size) => sum + size, 0) };
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
  const ourInstall = installedSize(
    realpathSync(dirname(require.resolve('@plivo-openapi/client/package.json'))),
  );
  const plivoInstall = installedSize(realpathSync(dirname(require.resolve('plivo/package.json'))));
  log(`client size: installs of ${ourInstall.bytes} and ${plivoInstall.bytes} bytes`);

  return [
    figure({
      name: 'client size: browser app using every method (min+gzip) vs openapi-fetch alone',
      value: ours.gzipped,
      baseline: alone.gzipped,
      unit: 'B',
      goal: { metric: 'value', max: MAX_BUNDLE_GZIP_BYTES },
      detail: `esbuild --bundle --minify --platform=browser --target=es2022, then gzip; minified ${ours.minified} vs ${alone.minified} bytes; the openapi-fetch app makes the same requests and page loops`,
    }),
    figure({
      name: 'client size: installed with dependencies vs plivo installed',
      value: ourInstall.bytes,
      baseline: plivoInstall.bytes,
      unit: 'B',
      detail: `bytes of the files a server install brings: ${ourInstall.names.join(', ')} (this repository's packages as \`npm pack\` would publish them, the others as installed) vs plivo and its ${plivoInstall.names.length - 1} dependencies as installed`,
    }),
  ];
}
