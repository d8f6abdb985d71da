// Proves the turbo task graph is declared right: a second build with nothing changed is a full cache hit,
// a new file among the spec's sources invalidates every build downstream of the spec, and one in the mock kit
// invalidates the kit's build only.
// Uses `turbo run build --dry=json`, which computes hashes without running anything. It never edits a tracked
// file: the change is a new, untracked probe file, removed on exit, on Ctrl-C and on SIGTERM.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
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

/**
 * The build hashes after adding a new, untracked file to `dir`; the file is gone when this returns.
 * @param {string} dir
 */
function dryRunWithProbe(dir) {
  if (readdirSync(dir).length === 0) fail(`${dir} is empty: the probe would not stand for a real change`);
  const probe = join(dir, `turbo-cache-check-${process.pid}.probe`);
  const removeProbe = () => rmSync(probe, { force: true });
  process.on('exit', removeProbe);
  try {
    writeFileSync(probe, '# turbo cache check: temporary file\n');
    return dryRun();
  } finally {
    removeProbe();
    process.off('exit', removeProbe);
  }
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  // exit handlers run on process.exit(), so the probe is removed; the status says which signal, as a shell's does.
  process.once(signal, () => process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1)));
}

const afterSpecChange = dryRunWithProbe(join(root, 'openapi/components/schemas'));
const stale = [...warm].filter(([id, task]) => afterSpecChange.get(id)?.hash === task.hash).map(([id]) => id);
if (stale.length > 0) {
  fail(`after a spec change, these builds would still come from the cache: ${stale.join(', ')}.
Every build must depend on the spec (directly or through ^build).`);
}

// The mock kit is the last link of the chain: nothing it holds is an input of the other builds. A change there
// that reran them would mean a root dependency on a workspace package (turbo hashes all its files into every
// task) or a build that depends on more than it reads.
const kitBuild = '@plivo-openapi/contract-tests#build';
const afterKitChange = dryRunWithProbe(join(root, 'packages/contract-tests/test'));
const rerun = [...warm]
  .filter(([id, task]) => id !== kitBuild && afterKitChange.get(id)?.hash !== task.hash)
  .map(([id]) => id);
if (afterKitChange.get(kitBuild)?.hash === warm.get(kitBuild)?.hash)
  fail(`a change in the kit left ${kitBuild} cached`);
if (rerun.length > 0) {
  fail(`a change in the mock kit's tests would rerun ${rerun.join(', ')}, which do not read them.
Check the root package.json for a workspace dependency and each build's dependsOn.`);
}
console.log(
  `turbo cache check: ${warm.size} build tasks fully cached when unchanged; all invalidated by a spec change; only the kit's by a change in the kit.`,
);
