import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlivoClient, InvalidArgumentError } from '../../src/index.js';
import { AUTH_ID, AUTH_TOKEN, BASIC_CREDENTIALS, VERIFY_UUID } from '../helpers/credentials.js';
import { VERIFY_EXAMPLES } from '../helpers/examples.js';
import { sendJson, startServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => sendJson(res, 200, VERIFY_EXAMPLES[0]?.body));
});
afterAll(() => server.close());

beforeEach(() => {
  // Each test states the environment it needs; nothing leaks in from the machine running the tests.
  vi.stubEnv('PLIVO_AUTH_ID', undefined);
  vi.stubEnv('PLIVO_AUTH_TOKEN', undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

function constructionError(options?: Parameters<typeof createPlivoClient>[0]): InvalidArgumentError {
  try {
    createPlivoClient(options);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toBeInstanceOf(TypeError);
    return error as InvalidArgumentError;
  }
  throw new Error('expected createPlivoClient to throw');
}

describe('credentials from the environment', () => {
  it('reads PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN when the options are absent', async () => {
    vi.stubEnv('PLIVO_AUTH_ID', AUTH_ID);
    vi.stubEnv('PLIVO_AUTH_TOKEN', AUTH_TOKEN);
    const client = createPlivoClient({ baseUrl: server.baseUrl });
    expect(client.authId).toBe(AUTH_ID);
    await client.verifySessions.get(VERIFY_UUID);
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Basic ${BASIC_CREDENTIALS}`);
  });

  it('prefers the options to the environment, one by one', () => {
    vi.stubEnv('PLIVO_AUTH_ID', 'SAENVIRONMENTXXXXXX1');
    vi.stubEnv('PLIVO_AUTH_TOKEN', 'from-env');
    expect(createPlivoClient({ authId: AUTH_ID }).authId).toBe(AUTH_ID);
    expect(createPlivoClient({ authToken: AUTH_TOKEN }).authId).toBe('SAENVIRONMENTXXXXXX1');
  });

  it('reads Deno.env where there is no process.env value, and survives its permission error', () => {
    vi.stubGlobal('Deno', { env: { get: (name: string) => ({ PLIVO_AUTH_ID: AUTH_ID })[name] } });
    vi.stubEnv('PLIVO_AUTH_TOKEN', AUTH_TOKEN);
    expect(createPlivoClient().authId).toBe(AUTH_ID);

    vi.stubGlobal('Deno', {
      env: {
        get: () => {
          throw new Error('PermissionDenied: Requires env access, run again with the --allow-env flag');
        },
      },
    });
    expect(constructionError().argument).toBe('PLIVO_AUTH_ID');
  });
});

describe('an environment that throws when read (a sandbox that forbids it)', () => {
  it('is taken as absent: the missing credential is named, not the sandbox error', () => {
    const env = Object.getOwnPropertyDescriptor(process, 'env') as PropertyDescriptor;
    Object.defineProperty(process, 'env', {
      configurable: true,
      get() {
        throw new Error('denied');
      },
    });
    let error: InvalidArgumentError;
    try {
      error = constructionError();
    } finally {
      Object.defineProperty(process, 'env', env);
    }
    expect(error.argument).toBe('PLIVO_AUTH_ID');
    expect(error.message).toBe(
      'Missing Plivo Auth ID: pass the `authId` option to createPlivoClient() (this runtime has no environment variables). Both are on the Plivo console overview page (https://console.plivo.com/dashboard/).',
    );
  });
});

describe('missing credentials', () => {
  it('names the option and the variable to set', () => {
    const error = constructionError();
    expect(error.argument).toBe('PLIVO_AUTH_ID');
    expect(error.message).toBe(
      'Missing Plivo Auth ID: pass the `authId` option to createPlivoClient() or set the PLIVO_AUTH_ID ' +
        'environment variable. Both are on the Plivo console overview page (https://console.plivo.com/dashboard/).',
    );
  });

  it('names the token variable when only the token is missing', () => {
    const error = constructionError({ authId: AUTH_ID });
    expect(error.argument).toBe('PLIVO_AUTH_TOKEN');
    expect(error.message).toMatch(
      /^Missing Plivo Auth Token: pass the `authToken` option .* PLIVO_AUTH_TOKEN/,
    );
  });
});

describe('malformed credentials', () => {
  it.each([
    ['', 'is empty'],
    ['MANJUXXVOICEZZAPI90', 'has 19 characters; an Auth ID has 20'],
    ['M', 'has 1 character; an Auth ID has 20'],
    ['XXNJUXXVOICEZZAPI908', 'does not start with "MA" (main account) or "SA" (subaccount)'],
    ['MAnjuxxvoicezzapi908', 'contains characters other than upper-case letters and digits'],
    ['MANJUXXVOICEZZAPI908\n', 'contains whitespace (a trailing newline from a file or a shell?)'],
  ])('authId %j: says it %s', (authId, problem) => {
    const error = constructionError({ authId, authToken: AUTH_TOKEN });
    expect(error.argument).toBe('authId');
    expect(error.message).toContain(`The \`authId\` option is not a valid Plivo Auth ID: it ${problem};`);
  });

  it('says which environment variable is malformed', () => {
    vi.stubEnv('PLIVO_AUTH_ID', AUTH_ID);
    vi.stubEnv('PLIVO_AUTH_TOKEN', `${AUTH_TOKEN}\n`);
    const error = constructionError();
    expect(error.argument).toBe('PLIVO_AUTH_TOKEN');
    expect(error.message).toMatch(
      /^The PLIVO_AUTH_TOKEN environment variable is not a valid Plivo Auth Token: it contains whitespace/,
    );
  });

  it.each([
    [42, 'is a number, not a string'],
    ['tøken', 'contains characters other than printable ASCII'],
    ['', 'is empty'],
    ['e', 'is shorter than 8 characters'],
    ['1234567', 'is shorter than 8 characters'],
  ])('authToken %j: says it %s', (authToken, problem) => {
    const error = constructionError({ authId: AUTH_ID, authToken: authToken as string });
    expect(error.message).toContain(`it ${problem}`);
  });
});
