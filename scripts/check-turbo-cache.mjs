// Proves the turbo task graph is declared right: a second build with nothing changed is a full cache hit,
// and touching any spec source invalidates every build downstream of the spec.
// Uses `turbo run build --dry=json`, which computes hashes without running anything.
import { execFileSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };

function turbo(...args) {
  return execFileSync(join(root, 'node_modules/.bin/turbo'), ['run', 'build', ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

function dryRun() {
  const plan = JSON.parse(turbo('--dry=json'));
  // Packages without a build script appear as <NONEXISTENT>: nothing runs, so nothing is cached.
  const builds = plan.tasks.filter((task) => task.command !== '<NONEXISTENT>');
  return new Map(builds.map((task) => [task.taskId, { hash: task.hash, status: task.cache.status }]));
}

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

const specFiles = readdirSync(join(root, 'openapi/components/schemas')).filter((name) =>
  name.endsWith('.yaml'),
);
if (specFiles.length === 0) fail('no schema files found under openapi/components/schemas');
const touched = join(root, 'openapi/components/schemas', specFiles[0]);
const original = readFileSync(touched, 'utf8');
let changed;
try {
  appendFileSync(touched, '\n# turbo cache check: temporary change\n');
  changed = dryRun();
} finally {
  writeFileSync(touched, original);
}
const stale = [...warm].filter(([id, task]) => changed.get(id)?.hash === task.hash).map(([id]) => id);
if (stale.length > 0) {
  fail(`after editing ${touched}, these builds would still come from the cache: ${stale.join(', ')}.
Every build must depend on the spec (directly or through ^build).`);
}
console.log(
  `turbo cache check: ${warm.size} build tasks fully cached when unchanged; all invalidated by a spec edit.`,
);
