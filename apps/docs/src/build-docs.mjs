// Builds the static API reference: index.html from `redocly build-docs` plus the bundled spec for download.
import { execFile } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { withBodySchemasDescribed } from './body-descriptions.mjs';
import { withChangelog } from './changelog.mjs';
import { withEmptyFavicon } from './empty-favicon.mjs';
import { withMetaDescription } from './meta-description.mjs';
import { inlineRedoclyLogos } from './offline-logo.mjs';
import { withSoftBreaksJoined } from './soft-line-breaks.mjs';
import { readSpecBundle, readSpecChangelog, specBundleFiles } from './spec-bundle.mjs';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const redoclyCli = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');

export const defaultOutDir = join(packageDir, 'dist');

/**
 * @param {{ outDir?: string }} [options]
 * @returns {Promise<{ outDir: string, files: string[] }>}
 */
export async function buildDocs({ outDir = defaultOutDir } = {}) {
  const definition = withSoftBreaksJoined(
    withBodySchemasDescribed(withChangelog(readSpecBundle(), readSpecChangelog())),
  );

  // Built next to outDir (same file system) and moved in file by file at the end: each rename replaces one file
  // at once, so while `pnpm reference` serves outDir a reload never finds it missing or half-written, and a
  // build that fails (say, on a half-typed spec) leaves the last good page in place.
  mkdirSync(dirname(outDir), { recursive: true });
  const staging = mkdtempSync(`${outDir}-staging-`);
  // build-docs reads a file; the changelog goes into this copy only, never into the published bundle.
  const workDir = mkdtempSync(join(tmpdir(), 'plivo-docs-'));
  try {
    const input = join(workDir, 'openapi.json');
    writeFileSync(input, JSON.stringify(definition));
    const page = join(staging, 'index.html');
    await redocly([
      'build-docs',
      input,
      '--config',
      join(packageDir, 'redocly.yaml'),
      // Embeds Redoc's script instead of linking it from Redocly's CDN.
      '--inlineBundle',
      '--output',
      page,
    ]);
    const html = inlineRedoclyLogos(readFileSync(page, 'utf8'));
    writeFileSync(page, withEmptyFavicon(withMetaDescription(html, definition.info?.summary)));
    copyFileSync(specBundleFiles.yaml, join(staging, 'openapi.yaml'));
    copyFileSync(specBundleFiles.json, join(staging, 'openapi.json'));
    publish(staging, outDir);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    rmSync(staging, { recursive: true, force: true });
  }
  return { outDir, files: ['index.html', 'openapi.yaml', 'openapi.json'] };
}

/**
 * Moves every file of `staging` into `outDir` and removes the files the new build no longer has.
 * @param {string} staging
 * @param {string} outDir
 */
function publish(staging, outDir) {
  mkdirSync(outDir, { recursive: true });
  // A web server's user must read it; mkdtemp made the staging folder private, and an older build may have
  // moved that folder in whole.
  chmodSync(outDir, 0o755);
  const files = readdirSync(staging);
  for (const file of files) renameSync(join(staging, file), join(outDir, file));
  for (const file of readdirSync(outDir)) {
    if (!files.includes(file)) rmSync(join(outDir, file), { recursive: true, force: true });
  }
}

/** @param {string[]} args */
async function redocly(args) {
  try {
    await run(process.execPath, [redoclyCli, ...args], {
      cwd: packageDir,
      // Telemetry off for the CLI here and, through redocly.yaml, for the page in readers' browsers.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = /** @type {{ stdout?: string, stderr?: string }} */ (error);
    throw new Error(`redocly ${args[0]} failed:\n${stdout}${stderr}`.trimEnd());
  }
}
