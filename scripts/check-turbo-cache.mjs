// Proves the turbo task graph is declared right: a second build with nothing changed is a full cache hit,
// and a new file among the spec's sources invalidates every build downstream of the spec.
// Uses `turbo run build --dry=json`, which computes hashes without running anything. It never edits a tracked
// file: the change is a new, untracked probe file, removed on exit, on Ctrl-C and on SIGTERM.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };

/** @param {string[]} args */
function turbo(...args) {
  return execFileSync(join(root, 'node_modules/.bin/turbo'), ['run', 'build', ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** @returns {Map<string, { hash: string; status: string }>} */
function dryRun() {
  /** @type {{ tasks: { taskId: string; hash: string; command: string; cache: { status: string } }[] }} */
  const plan = JSON.parse(turbo('--dry=json'));
  // Packages without a build script appear as <NONEXISTENT>: nothing runs, so nothing is cached.
  const builds = plan.tasks.filter((task) => task.command !== '<NONEXISTENT>');
  return new Map(builds.map((task) => [task.taskId, { hash: task.hash, status: task.cache.status }]));
}

/** @param {string} message */
function fail(message) {
  console.error(`turbo cache check: ${message}`);
  process.exit(1);
}

turbo('--output-logs=errors-only');
const warm = dryRun();
const misses = [...warm].filter(([, task]) => task.status !== 'HIT').map(([id]) => id);
if (misses.length > 0) {
  fail(`after a build, a second build with nothing changed would rerun ${misses.join(', ')}.
Something a build writes is probably an input of its own task: gitignore it or list it in turbo.json outputs.`);
}

const schemasDir = join(root, 'openapi/components/schemas');
if (!readdirSync(schemasDir).some((name) => name.endsWith('.yaml'))) fail(`no schema files in ${schemasDir}`);
const probe = join(schemasDir, `turbo-cache-check-${process.pid}.probe`);
const removeProbe = () => rmSync(probe, { force: true });
process.on('exit', removeProbe);
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.once(signal, () => {
    removeProbe();
    process.exit(130);
  });
}
/** @type {Map<string, { hash: string; status: string }>} */
let changed;
try {
  writeFileSync(probe, '# turbo cache check: temporary file\n');
  changed = dryRun();
} finally {
  removeProbe();
}
const stale = [...warm].filter(([id, task]) => changed.get(id)?.hash === task.hash).map(([id]) => id);
if (stale.length > 0) {
  fail(`after adding ${probe}, these builds would still come from the cache: ${stale.join(', ')}.
Every build must depend on the spec (directly or through ^build).`);
}
console.log(
  `turbo cache check: ${warm.size} build tasks fully cached when unchanged; all invalidated by a spec change.`,
);
