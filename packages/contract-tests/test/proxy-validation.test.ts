import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMock } from '../src/index.js';
import { BASIC_AUTH, maskingPath, verifyPath } from './support/credentials.js';
import { expectExited, runningPrismChildren } from './support/processes.js';
import { type Fixture, getFixtures, referenceAvailable } from './support/reference.js';
import { type ReplayUpstream, type Reply, startReplayUpstream } from './support/replay-upstream.js';
import { examples, type OperationId } from './support/spec.js';

// Prism in proxy mode validates every real answer against the spec; with `errors` a violation turns the
// answer into a 500 whose `sl-violations` header lists what broke. If the spec drifts from what Plivo
// really returns, these tests fail.

const pathOf: Record<OperationId, string> = {
  getMaskingSession: maskingPath(),
  getVerifySession: verifyPath(),
};
const hasReference = referenceAvailable(
  'packages/contract-tests/test/proxy-validation.test.ts, "real answers" (Plivo\'s real responses through Prism)',
);
const fixtures = hasReference ? getFixtures() : [];

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

async function replay(operationId: OperationId, reply: Reply): Promise<Verdict> {
  upstream.serve(reply);
  const answer = await fetch(`${proxy.url}${pathOf[operationId]}`, {
    headers: { authorization: BASIC_AUTH },
  });
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
  it('finds the GET fixtures of every Plivo SDK for both operations', () => {
    const count = (operationId: OperationId) =>
      fixtures.filter((fixture) => fixture.operationId === operationId).length;
    expect(count('getMaskingSession')).toBe(4);
    expect(count('getVerifySession')).toBe(4);
  });

  it.each(fixtures.map((fixture) => [fixture.name, fixture] as [string, Fixture]))(
    '%s: no violation',
    async (_, { operationId, raw }) => {
      const verdict = await replay(operationId, { status: 200, contentType: 'application/json', body: raw });
      expect(verdict.violations).toEqual([]);
      expect(verdict.status).toBe(200);
      expect(JSON.parse(verdict.body)).toEqual(JSON.parse(raw));
    },
  );

  it('forwards the request with its credentials to the upstream', () => {
    const last = upstream.received.at(-1);
    expect(last?.method).toBe('GET');
    expect(last?.headers.authorization).toBe(BASIC_AUTH);
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
    for (const operationId of ['getMaskingSession', 'getVerifySession'] as const) {
      const verdict = await replay(operationId, reply);
      expect(verdict.violations).toEqual([]);
      expect(verdict.status).toBe(reply.status);
    }
  });
});

/** A fresh copy of the operation's first named 200 example: a valid body to break. */
function firstExample(operationId: OperationId): Record<string, unknown> {
  const first = examples(operationId)[0];
  if (first === undefined) throw new Error(`the spec has no named 200 example for ${operationId}`);
  return structuredClone(first[1]) as Record<string, unknown>;
}

function broken(operationId: OperationId, change: (body: Record<string, unknown>) => void): Reply {
  const body = firstExample(operationId);
  change(body);
  return json(body);
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
