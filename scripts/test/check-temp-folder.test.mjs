// The last step of `pnpm test`: it must fail, naming each entry, when the run left anything in its temp folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../check-temp-folder.mjs', import.meta.url));

/** @param {(folder: string) => void} fill */
function checkFolder(fill) {
  const folder = mkdtempSync(join(tmpdir(), 'temp-folder-check-'));
  try {
    fill(folder);
    return spawnSync(process.execPath, [script, folder], { encoding: 'utf8' });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

test('passes on an empty folder, and on one holding only Node’s compile cache', () => {
  for (const fill of [
    () => {},
    (/** @type {string} */ folder) => mkdirSync(join(folder, 'node-compile-cache')),
  ]) {
    const result = checkFolder(fill);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /left nothing in its temp folder/);
  }
});

test('fails on anything else left there, naming every entry', () => {
  const result = checkFolder((folder) => {
    writeFileSync(join(folder, 'prism-spec.json'), '{}');
    mkdirSync(join(folder, 'vitest-leftover'));
  });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /left 2 entries/);
  assert.match(result.stderr, /^ {2}prism-spec\.json$/m);
  assert.match(result.stderr, /^ {2}vitest-leftover$/m);
});
