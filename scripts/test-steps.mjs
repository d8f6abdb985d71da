// The steps of `pnpm test`, in order (scripts/run-all-tests.mjs runs them; the README shows their names).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The release checks: two steps of `pnpm test`, and all of `pnpm check:release` (scripts/check-release.mjs).
 * @type {import('./run-steps.mjs').Step[]}
 */
export const RELEASE_CHECKS = [
  {
    name: 'release: changeset check',
    command: process.execPath,
    args: ['packages/release-tools/bin/check-changesets.mjs'],
  },
  {
    name: 'release: breaking-change guard',
    command: process.execPath,
    args: ['packages/release-tools/bin/check-breaking-changes.mjs'],
  },
];

/**
 * @param {{ root: string; env: NodeJS.ProcessEnv; tempFolder: string }} context
 * @returns {import('./run-steps.mjs').Step[]}
 */
export function listSteps({ root, env, tempFolder }) {
  const bin = (/** @type {string} */ name) => join(root, 'node_modules/.bin', name);
  const node = process.execPath;
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

  const packages = packagesWithTests();
  const scriptTests = readdirSync(join(root, 'scripts/test'))
    .filter((file) => file.endsWith('.test.mjs'))
    .sort();
  return [
    { name: 'lint: Biome', command: bin('biome'), args: ['ci', '--error-on-warnings', '.'] },
    // Through turbo: scripts/serve.mjs imports the mock kit, whose types exist once it is built.
    { name: 'lint: root scripts (tsc)', command: bin('turbo'), args: ['run', 'lint:scripts'] },
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
    ...RELEASE_CHECKS,
    { name: 'turbo cache check', command: node, args: ['scripts/check-turbo-cache.mjs'] },
    { name: 'temp folder left clean', command: node, args: ['scripts/check-temp-folder.mjs', tempFolder] },
  ];
}
