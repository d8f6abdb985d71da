import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { watchSources } from '../src/watch-sources.mjs';

let dir: string;
let watcher: ReturnType<typeof watchSources> | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'docs-watch-'));
  mkdirSync(join(dir, 'paths'));
  mkdirSync(join(dir, 'dist'));
});

afterEach(() => {
  watcher?.close();
  rmSync(dir, { recursive: true, force: true });
});

function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(check, 20);
    };
    check();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('rebuilds once for a burst of changes in nested folders, and not for ignored ones', async () => {
  const rebuilds: string[][] = [];
  const errors: unknown[] = [];
  watcher = watchSources(dir, {
    ignore: (path) => path.split(sep)[0] === 'dist',
    rebuild: async (changed) => {
      rebuilds.push(changed);
    },
    onError: (error) => errors.push(error),
    debounceMs: 100,
  });
  writeFileSync(join(dir, 'dist', 'openapi.json'), '{}');
  writeFileSync(join(dir, 'openapi.yaml'), 'a');
  writeFileSync(join(dir, 'paths', 'one.yaml'), 'b');
  await until(() => rebuilds.length > 0, 'a rebuild');
  await sleep(300);
  expect({ rebuilds, errors }).toEqual({
    rebuilds: [['openapi.yaml', join('paths', 'one.yaml')]],
    errors: [],
  });
});

it('never runs two rebuilds at once, and a failed rebuild does not stop the next', async () => {
  let running = 0;
  let overlapped = false;
  const errors: unknown[] = [];
  let calls = 0;
  watcher = watchSources(dir, {
    ignore: () => false,
    rebuild: async () => {
      calls++;
      running++;
      overlapped ||= running > 1;
      await sleep(200);
      running--;
      if (calls === 1) throw new Error('half-typed YAML');
    },
    onError: (error) => errors.push(error),
    debounceMs: 20,
  });
  writeFileSync(join(dir, 'openapi.yaml'), '1');
  await until(() => calls === 1, 'the first rebuild');
  writeFileSync(join(dir, 'openapi.yaml'), '2'); // during the first rebuild
  await until(() => calls === 2, 'the second rebuild');
  await watcher.idle();
  expect({ overlapped, errors: errors.map(String) }).toEqual({
    overlapped: false,
    errors: ['Error: half-typed YAML'],
  });
});

it('keeps seeing a file that an editor saved by replacing it (a copy renamed over it)', async () => {
  const rebuilds: string[][] = [];
  const file = join(dir, 'paths', 'one.yaml');
  writeFileSync(file, 'a');
  watcher = watchSources(dir, {
    ignore: (path) => path.endsWith('.tmp'),
    rebuild: async (changed) => {
      rebuilds.push(changed);
    },
    onError: () => {},
    debounceMs: 50,
  });
  await sleep(100);
  writeFileSync(`${file}.tmp`, 'b');
  renameSync(`${file}.tmp`, file);
  await until(() => rebuilds.length === 1, 'the rebuild after the replacing save');
  await watcher.idle();
  writeFileSync(file, 'c'); // an in-place save of the replaced file
  await until(() => rebuilds.length === 2, 'the rebuild after the next in-place save');
  expect(rebuilds.map((changed) => changed.filter((path) => path === join('paths', 'one.yaml')))).toEqual([
    [join('paths', 'one.yaml')],
    [join('paths', 'one.yaml')],
  ]);
});
