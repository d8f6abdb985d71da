import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createPlivoClient,
  DEFAULT_BASE_URL,
  InvalidArgumentError,
  type PlivoClientOptions,
} from '../../src/index.js';
import { rejectionOf } from '../helpers/client.js';
import { AUTH_ID, AUTH_TOKEN, VERIFY_PATH, VERIFY_UUID } from '../helpers/credentials.js';
import { VERIFY_EXAMPLES } from '../helpers/examples.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

const base = { authId: AUTH_ID, authToken: AUTH_TOKEN };

function errorFor(options: PlivoClientOptions): InvalidArgumentError {
  try {
    createPlivoClient({ ...base, ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return error as InvalidArgumentError;
  }
  throw new Error('expected createPlivoClient to throw');
}

describe('baseUrl', () => {
  it('defaults to https://api.plivo.com', () => {
    expect(createPlivoClient(base).baseUrl).toBe(DEFAULT_BASE_URL);
    expect(DEFAULT_BASE_URL).toBe('https://api.plivo.com');
  });

  it('drops a trailing slash and keeps a path prefix', () => {
    expect(createPlivoClient({ ...base, baseUrl: 'http://127.0.0.1:4010/' }).baseUrl).toBe(
      'http://127.0.0.1:4010',
    );
    expect(createPlivoClient({ ...base, baseUrl: 'https://proxy.test/plivo/' }).baseUrl).toBe(
      'https://proxy.test/plivo',
    );
    // A proxy's own /v1 is not the API's.
    expect(createPlivoClient({ ...base, baseUrl: 'https://gw.test/v1/plivo' }).baseUrl).toBe(
      'https://gw.test/v1/plivo',
    );
  });

  it.each([
    ['api.plivo.com', 'is not an absolute URL'],
    ['ftp://api.plivo.com', 'must use http: or https:, not ftp:'],
    ['https://api.plivo.com/?x=1', 'must not have a query or a fragment'],
    ['https://user:pass@api.plivo.com', 'must not contain credentials'],
    ['https://:pass@api.plivo.com', 'must not contain credentials'],
    ['https://user@api.plivo.com', 'must not contain credentials'],
    ['https://api.plivo.com/v1', 'must not end in the API version path `/v1`'],
    ['https://api.plivo.com/v1/Account/MANJUXXVOICEZZAPI908/', 'must not end in the API version path `/v1`'],
  ])('rejects %j: %s', (baseUrl, problem) => {
    const error = errorFor({ baseUrl });
    expect(error.argument).toBe('baseUrl');
    expect(error.message).toContain(problem);
  });
});

describe('numbers', () => {
  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, '30' as unknown as number])(
    'timeoutMs %j is rejected',
    (timeoutMs) => {
      const error = errorFor({ timeoutMs });
      expect(error.argument).toBe('timeoutMs');
      expect(error.message).toContain(
        'it must be a number of milliseconds from 1 to 2147483647 (default 30000)',
      );
    },
  );

  it.each([-1, 1.5, 101, Number.NaN])('maxRetries %j is rejected', (maxRetries) => {
    const error = errorFor({ maxRetries });
    expect(error.argument).toBe('maxRetries');
    expect(error.message).toContain('whole number from 0 (no retries) to 100 (default 2)');
  });
});

describe('headers and userAgent', () => {
  it('refuse an Authorization header, pointing at authId/authToken', () => {
    const error = errorFor({ headers: { authorization: 'Bearer x' } });
    expect(error.message).toBe(
      'The `headers` option must not set Authorization: pass your credentials as `authId` and `authToken`.',
    );
  });

  it('refuse invalid header names and values', () => {
    expect(errorFor({ headers: { 'bad header': 'x' } }).argument).toBe('headers');
    expect(errorFor({ userAgent: 'app\r\nX-Injected: 1' }).argument).toBe('userAgent');
  });

  it('name the header whose value is invalid without quoting the value (it may be a secret)', () => {
    const value = `secret-${AUTH_TOKEN}\nX-Injected: 1`;
    const error = errorFor({
      headers: [
        ['X-Trace', 'ok'],
        ['X-Key', value],
      ],
    });
    expect(error.message).toBe(
      'The `headers` option has a value for `X-Key` that is not a valid header value (a line break, a NUL or a character above U+00FF; the value is not quoted here as it may be a secret).',
    );
    expect(errorFor({ headers: { 'bad header': 'x' } }).message).toBe(
      "The `headers` option has a header name (entry 1) that is not an HTTP token: letters, digits and !#$%&'*+-.^_`|~ only.",
    );
    // A header named after the token (a valid header name) is not quoted either.
    const named = errorFor({ headers: { [AUTH_TOKEN]: 'a\nb' } }).message;
    expect(named).not.toContain(AUTH_TOKEN);
    expect(named).toContain('a value for `[redacted]`');
  });

  it('refuse a value that is not a string, which would be sent as its text, naming only the header', () => {
    const error = errorFor({ headers: { 'X-Team': null } as unknown as Record<string, string> });
    expect(error.message).toBe(
      'The `headers` option has a value for `X-Team` that is null, not a string: pass a string, or leave the header out.',
    );
  });

  it('refuse Content-Length and Transfer-Encoding: fetch frames each body itself', () => {
    expect(errorFor({ headers: { 'content-length': '10' } }).message).toBe(
      'The `headers` option must not set Content-Length: fetch frames each body itself.',
    );
  });

  it('refuse a Content-Type, which would relabel the JSON bodies', () => {
    expect(errorFor({ headers: { 'content-type': 'text/plain' } }).message).toBe(
      'The `headers` option must not set Content-Type: the client sends every body as JSON with its own.',
    );
  });

  it('refuse userAgent together with a User-Agent header, one of which would be ignored', () => {
    const error = errorFor({ userAgent: 'my-app/1.2', headers: { 'User-Agent': 'corp/1' } });
    expect(error.argument).toBe('userAgent');
    expect(error.message).toMatch(/^Both `userAgent` and a User-Agent in `headers` were given/);
  });
});

describe('fetch', () => {
  it('must be a function', () => {
    const error = errorFor({ fetch: 'fetch' as unknown as PlivoClientOptions['fetch'] });
    expect(error.message).toBe('The `fetch` option is a string; pass a fetch-compatible function.');
  });

  it('defaults to the global fetch as it is at request time', async () => {
    const client = createPlivoClient({ ...base, baseUrl: 'https://api.example.test' });
    const seen: string[] = [];
    vi.stubGlobal('fetch', async (request: Request) => {
      seen.push(request.url);
      return Response.json(VERIFY_EXAMPLES[0]?.body);
    });
    await client.verifySessions.get(VERIFY_UUID);
    expect(seen).toEqual([`https://api.example.test${VERIFY_PATH}`]);
  });

  it('without a global fetch, asks for the option', () => {
    vi.stubGlobal('fetch', undefined);
    expect(errorFor({}).message).toBe(
      'This runtime has no global fetch: pass a fetch-compatible function as the `fetch` option.',
    );
  });
});

it('rejects options that are not an object', () => {
  expect(() => createPlivoClient('MANJUXXVOICEZZAPI908' as unknown as PlivoClientOptions)).toThrow(
    'createPlivoClient() takes an options object or nothing, not a string.',
  );
});

describe('a custom fetch that does not resolve to a Response', () => {
  it.each([
    ['undefined', undefined, 'undefined'],
    ['a plain object', { status: '200' }, 'an object'],
    [
      'a stub with no body stream',
      { ok: true, status: 200, headers: new Headers(), json: async () => ({}) },
      'an object with a status and headers but no body stream (nor a null body)',
    ],
    [
      'a stub with no `ok`',
      { status: 200, headers: new Headers(), body: null },
      'an object with a status and headers but no boolean `ok`',
    ],
  ])('%s: an InvalidArgumentError naming `fetch`, not retried', async (_, answer, shown) => {
    const fetch = vi.fn(async () => answer as unknown as Response);
    const client = createPlivoClient({ ...base, fetch, maxRetries: 2 });
    await expect(client.verifySessions.get(VERIFY_UUID)).rejects.toMatchObject({
      name: 'InvalidArgumentError',
      argument: 'fetch',
      message: `The \`fetch\` option resolved to ${shown}, not a Response: it must return what fetch() does.`,
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('an option the client does not know', () => {
  it('is refused by createPlivoClient, naming it and the options there are', () => {
    const error = errorFor({ timeout: 5000 } as PlivoClientOptions);
    expect(error.argument).toBe('timeout');
    expect(error.message).toBe(
      'createPlivoClient() has no option `timeout`. Its options are `authId`, `authToken`, `baseUrl`, `fetch`, `timeoutMs`, `maxRetries`, `userAgent`, `headers`.',
    );
  });

  it('is refused by a method before anything is sent', async () => {
    const fetch = vi.fn(() => Promise.resolve(Response.json(VERIFY_EXAMPLES[0]?.body)));
    const client = createPlivoClient({ ...base, fetch });
    const call = client.verifySessions.get(VERIFY_UUID, { retries: 0 } as never);
    await expect(call).rejects.toThrow(
      "A method's options object has no option `retries`. Its options are `signal`, `timeoutMs`, `maxRetries`, `headers`.",
    );
    await expect(call).rejects.toMatchObject({ name: 'InvalidArgumentError', argument: 'retries' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('is not what an AbortSignal passed as the options is called: the method says to pass it as { signal }', async () => {
    const fetch = vi.fn(() => Promise.resolve(Response.json(VERIFY_EXAMPLES[0]?.body)));
    const client = createPlivoClient({ ...base, fetch });
    const error = await rejectionOf(
      client.verifySessions.get(VERIFY_UUID, new AbortController().signal as never),
    );
    expect(error).toMatchObject({ name: 'InvalidArgumentError', argument: 'options' });
    expect((error as Error).message).toBe(
      "A method's options are an object such as { signal }; got an AbortSignal: pass it as { signal }.",
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('is named without the token when its name holds it, by createPlivoClient and by a method', async () => {
    const fromClient = errorFor({ [`x${AUTH_TOKEN}`]: 1 } as PlivoClientOptions);
    expect(fromClient).toMatchObject({ argument: 'x[redacted]' });
    expect(fromClient.message).not.toContain(AUTH_TOKEN);
    const client = createPlivoClient({ ...base, fetch: vi.fn() });
    const fromMethod = await rejectionOf(
      client.verifySessions.get(VERIFY_UUID, { [AUTH_TOKEN]: 1 } as never),
    );
    expect(fromMethod).toMatchObject({ argument: '[redacted]' });
    expect((fromMethod as Error).message).not.toContain(AUTH_TOKEN);
  });
});
