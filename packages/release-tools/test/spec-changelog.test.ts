// A release of the client or the mock kit alone is a release of the spec too (one fixed group): its release
// notes must say the document did not change, not show an empty heading.
import { describe, expect, it } from 'vitest';
import { UNCHANGED_DOCUMENT, withUnchangedReleasesNoted } from '../src/spec-changelog.mjs';

const FIRST_RELEASE = '## 0.1.0\n\n### Minor Changes\n\n- 52ab65b: First published version.\n';

describe('withUnchangedReleasesNoted', () => {
  it('notes each release with nothing under its heading, the last one too, and no other', () => {
    const written = `# @plivo-openapi/spec\n\n## 0.1.2\n\n## 0.1.1\n\n${FIRST_RELEASE}`;
    expect(withUnchangedReleasesNoted(written)).toBe(
      `# @plivo-openapi/spec\n\n## 0.1.2\n\n${UNCHANGED_DOCUMENT}\n\n## 0.1.1\n\n${UNCHANGED_DOCUMENT}\n\n${FIRST_RELEASE}`,
    );
    expect(withUnchangedReleasesNoted('# @plivo-openapi/spec\n\n## 0.1.0\n')).toBe(
      `# @plivo-openapi/spec\n\n## 0.1.0\n\n${UNCHANGED_DOCUMENT}\n`,
    );
  });

  it('leaves a changelog whose releases all have notes as it is, and notes nothing twice', () => {
    const written = `# @plivo-openapi/spec\n\n${FIRST_RELEASE}`;
    expect(withUnchangedReleasesNoted(written)).toBe(written);
    const noted = withUnchangedReleasesNoted(`# @plivo-openapi/spec\n\n## 0.1.1\n\n${FIRST_RELEASE}`);
    expect(withUnchangedReleasesNoted(noted)).toBe(noted);
  });
});
