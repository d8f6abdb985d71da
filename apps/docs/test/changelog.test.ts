import { describe, expect, it } from 'vitest';
import { changelogSection, NO_RELEASES, withChangelog } from '../src/changelog.mjs';

const CHANGESETS_OUTPUT = `# @plivo-openapi/spec

## 0.2.0

### Minor Changes

- 1a2b3c4: Add \`GET /v1/Account/{auth_id}/Masking/Session/\` (list sessions).

  \`\`\`sh
  # not a heading: it is inside a code block
  curl https://api.plivo.com/
  \`\`\`

### Patch Changes

- 5d6e7f8: Describe \`pin_retry_wait\` as seconds.

## 0.1.0

### Minor Changes

- 9a8b7c6: First release.
`;

describe('changelogSection', () => {
  it('turns each release into a ### heading and each kind of change into bold text', () => {
    const section = changelogSection(CHANGESETS_OUTPUT);
    expect(section.split('\n').filter((line) => line.startsWith('#'))).toEqual([
      '## Changelog',
      '### 0.2.0',
      '### 0.1.0',
    ]);
    expect(section).toContain('**Minor Changes**');
    expect(section).toContain('**Patch Changes**');
    expect(section).toContain('- 5d6e7f8: Describe `pin_retry_wait` as seconds.');
    expect(section).not.toContain('@plivo-openapi/spec\n');
  });

  it('leaves lines inside code blocks alone', () => {
    expect(changelogSection(CHANGESETS_OUTPUT)).toContain('  # not a heading: it is inside a code block');
  });

  it('says there are no releases when the spec package has no CHANGELOG.md yet', () => {
    expect(changelogSection(undefined)).toContain(NO_RELEASES);
  });

  it('says there are no releases when the CHANGELOG.md has only its title', () => {
    expect(changelogSection('# @plivo-openapi/spec\n')).toContain(NO_RELEASES);
  });
});

describe('withChangelog', () => {
  it('appends the section to info.description without touching the original document', () => {
    const definition = { openapi: '3.1.0', info: { title: 'T', version: '1', description: 'About.\n' } };
    const result = withChangelog(definition, undefined);
    expect(result.info.description).toBe(`About.\n\n${changelogSection(undefined)}`);
    expect(definition.info.description).toBe('About.\n');
  });
});
