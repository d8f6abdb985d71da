import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// cli.js and prism-child.js are the entries of processes (the bin's, Prism's child). The bundler puts a helper two
// entries share in one of their chunks, so a library chunk that imports one of them runs or carries that process's
// code: a stateful mock once imported cli.js and ran the CLI on the test runner's arguments.
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const PROCESS_ENTRIES = ['cli.js', 'prism-child.js'];
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']\.\/(?<file>[^"']+)["']/g;

function relativeImports(file: string): string[] {
  const code = readFileSync(join(DIST, file), 'utf8');
  return [...code.matchAll(RELATIVE_IMPORT)].flatMap((match) => match.groups?.file ?? []);
}

describe('the built chunks', () => {
  const files = readdirSync(DIST).filter((file) => file.endsWith('.js'));

  it('are read: every entry is built and the import pattern finds the chunks they share', () => {
    expect(files).toEqual(expect.arrayContaining(['index.js', 'vitest.js', ...PROCESS_ENTRIES]));
    expect(relativeImports('index.js').length).toBeGreaterThan(0);
  });

  it.each(PROCESS_ENTRIES)('import %s from none of them', (entry) => {
    const importers = files.filter((file) => relativeImports(file).includes(entry));
    expect(importers, `chunks importing ${entry}`).toEqual([]);
  });
});
