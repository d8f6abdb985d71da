import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'tsdown';

/** A JSDoc comment that opens and closes on one line. */
const ONE_LINE_JSDOC = /\/\*\*(?:(?!\*\/).)*\*\//g;

/**
 * rolldown-plugin-dts 0.23, the last release that runs on Node 20, moves a one-line JSDoc comment onto the end
 * of the line before it (sxzz/rolldown-plugin-dts#182, fixed in releases that need Node 22): TypeScript then
 * attaches it to nothing, and editors show no description for a quarter of the spec's fields. Gives each such
 * comment a line of its own again.
 */
export function jsdocOnOwnLines(code: string): string {
  return code
    .split('\n')
    .flatMap((line) => {
      const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
      const text = line.slice(indent.length);
      const pieces: string[] = [];
      let from = 0;
      for (const comment of text.matchAll(ONE_LINE_JSDOC)) {
        pieces.push(text.slice(from, comment.index).trim(), comment[0]);
        from = comment.index + comment[0].length;
      }
      pieces.push(text.slice(from).trim());
      const kept = pieces.filter((piece) => piece !== '');
      return kept.length <= 1 ? [line] : kept.map((piece) => indent + piece);
    })
    .join('\n');
}

export default defineConfig({
  // The callbacks entry shares no code with the client: a callback receiver bundles none of the API client.
  entry: { index: 'src/index.ts', callbacks: 'src/callbacks/index.ts' },
  // Dual package: ESM for import, CJS for require, each with its own declarations (.d.mts / .d.cts).
  format: ['esm', 'cjs'],
  fixedExtension: true,
  dts: true,
  // Runs anywhere fetch does: nothing Node-specific may be resolved or injected.
  platform: 'neutral',
  target: 'es2022',
  // The output is unminified and keeps its comments, so it reads like the source; no maps needed (tsdown
  // would also leave a dangling sourceMappingURL in the declarations).
  sourcemap: false,
  clean: true,
  hooks: {
    'build:done': ({ chunks, options }) => {
      for (const { fileName } of chunks) {
        if (!/\.d\.[cm]ts$/.test(fileName)) continue;
        const path = join(options.outDir, fileName);
        writeFileSync(path, jsdocOnOwnLines(readFileSync(path, 'utf8')));
      }
    },
  },
});
