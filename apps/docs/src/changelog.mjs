// The page's "Changelog" section, made from the CHANGELOG.md that changesets writes for @plivo-openapi/spec.
// It is appended to info.description, where Redoc renders it as a section of the page with a sidebar entry.

export const NO_RELEASES = 'No releases yet.';

const FENCE = /^\s*(```|~~~)/;

/**
 * Changesets writes `# <package>`, then `## <version>` per release and `### Minor Changes` (etc.) inside it.
 * On the page the section heading is `##`, each release `###`, and the change kinds bold text rather than
 * headings, so the sidebar lists releases without one entry per change kind.
 *
 * @param {string | undefined} changelog the CHANGELOG.md text, or undefined when there is none yet
 * @returns {string} Markdown for the section
 */
export function changelogSection(changelog) {
  const intro = 'Releases of `@plivo-openapi/spec`, the OpenAPI document shown on this page, newest first.';
  const releases = changelog === undefined ? '' : releaseNotes(changelog);
  return `## Changelog\n\n${intro}\n\n${releases || NO_RELEASES}\n`;
}

/** @param {string} changelog */
function releaseNotes(changelog) {
  const out = [];
  let inFence = false;
  let releaseCount = 0;
  for (const line of changelog.replace(/\r\n/g, '\n').split('\n')) {
    if (FENCE.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) {
      if (releaseCount > 0) out.push(line);
      continue;
    }
    const [, hashes = '', text = ''] = heading;
    if (hashes.length === 1) continue; // the package name: the section heading replaces it
    if (hashes.length === 2) {
      releaseCount++;
      out.push(`### ${text}`);
    } else if (releaseCount > 0) {
      out.push(`**${text}**`);
    }
  }
  return releaseCount === 0 ? '' : out.join('\n').trim();
}

/**
 * @param {Record<string, any>} definition a bundled OpenAPI document (not modified)
 * @param {string | undefined} changelog
 * @returns {Record<string, any>} a copy whose info.description ends with the changelog section
 */
export function withChangelog(definition, changelog) {
  const description = definition.info?.description?.trimEnd() ?? '';
  const section = changelogSection(changelog);
  return {
    ...definition,
    info: { ...definition.info, description: description ? `${description}\n\n${section}` : section },
  };
}
