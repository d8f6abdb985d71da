// Where the docs read the spec from: the bundle that @plivo-openapi/spec publishes, never its split sources.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The spec package's folder (its sources are watched by `pnpm reference`). */
export const specPackageDir = dirname(require.resolve('@plivo-openapi/spec/package.json'));

/** The bundled spec files, copied verbatim next to the page for download. */
export const specBundleFiles = {
  yaml: join(specPackageDir, 'dist/openapi.yaml'),
  json: join(specPackageDir, 'dist/openapi.json'),
};

/** Written by changesets on release; absent until the first release. */
export const specChangelogFile = join(specPackageDir, 'CHANGELOG.md');

/** @returns {Record<string, any>} the bundled OpenAPI document */
export function readSpecBundle() {
  for (const file of Object.values(specBundleFiles)) {
    if (!existsSync(file)) {
      throw new Error(
        `No bundled spec at ${file}. Build it first: \`pnpm --filter @plivo-openapi/spec build\` (or \`pnpm build\`).`,
      );
    }
  }
  return JSON.parse(readFileSync(specBundleFiles.json, 'utf8'));
}

/** @returns {string | undefined} the spec package's CHANGELOG.md, or undefined before the first release */
export function readSpecChangelog() {
  return existsSync(specChangelogFile) ? readFileSync(specChangelogFile, 'utf8') : undefined;
}
