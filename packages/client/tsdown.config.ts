import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'tsdown';
import { jsdocOnOwnLines } from './scripts/jsdoc-on-own-lines.ts';

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
