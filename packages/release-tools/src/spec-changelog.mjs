// @ts-check
// The spec shares one changesets `fixed` group with the client and the mock kit, so a release of either of them
// releases the spec too, and `changeset version` gives that release a heading with nothing under it. Part of
// `pnpm run version`: such a release then says the document did not change, in the CHANGELOG.md the spec package
// ships and the docs page shows.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSpecPackage } from './workspace.mjs';

export const UNCHANGED_DOCUMENT =
  'No change to the document: released with the client and the mock kit, which share its version.';

const RELEASE_HEADING = /^## /;

/**
 * The changelog with every release that has nothing under its heading given `UNCHANGED_DOCUMENT`.
 * @param {string} changelog
 * @returns {string}
 */
export function withUnchangedReleasesNoted(changelog) {
  const lines = changelog.split('\n');
  /** @type {string[]} */
  const out = [];
  lines.forEach((line, index) => {
    out.push(line);
    if (!RELEASE_HEADING.test(line)) return;
    const next = lines.slice(index + 1).find((later) => later.trim() !== '');
    if (next === undefined || RELEASE_HEADING.test(next)) out.push('', UNCHANGED_DOCUMENT);
  });
  return out.join('\n');
}

/**
 * Notes the spec's empty releases in its CHANGELOG.md.
 * @param {string} root the workspace root
 * @returns {Promise<{ file: string; changed: boolean }>}
 */
export async function noteUnchangedSpecReleases(root) {
  const file = join((await findSpecPackage(root)).dir, 'CHANGELOG.md');
  if (!existsSync(file)) return { file, changed: false };
  const text = readFileSync(file, 'utf8');
  const noted = withUnchangedReleasesNoted(text);
  if (noted !== text) writeFileSync(file, noted);
  return { file, changed: noted !== text };
}
