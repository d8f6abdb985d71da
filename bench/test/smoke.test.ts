import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Runs the bench's smoke mode once, as `pnpm bench -- --smoke` would, and checks what it wrote. Goals are
// deliberately not asserted: speed is reported by `pnpm bench`, never enforced by a test.

const packageDir = new URL('..', import.meta.url).pathname;
const outDir = mkdtempSync(join(tmpdir(), 'plivo-openapi-bench-'));
const outFile = join(outDir, 'results.json');

interface Figure {
  name: string;
  value: number;
  baseline: number;
  ratio: number;
  goal: { metric: 'ratio' | 'value'; max: number } | null;
  unit: string;
  met: boolean | null;
  detail: string;
}

let stderr = '';
let results: { mode: string; figures: Figure[] };

beforeAll(async () => {
  const run = await promisify(execFile)(process.execPath, ['src/cli.mjs', '--smoke', '--out', outFile], {
    cwd: packageDir,
    maxBuffer: 16 * 1024 * 1024,
  });
  stderr = run.stderr;
  results = JSON.parse(readFileSync(outFile, 'utf8'));
}, 110_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('pnpm bench --smoke', () => {
  it('measures every figure of the issue', () => {
    const expected = [
      ...['sequential', 'concurrency 50'].flatMap((mode) =>
        ['median', 'p99'].flatMap((statistic) =>
          ['openapi-fetch', 'raw fetch', 'plivo'].map(
            (against) => `client overhead: ${mode} ${statistic}, ours vs ${against}`,
          ),
        ),
      ),
      'client size: browser app calling both methods (min+gzip) vs openapi-fetch alone',
      'client size: installed with dependencies vs plivo installed',
      'mock: start-up to first 200 vs bare node:http',
      'mock: requests/s at concurrency 20 vs bare node:http',
      ...[
        'redocly lint',
        'redocly bundle',
        'openapi-typescript',
        'tsc',
        'redocly build-docs',
        'all five steps',
      ].map((step) => `pipeline: ${step}, growth exponent 1→20 ops`),
      'cache: spec lint task (smoke), warm vs cold (turbo)',
    ];
    expect(results.mode).toBe('smoke');
    expect(results.figures.map((f) => f.name)).toEqual(expected);
  });

  it('writes each figure as {name, value, baseline, ratio, goal, unit, met} with measured numbers', () => {
    for (const f of results.figures) {
      const where = `figure "${f.name}"`;
      expect(Number.isFinite(f.value), `${where}: value`).toBe(true);
      expect(f.baseline, `${where}: baseline`).toBeGreaterThan(0);
      expect(f.ratio, `${where}: ratio`).toBeCloseTo(f.value / f.baseline, 9);
      expect(['ms', 'B', 'req/s', 'exponent'], `${where}: unit`).toContain(f.unit);
      if (f.goal === null) {
        expect(f.met, `${where}: met without a goal`).toBeNull();
      } else {
        expect(['ratio', 'value'], `${where}: goal.metric`).toContain(f.goal.metric);
        expect(f.met, `${where}: met`).toBe((f.goal.metric === 'ratio' ? f.ratio : f.value) <= f.goal.max);
      }
      // Timings, sizes and rates are positive when something was really measured.
      if (f.unit !== 'exponent') expect(f.value, `${where}: value`).toBeGreaterThan(0);
    }
  });

  it('stops every server it started', () => {
    const pids = [...stderr.matchAll(/\[bench\] server pid (\d+)/g)].map((match) => Number(match[1]));
    // client overhead's fixture server, the mock's CLI and its Prism, the bare server.
    expect(pids.length).toBeGreaterThanOrEqual(4);
    expect(pids.filter(isAlive)).toEqual([]);
  });
});
