// vitest globalSetup for the suites that run pnpm (pack, changeset, turbo's package manager lookup). Without
// pnpm on PATH each of their tests fails with a bare `spawn pnpm ENOENT`; this says once what is missing and how
// to run them instead.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export default function requirePnpm() {
  const found = spawnSync('pnpm', ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (found.status === 0) return;
  const { packageManager } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  throw new Error(
    `These tests run pnpm, and there is none on PATH (${found.error?.message ?? found.stderr.trim()}). ` +
      `Run them through it: \`npx --yes ${packageManager} exec vitest run\` here, or \`npx --yes ${packageManager} test\` ` +
      `from the repository root; or install it once with \`npm install -g ${packageManager}\`.`,
  );
}
