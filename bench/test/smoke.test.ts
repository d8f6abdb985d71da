import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createPlivoClient } from '@plivo-openapi/client';
import { transformSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../src/lib/spec-examples.mjs';
import { median } from '../src/lib/stats.mjs';

// Runs the bench's smoke mode once, as `pnpm bench --smoke` would, and checks what it wrote: every figure
// measured, in the documented shape. Goals are deliberately not asserted: speed is reported by `pnpm bench`,
// never enforced by a test.

const packageDir = new URL('..', import.meta.url).pathname;
const outDir = mkdtempSync(join(tmpdir(), 'plivo-openapi-bench-'));
const outFile = join(outDir, 'results.json');

interface Run {
  value: number;
  baseline: number;
  ratio: number;
}
interface Figure extends Run {
  name: string;
  goal: { metric: 'ratio' | 'value' | 'excess'; max?: number; min?: number } | null;
  unit: string;
  met: boolean | null;
  runs: Run[] | null;
  detail: string;
}

let stdout = '';
let stderr = '';
let results: { mode: string; startedAt: string; machine: string; figures: Figure[] };

beforeAll(async () => {
  const run = await promisify(execFile)(process.execPath, ['src/cli.mjs', '--smoke', '--out', outFile], {
    cwd: packageDir,
    maxBuffer: 16 * 1024 * 1024,
    // Below the hook's limit: a hung bench is stopped, by SIGTERM, whose handler also stops its servers.
    timeout: 160_000,
    killSignal: 'SIGTERM',
  });
  stdout = run.stdout;
  stderr = run.stderr;
  results = JSON.parse(readFileSync(outFile, 'utf8'));
}, 170_000);

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
  it('measures every figure of the goals table, and the reported ones', () => {
    expect(results.mode).toBe('smoke');
    expect(results.figures.map((f) => f.name)).toEqual([
      'client: verifySessions.get / openapi-fetch GET, sequential median',
      'client: verifySessions.get / raw fetch, sequential median',
      'client: verifySessions.get / plivo SDK verify_session.get, sequential median',
      'client: verifySessions.get / openapi-fetch GET, sequential p99',
      'client: verifySessions.create / openapi-fetch POST, sequential median',
      'client: maskingSessions.list / openapi-fetch GET, sequential median',
      'client: verifySessions.get / openapi-fetch GET, throughput at 50 in flight',
      'client: verifySessions.get / plivo SDK, throughput at 50 in flight',
      'client: heap after 5000 calls, their results dropped / before them',
      'client size: browser app using every method (min+gzip) vs openapi-fetch alone',
      'client size: installed with dependencies vs plivo installed',
      'mock: kit / bare Prism, median latency',
      'mock: kit / bare Prism, throughput at 50 in flight',
      'mock: kit / bare Prism, idle memory of all its processes',
      "mock: kit with its caller's whole process / bare Prism, idle memory",
      'mock: kit / bare Prism, start-up to first 200',
      "mock: kit with its caller's Node start-up / bare Prism, start-up to first 200",
      ...[
        'redocly lint',
        'redocly bundle',
        'openapi-typescript',
        'tsc',
        'redocly build-docs',
        'all five steps',
      ].map((step) => `pipeline: ${step}, growth exponent 1→20 ops`),
      'cache: spec lint task (smoke), warm vs cold (turbo)',
    ]);
  });

  it('writes each figure as {name, value, baseline, ratio, goal, unit, met, runs} with measured numbers', () => {
    for (const f of results.figures) {
      const where = `figure "${f.name}"`;
      expect(Number.isFinite(f.value), `${where}: value`).toBe(true);
      expect(f.baseline, `${where}: baseline`).toBeGreaterThan(0);
      expect(f.ratio, `${where}: ratio`).toBeCloseTo(f.value / f.baseline, 9);
      expect(['ms', 'B', 'MiB', 'req/s', 'exponent'], `${where}: unit`).toContain(f.unit);
      if (f.goal === null) {
        expect(f.met, `${where}: met without a goal`).toBeNull();
      } else {
        const { metric, min, max } = f.goal;
        expect(['ratio', 'value', 'excess'], `${where}: goal.metric`).toContain(metric);
        expect(min !== undefined || max !== undefined, `${where}: goal has a bound`).toBe(true);
        const measure = metric === 'ratio' ? f.ratio : metric === 'value' ? f.value : f.value - f.baseline;
        expect(f.met, `${where}: met`).toBe(
          (min === undefined || measure >= min) && (max === undefined || measure <= max),
        );
      }
      if (f.runs !== null) {
        // One run per comparison; the figure is the run whose ratio is the median of them all.
        expect(f.runs.length % 2, `${where}: an odd number of runs`).toBe(1);
        for (const run of f.runs)
          expect(run.ratio, `${where}: a run's ratio`).toBeCloseTo(run.value / run.baseline, 9);
        expect(f.ratio, `${where}: the median run`).toBe(median(f.runs.map((run) => run.ratio)));
      }
      // Timings, sizes, rates and memory are positive when something was really measured.
      if (f.unit !== 'exponent') expect(f.value, `${where}: value`).toBeGreaterThan(0);
    }
  });

  it('prints the table with the date and the machine of the run', () => {
    expect(results.machine).toMatch(/^\d+ × .+, [\d.]+ GiB, /);
    expect(stdout).toContain(
      `pnpm bench (smoke), ${results.startedAt}, Node ${process.version}, ${results.machine}`,
    );
    for (const f of results.figures) expect(stdout).toContain(f.name);
  });

  it('stops every server it started', () => {
    const pids = [...stderr.matchAll(/\[bench\] server pid (\d+)/g)].map((match) => Number(match[1]));
    // client overhead's example server; the mock kit, its Prism and bare Prism.
    expect(pids.length).toBeGreaterThanOrEqual(4);
    expect(pids.filter(isAlive)).toEqual([]);
  });
});

describe('the size figure covers the whole client', () => {
  // The code esbuild keeps: a call commented out is not in the bundle, so it must not count here either.
  const source = (app: string) =>
    transformSync(readFileSync(join(packageDir, 'src/size-apps', app), 'utf8'), {
      format: 'esm',
      minifyWhitespace: true,
    }).code;

  it('calls every method of every resource of the client', () => {
    const client = createPlivoClient({ authId: 'MANJUXXVOICEZZAPI908', authToken: 'not-a-real-token' });
    const calls = Object.entries(client)
      .filter(([name, value]) => name !== 'raw' && typeof value === 'object' && value !== null)
      .flatMap(([resource, value]) => methodsOf(value).map((method) => `.${resource}.${method}(`));
    expect(calls.length).toBeGreaterThanOrEqual(9);
    const app = source('with-our-client.mjs');
    expect(calls.filter((call) => !app.includes(call))).toEqual([]);
  });

  it('makes the same requests with openapi-fetch alone: every operation of the spec', () => {
    const { spec } = loadSpec();
    const requests = Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, item]) =>
        Object.keys(item)
          .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          .map((method) => `${method.toUpperCase()}("${path}"`),
    );
    expect(requests.length).toBeGreaterThanOrEqual(9);
    const app = source('with-openapi-fetch-alone.mjs');
    expect(requests.filter((request) => !app.includes(request))).toEqual([]);
  });
});

/** The function-valued properties of an object and of its prototypes (a resource may be a class instance). */
function methodsOf(value: object): string[] {
  const names = new Set<string>();
  for (
    let object: object | null = value;
    object !== null && object !== Object.prototype;
    object = Object.getPrototypeOf(object)
  ) {
    for (const name of Object.getOwnPropertyNames(object)) {
      if (name !== 'constructor' && typeof (value as Record<string, unknown>)[name] === 'function')
        names.add(name);
    }
  }
  return [...names];
}
