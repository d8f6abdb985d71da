// `pnpm test` reports every step: a failing step does not stop the ones after it, and the run ends with the
// list of the failed steps and exit code 1. Ctrl-C stops the run: no further step starts, and it exits 130.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const runSteps = fileURLToPath(new URL('../run-steps.mjs', import.meta.url));

/**
 * A script that runs `steps` with runSteps; each step is `node -e <code>`.
 * @param {{ name: string; code: string }[]} steps
 * @param {{ stepLimitMs?: number }} [options]
 */
function scenarioScript(steps, options = {}) {
  return `
import { runSteps } from ${JSON.stringify(runSteps)};
const steps = ${JSON.stringify(steps)}.map(({ name, code }) => ({
  name,
  command: process.execPath,
  args: ['-e', \`console.log('ran ' + \${JSON.stringify(name)}); \${code}\`],
}));
await runSteps(steps, { cwd: process.cwd(), env: process.env, title: 'scenario', ...${JSON.stringify(options)} });
`;
}

/**
 * Starts a scenario script in its own process group, as a terminal starts a command; whatever is left of the
 * group is killed however the test ends (the runner and its step share it).
 * @param {string} script
 * @param {import('node:test').TestContext} t
 */
function startScenario(script, t) {
  const runner = spawn(process.execPath, ['--input-type=module', '-e', script], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const group = /** @type {number} */ (runner.pid);
  t.after(() => {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {}
  });
  let output = '';
  /** @param {Buffer} chunk */
  const collect = (chunk) => {
    output += chunk;
  };
  runner.stdout.on('data', collect);
  runner.stderr.on('data', collect);
  return { runner, group, output: () => output };
}

/** @param {{ name: string; code: number }[]} steps */
function runScenario(steps) {
  const script = scenarioScript(steps.map(({ name, code }) => ({ name, code: `process.exit(${code})` })));
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test('a failed step does not hide the steps after it; the summary lists every failure and the run fails', () => {
  const { status, output } = runScenario([
    { name: 'lint', code: 1 },
    { name: 'tests: a', code: 0 },
    { name: 'tests: b', code: 3 },
    { name: 'cache check', code: 0 },
  ]);
  assert.equal(status, 1, output);
  for (const name of ['lint', 'tests: a', 'tests: b', 'cache check'])
    assert.match(output, new RegExp(`ran ${name}`));
  assert.match(output, /✗ lint \([\d.]+ s, exit 1\)/);
  assert.match(output, /✓ tests: a/);
  assert.match(output, /✗ tests: b \([\d.]+ s, exit 3\)/);
  assert.match(output, /2 of 4 steps failed:\n {2}- lint\n {2}- tests: b\n/);
});

test('when every step passes, the run passes and says so', () => {
  const { status, output } = runScenario([
    { name: 'one', code: 0 },
    { name: 'two', code: 0 },
  ]);
  assert.equal(status, 0, output);
  assert.match(output, /All 2 steps passed\./);
});

test('a step that does not end is stopped at the step limit, reported as such, and the next step runs', {
  timeout: 60_000,
}, async (t) => {
  const script = scenarioScript(
    [
      { name: 'hangs', code: 'setInterval(() => {}, 1000);' },
      { name: 'after', code: '' },
    ],
    { stepLimitMs: 1_000 },
  );
  // Without a limit the step runs forever: startScenario ends it with the test.
  const { runner, output } = startScenario(script, t);
  const [code] = await once(runner, 'close');
  assert.equal(code, 1, output());
  assert.match(output(), /✗ hangs \([\d.]+ s, no end within 1 s, stopped\)/);
  assert.match(output(), /ran after/);
  assert.match(output(), /1 of 2 steps failed:\n {2}- hangs\n/);
});

test('a step stopped at the step limit takes the processes it started with it', {
  timeout: 60_000,
}, async (t) => {
  const spawnsAndHangs =
    "const { pid } = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });" +
    "console.log('grandchild ' + pid); setInterval(() => {}, 1000);";
  const script = scenarioScript([{ name: 'hangs', code: spawnsAndHangs }], { stepLimitMs: 1_000 });
  const { runner, output } = startScenario(script, t);
  const [code] = await once(runner, 'close');
  assert.equal(code, 1, output());
  const grandchild = /grandchild (\d+)/.exec(output())?.[1];
  assert.ok(grandchild, output());
  // Gone, or a zombie nobody has reaped yet: `ps` shows no process that still runs.
  const shown = spawnSync('ps', ['-o', 'stat=', '-p', grandchild], { encoding: 'utf8' }).stdout.trim();
  assert.ok(shown === '' || shown.startsWith('Z'), `the step's child still runs (ps: ${shown})`);
});

test('a step stopped at the step limit that exits 130 on SIGTERM does not stop the run', {
  timeout: 60_000,
}, async (t) => {
  const script = scenarioScript(
    [
      { name: 'hangs', code: "process.on('SIGTERM', () => process.exit(130)); setInterval(() => {}, 1000);" },
      { name: 'after', code: '' },
    ],
    { stepLimitMs: 1_000 },
  );
  const { runner, output } = startScenario(script, t);
  const [code] = await once(runner, 'close');
  assert.equal(code, 1, output());
  assert.match(output(), /ran after/);
  assert.match(output(), /✗ hangs \([\d.]+ s, no end within 1 s, stopped\)/);
});

test('a step that exits 130 (Ctrl-C reached it alone) stops the run: no further step, exit 130', () => {
  const { status, output } = runScenario([
    { name: 'one', code: 0 },
    { name: 'two', code: 130 },
    { name: 'three', code: 0 },
  ]);
  assert.equal(status, 130, output);
  assert.doesNotMatch(output, /ran three/, 'the step after the interrupted one must not start');
  assert.match(output, /Interrupted: 1 of 3 steps did not run\./);
  assert.doesNotMatch(output, /steps passed/);
});

// The long step either dies of the SIGINT (as most commands do) or catches it and exits 0 (as `pnpm start` does);
// either way the run must stop there.
for (const { label, handler } of [
  { label: 'dies of it', handler: '' },
  { label: 'catches it and exits 0', handler: "process.on('SIGINT', () => process.exit(0));" },
]) {
  test(`Ctrl-C during a long step (which ${label}) stops the run: no further step, exit 130`, {
    timeout: 60_000,
  }, async (t) => {
    const script = scenarioScript([
      { name: 'first', code: '' },
      {
        name: 'long',
        code: `${handler} setInterval(() => {}, 1000); setTimeout(() => process.exit(0), 120000); console.log('long is running');`,
      },
      { name: 'after', code: '' },
    ]);
    // Its own process group, so the SIGINT below reaches the runner and the step together, as Ctrl-C does.
    const { runner, group, output } = startScenario(script, t);
    const exited = once(runner, 'exit');
    await new Promise((resolve, reject) => {
      runner.stdout.on('data', () => {
        if (output().includes('long is running')) resolve(undefined);
      });
      runner.once('exit', (code) => reject(new Error(`the runner exited early (${code}):\n${output()}`)));
    });
    process.kill(-group, 'SIGINT');
    const [code, signal] = await exited;
    assert.equal(code, 130, `the run exits 130 after Ctrl-C (signal ${signal}):\n${output()}`);
    assert.doesNotMatch(output(), /ran after/, `no step starts after Ctrl-C:\n${output()}`);
    assert.doesNotMatch(output(), /All \d+ steps passed/, output());
    assert.match(output(), /Interrupted: 1 of 3 steps did not run\./, output());
  });
}
