import { defineConfig } from 'tsdown';

// ESM only: the package runs in Node test runners (vitest, node --test), all of which load ESM.
export default defineConfig({
  // prism-child: the entry of Prism's own process (see src/prism-process.ts).
  entry: {
    index: 'src/index.ts',
    vitest: 'src/global-setup.ts',
    cli: 'src/cli.ts',
    'prism-child': 'src/prism-child.ts',
  },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  dts: true,
  fixedExtension: false,
  clean: true,
});
