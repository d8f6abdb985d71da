import { describe, expect, it } from 'vitest';
import { listEntries } from '../src/package-entries.mjs';
import { findTarballProblems } from '../src/tarball-files.mjs';

const dual = {
  name: '@scope/dual',
  version: '1.0.0',
  exports: {
    '.': {
      import: { types: './dist/index.d.mts', default: './dist/index.mjs' },
      require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
    },
    './package.json': './package.json',
  },
};
const withBin = {
  name: 'tool',
  version: '1.0.0',
  exports: {
    '.': { types: './dist/index.d.ts', default: './dist/index.js' },
    './data.json': './dist/data.json',
  },
  bin: { tool: './bin/tool.js' },
};
const complete = ['LICENSE', 'README.md', 'package.json'];

describe('listEntries', () => {
  it('resolves import and require targets per subpath, leaving out ./package.json', () => {
    expect(listEntries(dual)).toEqual([
      {
        subpath: '.',
        specifier: '@scope/dual',
        kind: 'js',
        importTarget: './dist/index.mjs',
        requireTarget: './dist/index.cjs',
        hasRequireCondition: true,
      },
    ]);
    expect(listEntries(withBin).map((e) => [e.specifier, e.kind, e.hasRequireCondition])).toEqual([
      ['tool', 'js', false],
      ['tool/data.json', 'json', false],
    ]);
  });

  it('treats a sugar exports string and a bare main as the root entry', () => {
    expect(listEntries({ name: 'a', version: '1.0.0', exports: './index.js' })[0]?.importTarget).toBe(
      './index.js',
    );
    expect(listEntries({ name: 'b', version: '1.0.0', main: 'lib/b.js' })[0]?.requireTarget).toBe('lib/b.js');
  });
});

describe('findTarballProblems', () => {
  it('accepts a tarball with its entry files, README, LICENSE and source maps of the build', () => {
    const files = [
      ...complete,
      'dist/index.cjs',
      'dist/index.cjs.map',
      'dist/index.d.cts',
      'dist/index.d.mts',
      'dist/index.mjs',
    ];
    expect(findTarballProblems(files)).toEqual([]);
  });

  it.each([
    ['test/client.test.ts'],
    ['dist/client.test.js'],
    ['dist/client.test.js.map'],
    ['dist/retry.spec.d.ts'],
    ['dist/__tests__/x.js'],
    ['fixtures/session.json'],
    ['tsconfig.json'],
    ['tsconfig.build.json'],
    ['vitest.config.ts'],
    ['tsdown.config.ts'],
    ['tsconfig.tsbuildinfo'],
  ])('rejects the development file %s', (file) => {
    const files = [
      ...complete,
      'dist/index.cjs',
      'dist/index.d.cts',
      'dist/index.d.mts',
      'dist/index.mjs',
      file,
    ];
    expect(findTarballProblems(files)).toEqual([
      `${file} is a test or development file: leave it out of "files" in package.json.`,
    ]);
  });

  it('names README and LICENSE when missing', () => {
    expect(findTarballProblems(['package.json', 'dist/index.js'])).toEqual([
      'README.md is missing: users need it in the tarball (add it to the package folder).',
      'LICENSE is missing: users need it in the tarball (add it to the package folder).',
    ]);
  });
});
