// buildDocs() into a folder that a server may be serving: files are replaced in place, the folder stays.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocs } from '../src/build-docs.mjs';

const root = mkdtempSync(join(tmpdir(), 'plivo-docs-build-test-'));
const outDir = join(root, 'dist');
let inodeBefore: number;

beforeAll(async () => {
  mkdirSync(outDir, { mode: 0o700 });
  writeFileSync(join(outDir, 'stale.html'), 'from an older build');
  writeFileSync(join(outDir, 'index.html'), 'the last good page');
  inodeBefore = statSync(outDir).ino;
  await buildDocs({ outDir });
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('buildDocs() into an existing folder', () => {
  it('keeps the folder itself (a server holding it open keeps serving) and replaces its files', () => {
    expect(statSync(outDir).ino).toBe(inodeBefore);
    expect(readdirSync(outDir).sort()).toEqual(['index.html', 'openapi.json', 'openapi.yaml']);
    expect(statSync(join(outDir, 'index.html')).size).toBeGreaterThan(100_000);
  });

  it('leaves the folder readable by a web server run as another user (0755)', () => {
    expect(statSync(outDir).mode & 0o777).toBe(0o755);
  });

  it('leaves no staging folder behind', () => {
    expect(readdirSync(root)).toEqual(['dist']);
  });
});
