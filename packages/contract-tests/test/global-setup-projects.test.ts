// A vitest config with several projects, each with its own mock: a child vitest runs ./multi-project and each
// project's test must find its own mock's URL in PLIVO_MOCK_URL, as inject() gives it.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { MOCK_URL_ENV } from '../src/global-setup.js';

const PACKAGE = fileURLToPath(new URL('../', import.meta.url));
const VITEST = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

function runChildVitest(): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env[MOCK_URL_ENV]; // This run's own mock must not leak into the child's.
  const child = spawn(
    process.execPath,
    [VITEST, 'run', '--config', 'test/multi-project/vitest.config.ts', '--reporter', 'verbose'],
    { cwd: PACKAGE, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
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
