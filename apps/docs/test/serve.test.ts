// `pnpm reference` (scripts/serve.mjs): serves dist/ on 127.0.0.1, says where, and stops cleanly.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readSpecBundle } from '../src/spec-bundle.mjs';

const serveScript = fileURLToPath(new URL('../scripts/serve.mjs', import.meta.url));
let child: ChildProcess;
let url: string;
let output = '';

beforeAll(async () => {
  child = spawn(process.execPath, [serveScript, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve.mjs printed no URL within 20 s:\n${output}`)),
      20_000,
    );
    child.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}:\n${output}`)));
    child.stdout?.on('data', () => {
      const found = /API reference: (\S+)/.exec(output)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
  });
});

afterAll(async () => {
  if (child.exitCode === null && child.pid) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(child.pid, 'SIGTERM');
    await exited;
  }
});

it('prints a URL on 127.0.0.1', () => {
  expect(new URL(url).hostname).toBe('127.0.0.1');
});

it('serves the page and both spec files', async () => {
  const page = await fetch(url);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain(`<title>${readSpecBundle().info.title}</title>`);
  for (const file of ['openapi.yaml', 'openapi.json']) {
    expect({ file, status: (await fetch(new URL(file, url))).status }).toEqual({ file, status: 200 });
  }
});

it('stops its static server on SIGTERM', async () => {
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  process.kill(child.pid as number, 'SIGTERM');
  expect(await exited).toBe(0);
  await expect(fetch(url)).rejects.toThrow();
});

it.each([
  ['an empty DOCS_PORT', [], { DOCS_PORT: '' }, '""'],
  ['a hexadecimal --port', ['--port', '0x50'], {}, '"0x50"'],
  ['a --port out of range', ['--port', '70000'], {}, '"70000"'],
])('refuses %s instead of serving on another port', (_, args, env, shown) => {
  const run = spawnSync(process.execPath, [serveScript, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(
    `--port must be a port number from 0 to 65535 (0 picks a free one); got ${shown}.`,
  );
});
