// @ts-check
// `pnpm pack` of a workspace package, exactly as `pnpm publish` would build the tarball.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * @typedef {{ name: string; version: string; tarball: string; files: string[]; manifest: import('./workspace.mjs').PackageJson }} PackedPackage
 */

/**
 * @param {string} packageDir
 * @param {string} destination folder for the .tgz
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<PackedPackage>}
 */
export async function packPackage(packageDir, destination, env = process.env) {
  const { stdout } = await execFileAsync('pnpm', ['pack', '--pack-destination', destination, '--json'], {
    cwd: packageDir,
    env,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  /** @type {{ name: string; version: string; filename: string; files: { path: string }[] }} */
  const packed = JSON.parse(stdout);
  return {
    name: packed.name,
    version: packed.version,
    tarball: packed.filename,
    files: packed.files.map((file) => file.path).sort(),
    manifest: await readPackedManifest(packed.filename),
  };
}

/**
 * The package.json inside a tarball: what the registry and users get, workspace: ranges already rewritten.
 * @param {string} tarball
 */
export async function readPackedManifest(tarball) {
  const { stdout } = await execFileAsync('tar', ['-xzOf', tarball, 'package/package.json'], {
    encoding: 'utf8',
  });
  return JSON.parse(stdout);
}
