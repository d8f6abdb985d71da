// `pnpm reference`: serves the built reference on 127.0.0.1 and rebuilds it when the spec's sources change.
// The root script builds everything first (turbo), so dist/ is fresh when this starts.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { buildDocs, defaultOutDir } from '../src/build-docs.mjs';
import { specPackageDir } from '../src/spec-bundle.mjs';
import { PortInUseError, startStaticServer } from '../src/static-server.mjs';
import { watchSources } from '../src/watch-sources.mjs';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
// Outputs and tests of the spec package; everything else in it (YAML, code samples, CHANGELOG.md) feeds the page.
const NOT_SOURCES = new Set(['dist', 'node_modules', 'test', '.turbo']);

/** @type {{ port: string }} */
let values;
try {
  ({ values } = parseArgs({
    options: { port: { type: 'string', default: process.env.DOCS_PORT ?? '8080' } },
  }));
} catch (error) {
  console.error(
    `${error instanceof Error ? error.message : error}. Its one option: --port <port> (or DOCS_PORT).`,
  );
  process.exit(1);
}
// Digits only: Number() would read '' (an empty DOCS_PORT) as 0, a free port, and '0x50' as 80.
const port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : Number.NaN;
if (!(port <= 65_535)) {
  console.error(
    `--port must be a port number from 0 to 65535 (0 picks a free one); got ${JSON.stringify(values.port)}.`,
  );
  process.exit(1);
}

async function rebuildSpec() {
  // Through turbo, so the bundle is made exactly as `pnpm build` makes it (and from cache when unchanged).
  await run(
    join(repoRoot, 'node_modules/.bin/turbo'),
    ['run', 'build', '--filter=@plivo-openapi/spec', '--output-logs=errors-only'],
    { cwd: repoRoot, env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } },
  ).catch((/** @type {{ stdout?: string, stderr?: string }} */ error) => {
    throw new Error(`The spec did not build:\n${error.stdout ?? ''}${error.stderr ?? ''}`.trimEnd());
  });
}

try {
  if (!existsSync(join(defaultOutDir, 'index.html'))) await buildDocs();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

/** @type {import('../src/static-server.mjs').StaticServer} */
let server;
try {
  server = await startStaticServer({ root: defaultOutDir, port });
} catch (error) {
  console.error(
    error instanceof PortInUseError
      ? `${error.message} Choose another one with --port (\`pnpm reference --port 9000\`) or DOCS_PORT=9000; 0 picks a free one.`
      : error instanceof Error
        ? error.message
        : error,
  );
  process.exit(1);
}
let stopping = false;
const watcher = watchSources(specPackageDir, {
  ignore: (path) => NOT_SOURCES.has(path.split(sep)[0] ?? ''),
  async rebuild(changed) {
    console.log(`Spec changed (${changed.join(', ')}): rebuilding...`);
    await rebuildSpec();
    await buildDocs();
    console.log(`Rebuilt. Reload ${server.url}/ to see it.`);
  },
  // Not once stopping: Ctrl-C also ended the rebuild's own tools, which is no build error.
  onError: (error) => stopping || console.error(error instanceof Error ? error.message : error),
});

console.log(`API reference: ${server.url}/`);
console.log(`Watching ${specPackageDir} for changes. Press Ctrl-C to stop.`);

const shutDown = async () => {
  stopping = true;
  watcher.close();
  // A rebuild under way ends first (its build-docs cleans up its staging folder): Ctrl-C reached its children too.
  await watcher.idle();
  await server.stop();
  process.exit(0);
};
process.once('SIGINT', shutDown);
process.once('SIGTERM', shutDown);
