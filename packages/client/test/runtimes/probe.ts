import { MASKING_UUID, VERIFY_UUID } from '../helpers/credentials.js';

/** A UUID the fixture server does not know: its GET must reject with a NotFoundError. */
export const MISSING_UUID = '00000000-0000-4000-8000-000000000404';

export interface ProbeConfig {
  /** What the probe imports the built client from: a file URL for Deno and Bun, a path esbuild bundles for edge. */
  readonly clientModule: string;
  readonly baseUrl: string;
  /** `options` passes authId/authToken; `env` leaves them to PLIVO_AUTH_ID/PLIVO_AUTH_TOKEN. */
  readonly credentials: { readonly authId: string; readonly authToken: string } | 'env';
  /** `stdout` prints the result (Deno, Bun); `global` leaves a promise of it in `globalThis.__probeResult` (edge). */
  readonly report: 'stdout' | 'global';
}

/** What a probe run reports, as JSON. */
export interface ProbeResult {
  fatal?: string;
  verify?: Record<string, unknown>;
  masking?: Record<string, unknown>;
  maskingApiId?: string;
  notFound?: { isNotFoundError: boolean; name: string; status: number };
  noCredentials?: { name: string; message: string };
}

/**
 * The same small program for every runtime, in plain JavaScript: it imports the built client and uses only what
 * a caller would (the two convenience methods, one 404, construction without credentials). It reports a JSON
 * string so that nothing depends on the runtime's object identity.
 */
export function probeSource(config: ProbeConfig): string {
  const { clientModule, baseUrl, credentials, report } = config;
  const options = credentials === 'env' ? { baseUrl } : { ...credentials, baseUrl };
  const run = `
import { createPlivoClient, NotFoundError } from ${JSON.stringify(clientModule)};

async function run() {
  const result = {};
  try {
    const client = createPlivoClient(${JSON.stringify(options)});
    result.verify = await client.verifySessions.get(${JSON.stringify(VERIFY_UUID)});
    const masking = await client.maskingSessions.get(${JSON.stringify(MASKING_UUID)});
    result.masking = JSON.parse(JSON.stringify(masking));
    result.maskingApiId = masking.api_id;
    try {
      await client.verifySessions.get(${JSON.stringify(MISSING_UUID)});
    } catch (error) {
      result.notFound = { isNotFoundError: error instanceof NotFoundError, name: error.name, status: error.status };
    }
    ${
      credentials === 'env'
        ? ''
        : `try {
      createPlivoClient({ baseUrl: ${JSON.stringify(baseUrl)} });
    } catch (error) {
      result.noCredentials = { name: error.name, message: error.message };
    }`
    }
  } catch (error) {
    result.fatal = String((error && error.stack) || error);
  }
  return JSON.stringify(result);
}
`;
  return report === 'stdout'
    ? `${run}\nconsole.log(await run());\n`
    : `${run}\nglobalThis.__probeResult = run();\n`;
}
