// @ts-check
// Keeps the spec's `info.version` equal to the @plivo-openapi/spec package version.
// `changeset version` only knows package.json; this copies the version into openapi.yaml as a one-line text
// edit, so comments, quoting and layout of the hand-written document stay exactly as they were.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SPEC_SOURCE } from './spec-package.mjs';
import { findSpecPackage } from './workspace.mjs';

/**
 * The line of `info.version` in a YAML document: the `version:` key indented one level under the top-level
 * `info:` key. Returns null when there is none.
 * @param {string} text
 * @returns {{ lineIndex: number; prefix: string; quote: string; version: string; suffix: string } | null}
 */
function locateInfoVersion(text) {
  const lines = text.split('\n');
  const infoIndex = lines.findIndex((line) => /^info:\s*(#.*)?\r?$/.test(line));
  if (infoIndex === -1) return null;
  let childIndent;
  for (let i = infoIndex + 1; i < lines.length; i++) {
    const line = /** @type {string} */ (lines[i]);
    if (/^\s*(#.*)?\r?$/.test(line)) continue;
    const indent = /^[ ]*/.exec(line)?.[0].length ?? 0;
    if (indent === 0) break; // the next top-level key: info has no version
    childIndent ??= indent;
    if (indent !== childIndent) continue; // nested deeper, e.g. a `version` inside info.contact
    const match = /^( *version:[ \t]*)(['"]?)([^'"\s#]*)\2([ \t]*(?:#.*)?\r?)$/.exec(line);
    if (match) {
      return {
        lineIndex: i,
        prefix: /** @type {string} */ (match[1]),
        quote: /** @type {string} */ (match[2]),
        version: /** @type {string} */ (match[3]),
        suffix: /** @type {string} */ (match[4]),
      };
    }
  }
  return null;
}

/**
 * @param {string} text the YAML source of an OpenAPI document
 * @returns {string}
 */
export function readInfoVersion(text) {
  const found = locateInfoVersion(text);
  if (!found) {
    throw new Error(
      'No `info.version` found: the document needs a top-level `info:` block with a `version: X.Y.Z` line.',
    );
  }
  return found.version;
}

/**
 * Returns the document with `info.version` set to `version`; every other byte is unchanged.
 * @param {string} text
 * @param {string} version
 * @returns {string}
 */
export function writeInfoVersion(text, version) {
  const found = locateInfoVersion(text);
  if (!found) return readInfoVersion(text); // throws the explanatory error
  const lines = text.split('\n');
  lines[found.lineIndex] = `${found.prefix}${found.quote}${version}${found.quote}${found.suffix}`;
  return lines.join('\n');
}

/**
 * Copies the spec package's version into its openapi.yaml.
 * @param {string} root the workspace root
 * @returns {Promise<{ file: string; version: string; previous: string; changed: boolean }>}
 */
export async function syncSpecVersion(root) {
  const spec = await findSpecPackage(root);
  const file = join(spec.dir, SPEC_SOURCE);
  const text = readFileSync(file, 'utf8');
  const previous = readInfoVersion(text);
  const version = spec.packageJson.version;
  if (previous !== version) writeFileSync(file, writeInfoVersion(text, version));
  return { file, version, previous, changed: previous !== version };
}
