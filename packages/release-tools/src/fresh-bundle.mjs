// @ts-check
// The spec bundled from its sources as they are now, into a temp folder: the breaking-change guard judges what
// the checkout holds, never a `dist/` left from another branch or from before an edit.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runRedocly } from './redocly.mjs';
import { ROOT_BUNDLE_CONFIG, SPEC_SOURCE } from './spec-package.mjs';

/**
 * Bundles `<specDir>/openapi.yaml` (with the root's redocly.yaml, as the spec package's build does) and calls
 * `use` with the bundle's path; the folder is removed afterwards.
 * @template T
 * @param {string} root
 * @param {string} specDir
 * @param {(bundle: string) => Promise<T>} use
 * @returns {Promise<T>}
 */
export async function withFreshBundle(root, specDir, use) {
  const source = join(specDir, SPEC_SOURCE);
  const folder = mkdtempSync(join(tmpdir(), 'fresh-bundle-'));
  try {
    const bundle = join(folder, 'openapi.json');
    const config = join(root, ROOT_BUNDLE_CONFIG);
    try {
      await runRedocly(
        ['bundle', source, '--output', bundle, ...(existsSync(config) ? ['--config', config] : [])],
        root,
      );
    } catch (error) {
      const { stderr } = /** @type {{ stderr?: string }} */ (error);
      if (stderr === undefined) throw error; // redocly did not run: its own message says why
      // Every error redocly names, without its notices (boxes drawn in ║ and ═).
      const said = stderr
        .split('\n')
        .filter((line) => !/^\s*[╔║╚]/.test(line))
        .join('\n')
        .trim();
      throw new Error(
        `The spec at ${relative(root, source)} does not bundle, so it cannot be compared with the released one. ` +
          `redocly says:\n${said}`,
      );
    }
    return await use(bundle);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
