// `pnpm test`: lint, every package's suites, the scripts' own tests (the `pnpm start` check among them), the
// release checks and the turbo cache check. Every step runs even when an earlier one fails; the command ends
// with the list of the steps that failed and exits 1 if any did.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSteps } from './run-steps.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (/** @type {string} */ name) => join(root, 'node_modules/.bin', name);
const node = process.execPath;
// Every step gets one fresh temp folder, so the last step can prove that nothing was left behind in it.
const tempFolder = mkdtempSync(join(tmpdir(), 'plivo-openapi-test-'));
process.on('exit', () => rmSync(tempFolder, { recursive: true, force: true }));
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  // Part of every turbo hash (turbo.json globalEnv): a run on another Node version reruns the suites instead of
  // replaying the results of this one from the cache.
  PLIVO_NODE_VERSION: process.version,
  TMPDIR: tempFolder,
  TMP: tempFolder,
  TEMP: tempFolder,
};

/**
 * Every workspace package with a test script, as turbo sees them.
 * @returns {string[] | undefined}
 */
function packagesWithTests() {
  const result = spawnSync(bin('turbo'), ['run', 'test', '--dry=json'], {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) return undefined;
  /** @type {{ tasks: { task: string; package: string; command: string }[] }} */
  const plan = JSON.parse(result.stdout);
  return plan.tasks
    .filter((task) => task.task === 'test' && task.command !== '<NONEXISTENT>')
    .map((task) => task.package)
    .sort();
}

/** @returns {import('./run-steps.mjs').Step[]} */
function listSteps() {
  const packages = packagesWithTests();
  const scriptTests = readdirSync(join(root, 'scripts/test'))
    .filter((file) => file.endsWith('.test.mjs'))
    .sort();
  return [
    { name: 'lint: Biome', command: bin('biome'), args: ['ci', '--error-on-warnings', '.'] },
    { name: 'lint: root scripts (tsc)', command: bin('tsc'), args: ['-p', 'scripts'] },
    { name: 'lint: every package', command: bin('turbo'), args: ['run', 'lint', '--continue'] },
    // One step per package, so the summary names the package whose suites failed.
    ...(packages
      ? packages.map((name) => ({
          name: `tests: ${name}`,
          command: bin('turbo'),
          args: ['run', 'test', `--filter=${name}`],
        }))
      : [{ name: 'tests: every package', command: bin('turbo'), args: ['run', 'test', '--continue'] }]),
    ...scriptTests.map((file) => ({
      name: `scripts/test/${file}${file === 'serve.test.mjs' ? ' (pnpm start)' : ''}`,
      command: node,
      args: ['--test', join('scripts/test', file)],
    })),
    {
      name: 'release: changeset check',
      command: node,
      args: ['packages/release-tools/bin/check-changesets.mjs'],
    },
    {
      name: 'release: breaking-change guard',
      command: node,
      args: ['packages/release-tools/bin/check-breaking-changes.mjs'],
    },
    { name: 'turbo cache check', command: node, args: ['scripts/check-turbo-cache.mjs'] },
    { name: 'temp folder left clean', command: node, args: ['scripts/check-temp-folder.mjs', tempFolder] },
  ];
}

runSteps(listSteps(), { cwd: root, env, title: 'pnpm test' });
