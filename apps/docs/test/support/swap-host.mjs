// Preloaded (node --import) into the process that runs a TypeScript code sample: requests the sample sends to
// Plivo's API go to the mock at $SAMPLE_API_ORIGIN instead. It is the TypeScript sample's version of the cURL
// samples' host swap, and it leaves the sample's own text untouched.
import { appendFileSync } from 'node:fs';

const PLIVO_API = 'https://api.plivo.com';
const target = process.env.SAMPLE_API_ORIGIN;
if (!target)
  throw new Error('swap-host.mjs: set SAMPLE_API_ORIGIN to the mock URL, e.g. http://127.0.0.1:4010');

const realFetch = globalThis.fetch;
/** @type {typeof fetch} */
globalThis.fetch = async (input, init) => {
  const request = new Request(input, init);
  if (!request.url.startsWith(`${PLIVO_API}/`)) {
    throw new Error(`swap-host.mjs: the sample requested ${request.url}, which is not Plivo's API`);
  }
  const swapped = new Request(target + request.url.slice(PLIVO_API.length), request);
  // $SAMPLE_PREFER: the answer to ask the mock for (Prism's Prefer header), to run a sample's error branch.
  if (process.env.SAMPLE_PREFER) swapped.headers.set('Prefer', process.env.SAMPLE_PREFER);
  // $SAMPLE_REQUEST_LOG: a file to append each request's method and body to, as a JSON line.
  if (process.env.SAMPLE_REQUEST_LOG) {
    const body = await swapped.clone().text();
    appendFileSync(process.env.SAMPLE_REQUEST_LOG, `${JSON.stringify({ method: swapped.method, body })}\n`);
  }
  return realFetch(swapped);
};
