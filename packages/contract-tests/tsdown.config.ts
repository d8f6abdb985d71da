import { defineConfig } from 'tsdown';

// ESM only: the package runs in Node test runners (vitest, node --test), all of which load ESM.
export default defineConfig({
  entry: { index: 'src/index.ts', vitest: 'src/global-setup.ts', cli: 'src/cli.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  dts: true,
  fixedExtension: false,
  clean: true,
});
