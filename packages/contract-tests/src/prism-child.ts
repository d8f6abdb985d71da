// The entry of Prism's child process: `node prism-child.js <prism bin> <prism arguments>`. It adds the mock's
// compatibility layer to Prism's own server, ends Prism with the process that started it, then runs Prism's CLI.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { coalesceOutput } from './coalesced-output.js';
import { listOperations } from './list-operations.js';
import { MOCKING_ENV, ROUTES_SPEC_ENV, SPEC_COPY_ENV } from './prism-child-env.js';
import { installCompatLayer } from './prism-compat-layer.js';
import { createRoutes } from './routes.js';

const routesSpec = process.env[ROUTES_SPEC_ENV];
if (routesSpec !== undefined) {
  installCompatLayer(createRoutes(listOperations(routesSpec)), {
    mocking: process.env[MOCKING_ENV] === '1',
  });
}

// One write per turn of the event loop rather than one per line: see coalesced-output.ts.
process.on('exit', coalesceOutput(process.stdout, process.stderr));

// The parent holds the write end of this process's stdin, and the OS closes it however the parent ends: an
// uncaught exception, a test runner's worker torn down, SIGTERM from a CI timeout, even SIGKILL.
process.stdin
  .on('end', () => process.exit(0))
  .on('error', () => process.exit(0))
  .resume();
// The spec copy goes with Prism even when the parent died without cleaning up. Not sooner: Prism watches the file
// and exits when a reload finds it gone.
process.on('exit', () => {
  const copy = process.env[SPEC_COPY_ENV];
  if (copy !== undefined) rmSync(copy, { recursive: true, force: true });
});
// A signal's default action would end the process without 'exit' handlers: a Ctrl-C reaching the whole process
// group (the parent dies too, without cleaning up) would leave the copy behind. Prism handles none of these.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => process.exit(128 + constants.signals[signal]));
}

// Prism's CLI reads its arguments from process.argv.slice(2), as if started as `node <prism bin> ...`.
const prismBin = process.argv[2];
if (prismBin === undefined)
  throw new Error("prism-child.js: pass the path of Prism's bin, then its arguments.");
process.argv.splice(1, 1);
createRequire(import.meta.url)(prismBin);
