import { describe, expect, it } from 'vitest';
import { readInfoVersion, writeInfoVersion } from '../src/spec-version.mjs';

const document = `openapi: 3.1.0
# the version below is kept equal to package.json by pnpm run version
info:
  title: 'Plivo API'
  contact:
    name: maintainers
    version: not-this-one
  version: 0.1.0 # synced
  description: |
    version: 9.9.9 is prose, not a key
servers:
  - url: https://api.plivo.com
x-meta:
  version: 7.7.7
`;

describe('readInfoVersion', () => {
  it('reads the version key directly under info, not a nested or later one', () => {
    expect(readInfoVersion(document)).toBe('0.1.0');
  });

  it('reads quoted versions', () => {
    expect(readInfoVersion("info:\n  title: t\n  version: '2.3.4'\n")).toBe('2.3.4');
    expect(readInfoVersion('info:\n  version: "2.3.4"\n')).toBe('2.3.4');
  });

  it('explains what is missing when info has no version', () => {
    expect(() => readInfoVersion('openapi: 3.1.0\ninfo:\n  title: t\npaths: {}\n')).toThrow(
      /needs a top-level `info:` block with a `version: X\.Y\.Z` line/,
    );
    expect(() => readInfoVersion('openapi: 3.1.0\n')).toThrow(/No `info.version` found/);
  });
});

describe('writeInfoVersion', () => {
  it('changes only the info.version value, keeping its comment and every other byte', () => {
    const written = writeInfoVersion(document, '0.2.0');
    expect(written).toBe(document.replace('  version: 0.1.0 # synced', '  version: 0.2.0 # synced'));
    expect(readInfoVersion(written)).toBe('0.2.0');
  });

  it('keeps the quoting style', () => {
    expect(writeInfoVersion("info:\n  version: '1.0.0'\n", '1.1.0')).toBe("info:\n  version: '1.1.0'\n");
  });

  it('keeps CRLF line endings', () => {
    expect(writeInfoVersion('info:\r\n  title: t\r\n  version: 1.0.0\r\n', '2.0.0')).toBe(
      'info:\r\n  title: t\r\n  version: 2.0.0\r\n',
    );
  });
});
