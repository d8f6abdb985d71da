import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMock } from '../src/index.js';
import { BASIC_AUTH } from './support/credentials.js';
import { FIXTURE_ANSWERS, realAnswers } from './support/fixture-operations.js';
import { validRequest } from './support/operation-requests.js';
import { expectExited, runningPrismChildren } from './support/processes.js';
import { rawRequest } from './support/raw-request.js';
import { referenceAvailable } from './support/reference.js';
import { type ReplayUpstream, type Reply, startReplayUpstream } from './support/replay-upstream.js';
import { examples, type OperationId, specOperationIds, successStatus } from './support/spec.js';

// Prism in proxy mode validates every real answer against the spec; with `errors` a violation turns the
// answer into a 500 whose `sl-violations` header lists what broke. If the spec drifts from what Plivo
// really returns, these tests fail.

const hasReference = referenceAvailable(
  'packages/contract-tests/test/proxy-validation.test.ts, "real answers" (Plivo\'s real responses through Prism)',
);
const fixtures = hasReference ? realAnswers() : [];

let upstream: ReplayUpstream;
let proxy: MockServer;

beforeAll(async () => {
  upstream = await startReplayUpstream();
  proxy = await startMock({ upstream: upstream.url, errors: true });
});

afterAll(async () => {
  await proxy?.stop();
  await upstream?.close();
  if (proxy) expectExited(proxy.pid);
  expect(runningPrismChildren()).toEqual([]);
});

interface Verdict {
  status: number;
  violations: { location: string[]; message: string }[];
  body: string;
}

/** Sends a valid request of the operation (the spec's method, path and request example) through the proxy. */
async function replay(operationId: OperationId, reply: Reply): Promise<Verdict> {
  upstream.serve(reply);
  const { path, ...init } = validRequest(operationId);
  const answer = await fetch(`${proxy.url}${path}`, init);
  return {
    status: answer.status,
    violations: JSON.parse(answer.headers.get('sl-violations') ?? '[]'),
    body: await answer.text(),
  };
}

const json = (body: unknown, status = 200): Reply => ({
  status,
  contentType: 'application/json',
  body: JSON.stringify(body),
});

describe.skipIf(!hasReference)('real answers pass Prism proxy validation', () => {
  it('knows which operation answered each fixture file, and every file it names exists', () => {
    expect(fixtures.filter(({ operationId }) => operationId === undefined).map(({ name }) => name)).toEqual(
      [],
    );
    const present = new Set(fixtures.map(({ name }) => name));
    expect(Object.keys(FIXTURE_ANSWERS).filter((name) => !present.has(name))).toEqual([]);
  });

  it('has real answers of every operation of the spec', () => {
    const answered = new Set<string | undefined>(fixtures.map(({ operationId }) => operationId));
    expect(specOperationIds().filter((operationId) => !answered.has(operationId))).toEqual([]);
  });

  it.each(
    fixtures.map((fixture) => [fixture.name, fixture.operationId, fixture.status, fixture.raw] as const),
  )('%s (%s, %s): no violation', async (_, operationId, status, raw) => {
    if (operationId === undefined || status === undefined) throw new Error('a fixture without an operation');
    const verdict = await replay(operationId, { status, contentType: 'application/json', body: raw });
    expect(verdict.violations).toEqual([]);
    expect(verdict.status).toBe(status);
    expect(JSON.parse(verdict.body)).toEqual(JSON.parse(raw));
  });

  it('forwards the request with its method, body and credentials to the upstream', async () => {
    const reply = examples('createVerifySession', successStatus('createVerifySession'))[0]?.[1];
    await replay('createVerifySession', json(reply, Number(successStatus('createVerifySession'))));
    const last = upstream.received.at(-1);
    expect(last?.method).toBe('POST');
    expect(last?.headers.authorization).toBe(BASIC_AUTH);
    expect(last?.body).toBe(validRequest('createVerifySession').body);
  });
});

describe('documented error answers pass Prism proxy validation', () => {
  // Error bodies documented in the reference notes: `api_id` may be missing.
  it.each([
    ['a 404 without api_id', json({ error: 'not found' }, 404)],
    [
      'a 401 with api_id',
      json({ api_id: '5e8a2f3e-7d36-11ee-b9d1-0242ac120002', error: 'Authentication failed' }, 401),
    ],
  ])('%s: no violation', async (_, reply) => {
    for (const operationId of specOperationIds() as OperationId[]) {
      const verdict = await replay(operationId, reply);
      expect(verdict.violations).toEqual([]);
      expect(verdict.status).toBe(reply.status);
    }
  });
});

/** A fresh copy of the operation's first named success example: a valid body to break. */
function firstExample(operationId: OperationId): Record<string, unknown> {
  const first = examples(operationId, successStatus(operationId))[0];
  if (first === undefined) throw new Error(`the spec has no named success example for ${operationId}`);
  return structuredClone(first[1]) as Record<string, unknown>;
}

/** The operation's first success example, changed by `change`, answered with the success status. */
function broken(operationId: OperationId, change: (body: Record<string, unknown>) => void): Reply {
  const body = firstExample(operationId);
  change(body);
  return json(body, Number(successStatus(operationId)));
}

const session = (body: Record<string, unknown>) => body.response as Record<string, unknown>;

describe('broken answers are flagged', () => {
  it.each<[string, OperationId, Reply, RegExp]>([
    [
      'masking: a field of the wrong type (duration as a string)',
      'getMaskingSession',
      broken('getMaskingSession', (body) => {
        session(body).duration = '3600';
      }),
      /duration/,
    ],
    [
      'masking: a missing required field (session_uuid)',
      'getMaskingSession',
      broken('getMaskingSession', (body) => {
        delete session(body).session_uuid;
      }),
      /session_uuid/,
    ],
    [
      'masking: a missing wrapper (response)',
      'getMaskingSession',
      broken('getMaskingSession', (body) => {
        delete body.response;
      }),
      /response/,
    ],
    [
      'masking: a wrong content type',
      'getMaskingSession',
      { ...json(firstExample('getMaskingSession')), contentType: 'text/html' },
      /media type/,
    ],
    [
      'verify: a field of the wrong type (count as a string)',
      'getVerifySession',
      broken('getVerifySession', (body) => {
        body.count = 'two';
      }),
      /count/,
    ],
    [
      'verify: a field of the wrong type (charges as a string)',
      'getVerifySession',
      broken('getVerifySession', (body) => {
        body.charges = '0.0';
      }),
      /charges/,
    ],
    [
      'verify: a missing required field (session_uuid)',
      'getVerifySession',
      broken('getVerifySession', (body) => {
        delete body.session_uuid;
      }),
      /session_uuid/,
    ],
    [
      'verify: a wrong content type',
      'getVerifySession',
      { ...json(firstExample('getVerifySession')), contentType: 'text/plain' },
      /media type/,
    ],
    [
      'masking create: a missing required field (session_uuid)',
      'createMaskingSession',
      broken('createMaskingSession', (body) => {
        delete body.session_uuid;
      }),
      /session_uuid/,
    ],
    [
      'masking list: a meta without total_count',
      'listMaskingSessions',
      broken('listMaskingSessions', (body) => {
        delete (session(body).meta as Record<string, unknown>).total_count;
      }),
      /total_count/,
    ],
    [
      'masking list: objects that are not an array',
      'listMaskingSessions',
      broken('listMaskingSessions', (body) => {
        session(body).objects = {};
      }),
      /objects/,
    ],
    [
      'masking update: the session under `response` instead of `session`',
      'updateMaskingSession',
      broken('updateMaskingSession', (body) => {
        body.response = body.session;
        delete body.session;
      }),
      /session/,
    ],
    [
      'masking delete: a missing message',
      'deleteMaskingSession',
      broken('deleteMaskingSession', (body) => {
        delete body.message;
      }),
      /message/,
    ],
    [
      'verify create: a session_uuid of the wrong type',
      'createVerifySession',
      broken('createVerifySession', (body) => {
        body.session_uuid = 42;
      }),
      /session_uuid/,
    ],
    [
      'verify list: sessions that are not an array',
      'listVerifySessions',
      broken('listVerifySessions', (body) => {
        body.sessions = 'none';
      }),
      /sessions/,
    ],
    [
      'verify validate: a missing message',
      'validateVerifySession',
      broken('validateVerifySession', (body) => {
        delete body.message;
      }),
      /message/,
    ],
    ['an error body without its error message', 'getVerifySession', json({ api_id: 'x' }, 404), /error/],
  ])('%s', async (_, operationId, reply, field) => {
    const verdict = await replay(operationId, reply);
    expect(verdict.status).toBe(500);
    expect(verdict.violations.length).toBeGreaterThan(0);
    expect(
      verdict.violations.map(({ location, message }) => `${location.join('.')}: ${message}`).join('\n'),
    ).toMatch(field);
  });
});

describe('what the server gets in proxy mode', () => {
  it('credentials of another account as sent: the server judges them, not the mock', async () => {
    upstream.serve(json(examples('getVerifySession', '401')[0]?.[1], 401));
    const { path, ...init } = validRequest('getVerifySession');
    const otherAccount = `Basic ${btoa('MAODZKMDFJMJU3MTEYNG:token')}`;
    const answer = await fetch(`${proxy.url}${path}`, {
      ...init,
      headers: { ...init.headers, authorization: otherAccount },
    });
    expect(answer.status).toBe(401);
    expect(upstream.received.at(-1)?.headers.authorization).toBe(otherAccount);
  });

  it('no hop-by-hop header, nor one that Connection names, nor the caller’s Proxy-Authorization', async () => {
    upstream.serve(json(firstExample('getVerifySession')));
    const { path, headers } = validRequest('getVerifySession');
    const answer = await rawRequest(`${proxy.url}${path}`, {
      headers: {
        ...(headers as Record<string, string>),
        connection: 'keep-alive, X-Hop',
        'x-hop': '1',
        'keep-alive': 'timeout=5',
        te: 'trailers',
        'proxy-authorization': 'Basic cHJveHk6c2VjcmV0',
      },
    });
    expect(answer.status).toBe(200);
    const received = upstream.received.at(-1)?.headers ?? {};
    expect(
      Object.keys(received).filter((name) =>
        ['x-hop', 'keep-alive', 'te', 'proxy-authorization'].includes(name),
      ),
    ).toEqual([]);
    expect(received.authorization).toBe(BASIC_AUTH);
  });
});

describe('Prism’s verdicts in proxy mode', () => {
  it('forward the Accept header as sent: the real server answers it', async () => {
    upstream.serve(json(firstExample('getVerifySession')));
    const { path, ...init } = validRequest('getVerifySession');
    await fetch(`${proxy.url}${path}`, { ...init, headers: { ...init.headers, accept: 'text/html' } });
    expect(upstream.received.at(-1)?.headers.accept).toBe('text/html');
  });

  it('let a status the operation does not list through, even with `errors`: Prism rates it a warning', async () => {
    const verdict = await replay('getVerifySession', json({ error: 'teapot' }, 418));
    expect(verdict.status).toBe(418);
    expect(JSON.parse(verdict.body)).toEqual({ error: 'teapot' });
    expect(verdict.violations).toEqual([
      expect.objectContaining({
        severity: 'Warning',
        message: expect.stringMatching(/^Unable to match the returned status code/),
      }),
    ]);
  });

  it('make a 2xx the operation does not list a violation: a create answered 200, not 202, is a 500', async () => {
    const reply = examples('createVerifySession', '202')[0]?.[1];
    const verdict = await replay('createVerifySession', json(reply, 200));
    expect(verdict.status).toBe(500);
    expect(verdict.violations).toEqual([expect.objectContaining({ severity: 'Error' })]);
  });

  it('answer an upstream body that is no JSON at all (empty) with Prism’s FetchError 500, without sl-violations', async () => {
    const verdict = await replay('getVerifySession', {
      status: 200,
      contentType: 'application/json',
      body: '',
    });
    expect(verdict.status).toBe(500);
    expect(verdict.violations).toEqual([]);
    expect(JSON.parse(verdict.body)).toMatchObject({ type: expect.stringMatching(/FetchError$/) });
  });

  it('stay Prism’s own: a broken answer’s 500 is problem+json, not reshaped as the mock reshapes its errors', async () => {
    upstream.serve({ status: 405, contentType: 'application/problem+json', body: '{"title":"no"}' });
    const { path, ...init } = validRequest('getVerifySession');
    const answer = await fetch(`${proxy.url}${path}`, init);
    expect(answer.status).toBe(500);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(await answer.json()).toMatchObject({ type: 'https://stoplight.io/prism/errors#VIOLATIONS' });
  });
});
