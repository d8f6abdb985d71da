// @ts-check
// `pnpm bench`: runs every suite, prints one table, writes results.json. Goals are reported, not enforced:
// the exit code is non-zero only when something could not be measured.
// Usage: node src/cli.mjs [--smoke] [--only <suite>[,<suite>...]] [--out <file>]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatTable } from './lib/figures.mjs';
import { SUITES, settingsFor } from './settings.mjs';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const TIME_BUDGET_MS = { full: 10 * 60_000, smoke: 30_000 };

// `pnpm bench -- --smoke` hands the script a literal `--` first; `pnpm bench --smoke` does not.
const args = process.argv.slice(2);
const { values } = parseArgs({
  args: args[0] === '--' ? args.slice(1) : args,
  options: {
    smoke: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(`Usage: pnpm bench [--smoke] [--only ${SUITES.join(',')}] [--out file.json]
  --smoke  a quick run (under 30 s) with small sizes: checks that every figure can be measured
  --only   run only these suites
  --out    where to write the results (default bench/results.json)`);
  process.exit(0);
}
const only = values.only?.split(',').map((name) => name.trim()) ?? [...SUITES];
const unknown = only.filter((name) => !(/** @type {readonly string[]} */ (SUITES).includes(name)));
if (unknown.length > 0) {
  console.error(`Unknown suite(s) ${unknown.join(', ')}; the suites are ${SUITES.join(', ')}.`);
  process.exit(2);
}

const mode = values.smoke ? 'smoke' : 'full';
const settings = settingsFor(mode);
const out = values.out === undefined ? resolve(packageDir, 'results.json') : resolve(values.out);
const workDir = resolve(packageDir, '.work', mode);
const repoRoot = resolve(packageDir, '..');
const log = (/** @type {string} */ line) => console.error(`[bench] ${line}`);

rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
const startedAt = new Date();
log(`${mode} run of ${only.join(', ')} on ${cpus().length} CPUs, Node ${process.version}`);

// Imported when run, so that `--only pipeline` works before the client and the mock kit are built.
/** @type {Record<(typeof SUITES)[number], () => Promise<import('./lib/figures.mjs').Figure[]>>} */
const run = {
  'client-overhead': async () =>
    (await import('./suites/client-overhead.mjs')).measureClientOverhead({
      ...settings.clientOverhead,
      workDir,
      log,
    }),
  'client-size': async () => (await import('./suites/client-size.mjs')).measureClientSize({ log }),
  mock: async () => (await import('./suites/mock.mjs')).measureMock({ ...settings.mock, log }),
  pipeline: async () =>
    (await import('./suites/pipeline-scaling.mjs')).measurePipelineScaling({
      ...settings.pipeline,
      workDir,
      log,
    }),
  cache: async () => (await import('./suites/cache.mjs')).measureCache({ ...settings.cache, repoRoot, log }),
};
/** @type {import('./lib/figures.mjs').Figure[]} */
const figures = [];
for (const suite of SUITES) {
  if (only.includes(suite)) figures.push(...(await run[suite]()));
}

const finishedAt = new Date();
const durationMs = finishedAt.getTime() - startedAt.getTime();
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}`;
const results = {
  mode,
  suites: only,
  startedAt: startedAt.toISOString(),
  durationSeconds: durationMs / 1000,
  node: process.version,
  cpus: cpus().length,
  machine,
  figures,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

console.log(`pnpm bench (${mode}), ${startedAt.toISOString()}, Node ${process.version}, ${machine}\n`);
console.log(formatTable(figures));
const unmet = figures.filter((f) => f.met === false).length;
console.log(
  `\n${figures.length} figures in ${(durationMs / 1000).toFixed(0)} s (${mode} run); ${unmet} goal(s) not met. Results: ${out}`,
);
if (durationMs > TIME_BUDGET_MS[mode]) {
  log(`warning: the ${mode} run took longer than its budget of ${TIME_BUDGET_MS[mode] / 1000} s`);
}
