// A clone anywhere works. In a fresh clone of this repository's HEAD with no `../shared` beside it, the suites
// that read Plivo's reference material are skipped with one line naming the folder and everything else in them
// passes; with PLIVO_REFERENCE=required the same run fails naming the folder. And turbo's cache key of the
// spec's test task follows the reference files (added, changed, removed). To stay cheap it runs only the suites
// that read the reference (the spec's whole test task through turbo, the mock kit's proxy-validation file).
// It clones commits: commit a change before this test can see it.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'plivo-fresh-clone-'));
const checkout = join(scratch, 'checkout');
const fixtures = join(scratch, 'shared/reference/fixtures');

/**
 * The environment of a user's shell: no variables that pnpm, turbo or CI set for this run.
 * @param {Record<string, string>} extra
 */
function userEnv(extra = {}) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|pnpm_|turbo_|PLIVO_REFERENCE)/i.test(key)) env[key] = value;
  }
  return { ...env, TURBO_TELEMETRY_DISABLED: '1', ...extra };
}

const COMMAND_LIMIT_MS = 240_000;

/**
 * Runs a command in the clone; returns its exit status and everything it printed.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string; env?: NodeJS.ProcessEnv }} [options]
 */
function run(command, args, { cwd = checkout, env = userEnv() } = {}) {
  // spawnSync blocks the event loop, so the test's own timeout could never fire: the command gets a limit.
  const result = spawnSync(command, args, {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: COMMAND_LIMIT_MS,
    killSignal: 'SIGKILL',
  });
  if (result.error) {
    throw new Error(`${command} ${args.join(' ')} (limit ${COMMAND_LIMIT_MS} ms): ${result.error.message}`, {
      cause: result.error,
    });
  }
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}${result.stderr}`) };
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string; env?: NodeJS.ProcessEnv }} [options]
 */
function mustRun(command, args, options) {
  const { status, output } = run(command, args, options);
  assert.equal(status, 0, `${command} ${args.join(' ')} failed:\n${output}`);
  return output;
}

before(() => {
  execFileSync('git', ['clone', '--quiet', repoRoot, checkout], { stdio: 'ignore' });
  // The packages are already in pnpm's store (the repository was installed): no network needed.
  mustRun('pnpm', ['install', '--offline', '--frozen-lockfile']);
  mustRun('pnpm', [
    'exec',
    'turbo',
    'run',
    'build',
    '--filter=@plivo-openapi/contract-tests',
    '--output-logs=errors-only',
  ]);
});

after(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * The suites that read ../shared/reference: the spec's test task (through turbo) and the mock kit's file.
 * @param {NodeJS.ProcessEnv} env
 */
function referenceSuites(env) {
  const spec = run('pnpm', ['exec', 'turbo', 'run', 'test', '--filter=@plivo-openapi/spec', '--force'], {
    env,
  });
  const mock = run('pnpm', ['exec', 'vitest', 'run', 'test/proxy-validation.test.ts'], {
    cwd: join(checkout, 'packages/contract-tests'),
    env,
  });
  return [spec, mock];
}

test('without ../shared the reference suites are skipped, each with one line naming the folder', {
  timeout: 300_000,
}, (t) => {
  for (const { status, output } of referenceSuites(userEnv())) {
    for (const line of output.split('\n').filter((text) => text.includes('skipped ')))
      t.diagnostic(line.trim());
    assert.equal(status, 0, `a suite failed without the reference folder:\n${output}`);
    assert.match(output, /skipped \S+\.test\.ts.*: .*shared\/reference\/fixtures is missing/, output);
    assert.ok(output.includes(fixtures), `the skip line names ${fixtures}:\n${output}`);
  }
});

test('with PLIVO_REFERENCE=required the same run fails, naming the folder', { timeout: 300_000 }, () => {
  for (const { status, output } of referenceSuites(userEnv({ PLIVO_REFERENCE: 'required' }))) {
    assert.notEqual(status, 0, `passed although the reference is required and absent:\n${output}`);
    assert.ok(output.includes(`PLIVO_REFERENCE=required, but ${fixtures} is missing`), output);
  }
});

/**
 * turbo's hash of each test task, without running anything.
 * @returns {Map<string, string>}
 */
function testHashes() {
  /** @type {{ tasks: { taskId: string; hash: string }[] }} */
  const plan = JSON.parse(mustRun('pnpm', ['exec', 'turbo', 'run', 'test', '--dry=json']));
  return new Map(plan.tasks.map((task) => [task.taskId, task.hash]));
}

test("turbo's hash of the spec's test task follows the reference files", { timeout: 120_000 }, () => {
  const spec = '@plivo-openapi/spec#test';
  const unrelated = '@plivo-openapi/client#test';
  const fixture = join(fixtures, 'plivo-go/getMaskingSessionResponse.json');
  /** @type {Map<string, string>[]} */
  const hashes = [];
  const step = (/** @type {string} */ what, /** @type {() => void} */ change) => {
    change();
    const now = testHashes();
    const previous = hashes.at(-1);
    if (previous) {
      assert.notEqual(now.get(spec), previous.get(spec), `${what}: the spec's test hash did not change`);
      assert.equal(now.get(unrelated), previous.get(unrelated), `${what}: changed the hash of ${unrelated}`);
    }
    hashes.push(now);
  };
  step('no reference folder', () => {});
  step('a fixture added', () => {
    mkdirSync(join(fixtures, 'plivo-go'), { recursive: true });
    writeFileSync(fixture, '{"api_id": "1"}\n');
  });
  step('a fixture changed', () => writeFileSync(fixture, '{"api_id": "2"}\n'));
  step('a second fixture added', () => writeFileSync(join(fixtures, 'plivo-go/other.json'), '{}\n'));
  step('a fixture removed', () => rmSync(join(fixtures, 'plivo-go/other.json')));
  step('the reference folder removed', () => rmSync(join(scratch, 'shared'), { recursive: true }));
  assert.equal(hashes[0]?.get(spec), hashes.at(-1)?.get(spec), 'the same inputs give the same hash again');
});
