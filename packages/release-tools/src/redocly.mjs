// @ts-check
// Runs the workspace's own @redocly/cli (the tool that bundles and lints the spec) offline, without telemetry.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const require = createRequire(import.meta.url);

/** redocly's entry point, found when first needed, so a missing install is named rather than a stack. */
function redoclyBin() {
  let manifest;
  try {
    manifest = require.resolve('@redocly/cli/package.json');
  } catch {
    throw new Error('@redocly/cli is not installed in this workspace: run `pnpm install`.');
  }
  return join(dirname(manifest), JSON.parse(readFileSync(manifest, 'utf8')).bin.redocly);
}

/**
 * @param {string[]} args
 * @param {string} cwd
 * @returns {Promise<string>} its standard output
 */
export async function runRedocly(args, cwd) {
  const { stdout } = await execFileAsync(process.execPath, [redoclyBin(), ...args], {
    cwd,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}
