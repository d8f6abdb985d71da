// `pnpm install --frozen-lockfile` must work on macOS, Windows and Linux (glibc and musl): the lockfile has to
// hold the native binary package of every tool that ships one, for each of those platforms, not only for the
// machine that last wrote it. (pnpm records every optional dependency, whatever the platform; this test keeps it
// so.) Where a tool ships one Linux binary for both C libraries (turbo and esbuild are static), that one counts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const lockfile = readFileSync(new URL('../../pnpm-lock.yaml', import.meta.url), 'utf8');
/** Package names in the lockfile's `packages:` section, without versions. */
const locked = new Set(
  [...lockfile.matchAll(/^ {2}'?((?:@[^/\s']+\/)?[^@\s']+)@[^:]+'?:$/gm)].map((match) => match[1]),
);

/** @type {Record<string, Record<string, string>>} tool -> platform -> package holding its binary */
const BINARIES = {
  turbo: {
    'macOS x64': '@turbo/darwin-64',
    'macOS arm64': '@turbo/darwin-arm64',
    'Windows x64': '@turbo/windows-64',
    'Linux x64 (glibc and musl)': '@turbo/linux-64',
    'Linux arm64 (glibc and musl)': '@turbo/linux-arm64',
  },
  biome: {
    'macOS x64': '@biomejs/cli-darwin-x64',
    'macOS arm64': '@biomejs/cli-darwin-arm64',
    'Windows x64': '@biomejs/cli-win32-x64',
    'Linux x64 glibc': '@biomejs/cli-linux-x64',
    'Linux x64 musl': '@biomejs/cli-linux-x64-musl',
    'Linux arm64 glibc': '@biomejs/cli-linux-arm64',
    'Linux arm64 musl': '@biomejs/cli-linux-arm64-musl',
  },
  esbuild: {
    'macOS x64': '@esbuild/darwin-x64',
    'macOS arm64': '@esbuild/darwin-arm64',
    'Windows x64': '@esbuild/win32-x64',
    'Linux x64 (glibc and musl)': '@esbuild/linux-x64',
    'Linux arm64 (glibc and musl)': '@esbuild/linux-arm64',
  },
  'rolldown (tsdown)': {
    'macOS x64': '@rolldown/binding-darwin-x64',
    'macOS arm64': '@rolldown/binding-darwin-arm64',
    'Windows x64': '@rolldown/binding-win32-x64-msvc',
    'Linux x64 glibc': '@rolldown/binding-linux-x64-gnu',
    'Linux x64 musl': '@rolldown/binding-linux-x64-musl',
    'Linux arm64 glibc': '@rolldown/binding-linux-arm64-gnu',
    'Linux arm64 musl': '@rolldown/binding-linux-arm64-musl',
  },
};

test('the lockfile lists packages at all (the pattern reads it)', () => {
  assert.ok(locked.has('turbo') && locked.has('typescript'), [...locked].slice(0, 20).join(', '));
});

for (const [tool, platforms] of Object.entries(BINARIES)) {
  test(`the lockfile holds ${tool}'s binary for macOS, Windows and Linux (glibc and musl)`, () => {
    const missing = Object.entries(platforms).filter(([, name]) => !locked.has(name));
    assert.deepEqual(
      missing.map(([platform, name]) => `${platform}: ${name}`),
      [],
      'missing from pnpm-lock.yaml: a frozen install on those platforms would have no binary',
    );
  });
}
