// A vitest config with several projects, each with its own mock: a child vitest runs ./multi-project and each
// project's test must find its own mock's URL in PLIVO_MOCK_URL, as inject() gives it.
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { MOCK_URL_ENV } from '../src/global-setup.js';

const PACKAGE = fileURLToPath(new URL('../', import.meta.url));
const VITEST = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
// Below the test's own timeout, so a hung child is killed and its output still reaches the failure message.
const CHILD_LIMIT_MS = 100_000;

let child: ChildProcess | undefined;
// A failed or timed-out test must not leave the child vitest (and so its mocks, which exit with it) running.
afterEach(() => {
  if (child !== undefined && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function runChildVitest(): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env[MOCK_URL_ENV]; // This run's own mock must not leak into the child's.
  const started = spawn(
    process.execPath,
    [VITEST, 'run', '--config', 'test/multi-project/vitest.config.ts', '--reporter', 'verbose'],
    { cwd: PACKAGE, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child = started;
  let output = '';
  started.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  started.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const limit = setTimeout(() => {
    output += `\n(killed after ${CHILD_LIMIT_MS} ms)`;
    started.kill('SIGKILL');
  }, CHILD_LIMIT_MS);
  return new Promise((resolve, reject) => {
    started.on('error', reject);
    started.on('close', (code) => {
      clearTimeout(limit);
      resolve({ code, output });
    });
  });
}

it('gives each project its own mock in PLIVO_MOCK_URL', { timeout: 120_000 }, async () => {
  const { code, output } = await runChildVitest();
  expect(output).toMatch(/Tests\s+2 passed/);
  expect(code, output).toBe(0);
  const stateless = output.match(/stateless mock: (\S+)/)?.[1];
  const stateful = output.match(/stateful mock: (\S+)/)?.[1];
  expect(stateless).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(stateful).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(stateless).not.toBe(stateful);
});
