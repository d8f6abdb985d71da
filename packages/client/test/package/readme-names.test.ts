// Every name the package exports is named in its README, so a user finds `PlivoClient` or
// `VerifyCallbackSignatureInput` there instead of in the declarations.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { distFile } from '../helpers/dist.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
/** Every word inside an inline code span or a code block of the README. */
const namedInReadme = new Set(
  [...readme.matchAll(/`+([^`]+)`+/g)].flatMap(([, code]) => code?.match(/[\w$]+/g) ?? []),
);

function exportedNames(entry: string): string[] {
  const program = ts.createProgram([distFile(entry)], { strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(distFile(entry));
  const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  return module === undefined ? [] : checker.getExportsOfModule(module).map((symbol) => symbol.name);
}

describe('the README names every export', () => {
  it.each(['index.d.mts', 'callbacks.d.mts'])('%s', (entry) => {
    const names = exportedNames(entry);
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((name) => !namedInReadme.has(name))).toEqual([]);
  });
});
