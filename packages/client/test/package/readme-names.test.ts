// Every name the package exports is named in its README, so a user finds `PlivoClient` or
// `VerifyCallbackSignatureInput` there instead of in the declarations.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtDeclarations } from '../helpers/declarations.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
/** Every word inside an inline code span or a code block of the README. */
const namedInReadme = new Set(
  [...readme.matchAll(/`+([^`]+)`+/g)].flatMap(([, code]) => code?.match(/[\w$]+/g) ?? []),
);

describe('the README names every export', () => {
  it.each(['index.d.mts', 'callbacks.d.mts'])('%s', (entry) => {
    const names = [...builtDeclarations(entry).exports.keys()];
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((name) => !namedInReadme.has(name))).toEqual([]);
  });
});
