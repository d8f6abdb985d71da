// `pnpm test` reports every step: a failing step does not stop the ones after it, and the run ends with the
// list of the failed steps and exit code 1.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const runSteps = fileURLToPath(new URL('../run-steps.mjs', import.meta.url));

/** @param {{ name: string; code: number }[]} steps */
function runScenario(steps) {
  const script = `
import { runSteps } from ${JSON.stringify(runSteps)};
const steps = ${JSON.stringify(steps)}.map(({ name, code }) => ({
  name,
  command: process.execPath,
  args: ['-e', \`console.log('ran ' + \${JSON.stringify(name)}); process.exit(\${code})\`],
}));
runSteps(steps, { cwd: process.cwd(), env: process.env, title: 'scenario' });
`;
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
