// Run by exit.test.ts as a separate Node process: loads the BUILT client (ESM or CJS), makes the calls it is
// given against the parent's fault server, prints how each ended, and then simply returns. It never calls
// process.exit: if the client leaves a timer, a socket or a listener behind, this process stays alive and the
// parent sees it fail to exit.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [format, baseUrl, callsJson] = process.argv.slice(2);
const dist = new URL('../../dist/', import.meta.url);
const client =
  format === 'cjs'
    ? createRequire(import.meta.url)(new URL('index.cjs', dist).pathname)
    : await import(pathToFileURL(new URL('index.mjs', dist).pathname).href);

// Faults that must time out get a short per-attempt timeout; the others a long one, so that a busy machine
// cannot turn them into timeouts. The long one outlasts the parent's exit limit (20 s): a deadline timer left
// keeping the process alive then fails the test instead of ending just in time.
const clientWith = (timeoutMs) =>
  client.createPlivoClient({
    authId: process.env.PROBE_AUTH_ID,
    authToken: process.env.PROBE_AUTH_TOKEN,
    baseUrl,
    timeoutMs,
    maxRetries: 1,
  });
const quick = clientWith(300);
const patient = clientWith(60_000);

// If the loop is still alive long after the calls ended, say what holds it (unref'd: it must not hold it itself).
setTimeout(() => {
  process.stderr.write(
    `still alive; active resources: ${JSON.stringify(process.getActiveResourcesInfo())}\n`,
  );
}, 4_000).unref();

const calls = JSON.parse(callsJson);
const results = await Promise.all(
  calls.map(async ({ resource, uuid, abortAfterMs, quick: isQuick }) => {
    const plivo = isQuick ? quick : patient;
    const signal = abortAfterMs === undefined ? undefined : AbortSignal.timeout(abortAfterMs);
    try {
      const session = await plivo[resource].get(uuid, { signal });
      return { uuid, ok: true, sessionUuid: session.session_uuid };
    } catch (error) {
      return { uuid, ok: false, name: error.name, typed: error instanceof client.PlivoApiError };
    }
  }),
);
process.stdout.write(`${JSON.stringify(results)}\n`);
