// The auth token must never reach a log. This file provokes every error the client can raise, with servers,
// proxies, fetch wrappers and callers that put the token where it does not belong, then searches every
// message, stack, toJSON(), JSON.stringify, util.inspect rendering (hidden properties, getters, causes) and
// console line for it. The servers here are hostile: they echo the credentials back in bodies, error
// messages and headers, so redaction is tested, not just the absence of the token. (The reliability files
// run the same search on each error they see: faults, load, properties, exit.)
import { format, inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  createPlivoClient,
  InvalidArgumentError,
  InvalidResponseError,
  NotFoundError,
  PlivoApiError,
  type PlivoClient,
  RateLimitError,
  ServerError,
} from '../../src/index.js';
import { AUTH_ID, AUTH_TOKEN, BASIC_CREDENTIALS, maskingPath, verifyPath } from '../helpers/credentials.js';
import { type Behaviour, type FaultServer, faults, startFaultServer } from '../helpers/fault-server.js';
import { LeakCollector, leaksIn, partialLeaksIn, SECRET_FORMS } from '../helpers/leak-check.js';
import { maskingBody, uuidFor } from '../helpers/spec.js';

const collected = new LeakCollector();
const consoleLines: string[] = [];
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
let server: FaultServer;
let client: PlivoClient;
/** For the faults that must time out. */
let quick: PlivoClient;

beforeAll(async () => {
  for (const method of CONSOLE_METHODS) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleLines.push(format(...args));
    });
  }
  vi.spyOn(process, 'emitWarning').mockImplementation((warning: string | Error) => {
    consoleLines.push(String(warning));
  });
  server = await startFaultServer();
  // Long timeouts, so that each echo case ends in the error its fault provokes even on a busy machine.
  client = createPlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: server.url, maxRetries: 1 });
  quick = createPlivoClient({
    authId: AUTH_ID,
    authToken: AUTH_TOKEN,
    baseUrl: server.url,
    timeoutMs: 300,
    maxRetries: 1,
  });
});

afterAll(async () => {
  await server.close();
  vi.restoreAllMocks();
});

async function caught(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/** The Authorization header the server received, decoded: what an echoing server or proxy would repeat. */
const credentialsOf = (headers: Record<string, string | string[] | undefined>) => {
  const header = String(headers.authorization ?? '');
  return { header, decoded: Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8') };
};

type Resource = 'maskingSessions' | 'verifySessions';
const RESOURCES: readonly Resource[] = ['maskingSessions', 'verifySessions'];

/** Servers and proxies that repeat the credentials back: in the error text, a page, a broken body, a header. */
const echoes: {
  name: string;
  error: typeof PlivoApiError;
  fault: Behaviour;
  /** The resources whose answer this fault breaks (default: both). */
  resources?: readonly Resource[];
}[] = [
  {
    name: '404 that echoes the Authorization header in a response header',
    error: NotFoundError,
    fault: (req, res) => {
      const { header } = credentialsOf(req.headers);
      faults.json(404, { error: 'no' }, { 'x-echo': header })(req, res);
    },
  },
  {
    name: '500 JSON string body that quotes the header',
    error: ServerError,
    fault: (req, res) => {
      const { header } = credentialsOf(req.headers);
      faults.json(500, `<pre>${header}</pre>`)(req, res);
    },
  },
  {
    name: '200 with a broken body that ends with the decoded token',
    error: InvalidResponseError,
    fault: (req, res) => {
      const { decoded } = credentialsOf(req.headers);
      faults.raw(200, 'application/json', `oops ${decoded}`)(req, res);
    },
  },
  {
    name: '401 whose error message quotes the credentials',
    error: AuthenticationError,
    fault: (req, res) => {
      const { header, decoded } = credentialsOf(req.headers);
      faults.json(401, { api_id: 'a1', error: `authentication failed for ${decoded} (${header})` })(req, res);
    },
  },
  {
    name: '400 whose reason phrase and api_id quote the credentials',
    error: BadRequestError,
    fault: (req, res) => {
      const { header, decoded } = credentialsOf(req.headers);
      const body = JSON.stringify({ api_id: `id ${decoded}`, error: 'bad' });
      res.writeHead(400, `Bad ${header}`, { 'content-type': 'application/json' });
      res.end(body);
    },
  },
  {
    name: '200 without its payload, whose api_id quotes the token',
    error: InvalidResponseError,
    resources: ['maskingSessions'],
    fault: (req, res) => {
      const { decoded } = credentialsOf(req.headers);
      faults.json(200, { api_id: `id ${decoded.split(':')[1]}` })(req, res);
    },
  },
  {
    name: 'HTML 502 page that dumps the request headers',
    error: ServerError,
    fault: (req, res) => {
      const { header, decoded } = credentialsOf(req.headers);
      faults.raw(
        502,
        'text/html',
        `<h1>502</h1><pre>Authorization: ${header}\npassword=${decoded}</pre>`,
      )(req, res);
    },
  },
  {
    name: '200 with malformed JSON that starts with the token',
    error: InvalidResponseError,
    fault: (req, res) => {
      const { decoded } = credentialsOf(req.headers);
      faults.raw(200, 'application/json', `${decoded.split(':')[1]} {not json`)(req, res);
    },
  },
  {
    name: '200 masking body whose `response` is a string holding the token',
    error: InvalidResponseError,
    resources: ['maskingSessions'],
    fault: (req, res) => {
      const { decoded } = credentialsOf(req.headers);
      faults.json(200, { api_id: 'a2', response: `token=${decoded.split(':')[1]}` })(req, res);
    },
  },
  {
    name: 'oversized body that starts with the token',
    error: InvalidResponseError,
    fault: (req, res) => {
      const { decoded } = credentialsOf(req.headers);
      faults.raw(
        200,
        'application/json',
        `${decoded.split(':')[1]}${' '.repeat(11 * 1024 * 1024)}`,
      )(req, res);
    },
  },
  {
    name: '500 whose error quotes the Authorization header URL-encoded (as a proxy logs it)',
    error: ServerError,
    fault: (req, res) => {
      const { header } = credentialsOf(req.headers);
      faults.json(500, { error: `upstream refused ${encodeURIComponent(header)}` })(req, res);
    },
  },
  {
    name: '400 whose reason phrase has the credentials without their base64 padding',
    error: BadRequestError,
    fault: (req, res) => {
      const { header } = credentialsOf(req.headers);
      res.writeHead(400, `Bad ${header.replace(/=+$/, '')}, retry`, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'bad' }));
    },
  },
  {
    name: '429 that echoes the Authorization header in a response header',
    error: RateLimitError,
    fault: (req, res) => {
      const { header } = credentialsOf(req.headers);
      faults.json(
        429,
        { error: 'slow down' },
        { 'x-echo-authorization': header, 'retry-after': '0' },
      )(req, res);
    },
  },
];

describe('errors never contain the auth token', () => {
  it.each(echoes)('server: $name', async ({ name, error: expected, fault, resources = RESOURCES }) => {
    const uuid = uuidFor(echoes.findIndex((echo) => echo.name === name) + 1);
    server.route(maskingPath(uuid), fault);
    server.route(verifyPath(uuid), fault);
    for (const resource of resources) {
      const error = await caught(() => client[resource].get(uuid));
      // The error of this very fault: the answer that holds the token was received and handled.
      expect(error, resource).toBeInstanceOf(expected);
      collected.add(`server ${name} (${resource})`, error);
    }
    // The credentials really went out, so redaction (not luck) kept them out of the errors.
    const sent = server.requests.find((request) => request.url === maskingPath(uuid));
    expect(sent?.headers.authorization).toBe(`Basic ${BASIC_CREDENTIALS}`);
  });

  // A custom `fetch` (a logging or retrying wrapper) may fail with an error that describes the request: in its
  // message, or by carrying the request itself, as ky's, got's and axios' errors do. The client keeps that
  // error as `cause`, and util.inspect prints causes, so it must not keep it with the credentials in it.
  const wrappers: { name: string; fail: (request: Request) => Error }[] = [
    {
      name: 'a fetch wrapper whose error message quotes the Authorization header',
      fail: (request) =>
        new Error(`request failed, sent Authorization: ${request.headers.get('authorization')}`),
    },
    {
      name: 'a fetch wrapper whose error carries the request (as ky, got and axios errors do)',
      fail: (request) => Object.assign(new Error('request failed'), { request }),
    },
    {
      name: 'a fetch wrapper whose error name quotes the Authorization header',
      fail: (request) =>
        Object.assign(new Error('boom'), { name: `FetchError(${request.headers.get('authorization')})` }),
    },
    {
      name: 'a fetch wrapper whose error quotes the credentials without their padding',
      fail: (request) =>
        new DOMException(
          `refused ${request.headers.get('authorization')?.replace(/=+$/, '')}.`,
          'NetworkError',
        ),
    },
    {
      name: 'a fetch wrapper whose error code and hostname quote the Authorization header',
      fail: (request) =>
        Object.assign(new Error('request failed'), {
          code: `E_AUTH ${request.headers.get('authorization')}`,
          hostname: `${request.headers.get('authorization')}@api.plivo.com`,
        }),
    },
    {
      // The client's own class, which it once let through unredacted, as it lets its own such error through.
      name: "a fetch wrapper that throws the client's InvalidArgumentError quoting the Authorization header",
      fail: (request) => new InvalidArgumentError('fetch', `refused ${request.headers.get('authorization')}`),
    },
    {
      name: 'a fetch wrapper whose error message is not a string',
      fail: () => Object.assign(new Error('x'), { message: 42, stack: undefined }),
    },
  ];
  it.each(wrappers)('$name', async ({ name, fail }) => {
    const wrapped = createPlivoClient({
      authId: AUTH_ID,
      authToken: AUTH_TOKEN,
      baseUrl: server.url,
      maxRetries: 0,
      fetch: async (request) => {
        throw fail(request);
      },
    });
    const error = await caught(() => wrapped.verifySessions.get(uuidFor(100)));
    expect(error).toBeInstanceOf(PlivoApiError);
    expect(leaksIn(error), 'renderings of the error that show the token').toEqual([]);
    collected.add(name, error);
  });

  it('a caller who puts the token where it does not belong', async () => {
    const mistakes: [string, () => unknown][] = [
      ['token as sessionUuid', () => client.maskingSessions.get(AUTH_TOKEN)],
      ['token as Verify sessionUuid', () => client.verifySessions.get(AUTH_TOKEN)],
      ['Basic header as sessionUuid', () => client.verifySessions.get(SECRET_FORMS[1] as string)],
      // Longer than a message quotes: the cut must not leave the token's start where redaction misses it.
      [
        'token after 50 characters as sessionUuid',
        () => client.verifySessions.get(`${'x'.repeat(50)}${AUTH_TOKEN}`),
      ],
      ['token as authId', () => createPlivoClient({ authId: AUTH_TOKEN, authToken: AUTH_TOKEN })],
      [
        'token with a trailing newline',
        () => createPlivoClient({ authId: AUTH_ID, authToken: `${AUTH_TOKEN}\n` }),
      ],
      [
        'token with non-ASCII characters',
        () => createPlivoClient({ authId: AUTH_ID, authToken: `${AUTH_TOKEN}é` }),
      ],
      [
        'token in baseUrl',
        () =>
          createPlivoClient({
            authId: AUTH_ID,
            authToken: AUTH_TOKEN,
            baseUrl: `https://${AUTH_ID}:${AUTH_TOKEN}@api.plivo.com`,
          }),
      ],
      [
        'token in baseUrl query',
        () =>
          createPlivoClient({
            authId: AUTH_ID,
            authToken: AUTH_TOKEN,
            baseUrl: `https://api.plivo.com/?token=${AUTH_TOKEN}`,
          }),
      ],
      [
        'Authorization in headers',
        () =>
          createPlivoClient({
            authId: AUTH_ID,
            authToken: AUTH_TOKEN,
            headers: { Authorization: `Basic ${SECRET_FORMS[1]}` },
          }),
      ],
      [
        'Authorization with a line break in headers',
        () =>
          createPlivoClient({
            authId: AUTH_ID,
            authToken: AUTH_TOKEN,
            headers: { Authorization: `Basic ${BASIC_CREDENTIALS}\nX: 1` },
          }),
      ],
      [
        'token as a header name, with a bad value',
        () =>
          createPlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, headers: { [AUTH_TOKEN]: 'a\nb' } }),
      ],
      // Keys the caller chose are quoted back too: a field or filter named like the token.
      [
        'token as a body field with a Map',
        () => client.maskingSessions.create({ [AUTH_TOKEN]: new Map() } as never),
      ],
      [
        'token as a nested body field path',
        () => client.verifySessions.create({ a: { [AUTH_TOKEN]: NaN } } as never),
      ],
      [
        'token as a list filter with an object',
        () => client.verifySessions.list({ [AUTH_TOKEN]: {} } as never),
      ],
      [
        'token as userAgent with a newline',
        () => createPlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, userAgent: `${AUTH_TOKEN}\n` }),
      ],
    ];
    for (const [name, mistake] of mistakes) {
      const error = await caught(mistake);
      expect(error, name).toBeInstanceOf(InvalidArgumentError);
      collected.add(`caller: ${name}`, error);
    }
  });

  it('an environment variable with a malformed token', async () => {
    vi.stubEnv('PLIVO_AUTH_ID', AUTH_ID);
    vi.stubEnv('PLIVO_AUTH_TOKEN', `${AUTH_TOKEN} `);
    try {
      const error = await caught(() => createPlivoClient());
      expect(error).toBeInstanceOf(InvalidArgumentError);
      collected.add('env: PLIVO_AUTH_TOKEN with a trailing space', error);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('transport failures: reset, timeout, abort', async () => {
    const plans: [string, Behaviour][] = [
      ['reset', faults.reset()],
      ['hang', faults.hang()],
      ['stalled body', faults.stallBody()],
    ];
    for (const [name, fault] of plans) {
      const uuid = uuidFor(200 + plans.findIndex(([n]) => n === name));
      server.route(verifyPath(uuid), fault);
      server.route(maskingPath(uuid), fault);
      collected.add(`transport: ${name}`, await caught(() => quick.verifySessions.get(uuid)));
      collected.add(`transport: ${name} (masking)`, await caught(() => quick.maskingSessions.get(uuid)));
    }
    const uuid = uuidFor(300);
    server.route(maskingPath(uuid), faults.hang());
    collected.add(
      'transport: aborted',
      await caught(() => client.maskingSessions.get(uuid, { signal: AbortSignal.timeout(50) })),
    );
    collected.add(
      'transport: aborted before sending',
      await caught(() => client.verifySessions.get(uuid, { signal: AbortSignal.abort() })),
    );
  });
});

describe('a write redirected with the credentials in the new URL', () => {
  it('names the redirect without them, though the Location form-encodes them', async () => {
    const path = `/v1/Account/${AUTH_ID}/Verify/Session/`;
    server.route(path, (req, res) => {
      const { header } = credentialsOf(req.headers);
      res.writeHead(302, { location: `https://sso.example/login?${new URLSearchParams({ a: header })}` });
      res.end();
    });
    const error = await caught(() => client.verifySessions.create({ recipient: '+14155550100' }));
    expect(error).toBeInstanceOf(PlivoApiError);
    expect((error as Error).message).toContain('a redirect to https://sso.example/login?a=Basic+[redacted]');
    collected.add('write redirected with the credentials form-encoded in Location', error);
  });
});

describe('credentials never travel to another origin', () => {
  it('a redirect to another host:port is followed without the Authorization header', async () => {
    const elsewhere = await startFaultServer(faults.json(200, maskingBody(uuidFor(600))));
    try {
      const uuid = uuidFor(600);
      server.route(maskingPath(uuid), (_req, res) => {
        res.writeHead(302, { location: `${elsewhere.url}/captured` });
        res.end();
      });
      const outcome = await client.maskingSessions.get(uuid).catch((error: unknown) => error);
      collected.add('redirect to another origin', outcome);
      expect(elsewhere.requests.map((r) => r.url)).toEqual(['/captured']);
      expect(elsewhere.requests[0]?.headers.authorization).toBeUndefined();
      expect(JSON.stringify(elsewhere.requests[0]?.headers)).not.toContain(AUTH_TOKEN);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('errors never contain a piece of the auth token', () => {
  it('an oversized body (no Content-Length) whose quoted start cuts through an echoed token', async () => {
    // The client quotes the start of a body it refuses as too large. Here that start is 18 echoed tokens (each
    // shrinks to "[redacted]"), some filler, and a token that straddles the point where the quote is cut: if
    // the cut happens before redaction, the front of that last token survives into the message.
    const uuid = uuidFor(500);
    server.route(maskingPath(uuid), (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const start = `${AUTH_TOKEN.repeat(18)}${'x'.repeat(10)}${AUTH_TOKEN}`;
      const filler = Buffer.alloc(1024 * 1024, 0x20);
      res.write(start);
      let sent = 0;
      const more = () => {
        while (sent < 11 && !res.destroyed) {
          sent++;
          if (!res.write(filler)) return void res.once('drain', more);
        }
        res.end();
      };
      more();
    });
    const error = await caught(() => client.maskingSessions.get(uuid));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain('larger than');
    collected.add('oversized body cutting through a token', error);
    expect(partialLeaksIn(error), 'renderings that show 10+ consecutive characters of the token').toEqual([]);
  });
});

describe('the client object itself', () => {
  it('inspects, stringifies and serializes without the token, as a short summary', () => {
    collected.add('client', client);
    collected.add('client.raw', client.raw);
    collected.add('client.maskingSessions', client.maskingSessions);
    collected.add('client.verifySessions', client.verifySessions);
    expect(inspect(client)).toBe(
      `PlivoClient {"authId":"${AUTH_ID}","baseUrl":"${server.url}","authToken":"[redacted]"}`,
    );
    expect(JSON.parse(JSON.stringify(client))).toEqual({
      authId: AUTH_ID,
      baseUrl: server.url,
      authToken: '[redacted]',
    });
  });

  it('holds the token in no property, enumerable or not', () => {
    const seen = new Set<unknown>();
    const walk = (value: unknown, path: string) => {
      if (typeof value === 'string') {
        expect(value, path).not.toContain(AUTH_TOKEN);
        return;
      }
      if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value))
        return;
      seen.add(value);
      for (const key of Reflect.ownKeys(value)) {
        const descriptor = Object.getOwnPropertyDescriptor(value, key);
        if (descriptor && 'value' in descriptor) walk(descriptor.value, `${path}.${String(key)}`);
      }
    };
    walk(client, 'client');
    expect(seen.size).toBeGreaterThan(5);
  });

  it('keeps and changes nothing of the options object passed in', () => {
    const options = { authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: server.url };
    const created = createPlivoClient(options);
    expect(Object.values(created)).not.toContain(options);
    expect(options).toEqual({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: server.url });
  });

  it('a successful call leaves nothing with the token on the result', async () => {
    const uuid = uuidFor(400);
    server.route(maskingPath(uuid), faults.json(200, maskingBody(uuid)));
    collected.add('result of a successful call', await client.maskingSessions.get(uuid));
  });
});

describe('across everything above', () => {
  it('no rendering of any error or object contains the token or the Basic credentials', () => {
    expect(collected.seen.length).toBeGreaterThan(15);
    expect(collected.leaks()).toEqual([]);
  });

  it('no rendering contains even a 10-character piece of the token', () => {
    expect(collected.partialLeaks()).toEqual([]);
  });

  it('no console line or process warning contains them', () => {
    const leaking = consoleLines.filter((line) => SECRET_FORMS.some((secret) => line.includes(secret)));
    expect(leaking).toEqual([]);
  });

  it('error URLs keep the Auth ID and carry no credentials', () => {
    const apiErrors = collected.seen
      .map(({ value }) => value)
      .filter((value) => value instanceof PlivoApiError);
    expect(apiErrors.length).toBeGreaterThan(8);
    for (const error of apiErrors) {
      const url = new URL(error.url);
      expect([url.username, url.password]).toEqual(['', '']);
      expect(url.pathname).toContain(`/Account/${AUTH_ID}/`);
      expect(url.search).toBe('');
      expect(error.message).toContain(error.url);
    }
  });
});
