import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, type StartMockOptions, startMock } from '../src/index.js';
import { CLIENT_OPERATIONS, requestFor } from './support/client-operations.js';
import { clientFor } from './support/clients.js';
import { BASIC_AUTH, verifyPath } from './support/credentials.js';
import { expectExited, runningPrismChildren } from './support/processes.js';
import { examples, type OperationId, schemaErrors, successStatus } from './support/spec.js';

// With `dynamic`, Prism generates every body from the schemas, so the client meets shapes no hand-written
// example has: nulls, absent optional fields, long arrays, odd strings.
const BODIES_PER_OPERATION = 100;

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock({ dynamic: true });
});
afterAll(async () => {
  await mock?.stop();
  if (mock) expectExited(mock.pid);
  expect(runningPrismChildren()).toEqual([]);
});

describe.each(Object.keys(CLIENT_OPERATIONS) as OperationId[])('%s with generated bodies', (operationId) => {
  it(`the client takes ${BODIES_PER_OPERATION} of them and each one validates against the schema`, async () => {
    const bodies: unknown[] = [];
    const client = clientFor(mock.url, {
      // Keeps a copy of each raw body, to validate exactly what the client was given.
      fetch: async (request) => {
        const response = await fetch(request);
        bodies.push(await response.clone().json());
        return response;
      },
    });
    const { call } = CLIENT_OPERATIONS[operationId];
    for (let i = 0; i < BODIES_PER_OPERATION; i++) {
      const result = (await call(client, requestFor(operationId))) as { api_id: unknown };
      expect(result.api_id).toBeTypeOf('string');
    }

    expect(bodies).toHaveLength(BODIES_PER_OPERATION);
    const status = successStatus(operationId);
    for (const [index, body] of bodies.entries()) {
      expect(
        schemaErrors(operationId, status, body),
        `generated body #${index}: ${JSON.stringify(body)}`,
      ).toBe('');
    }
    // Generated, not one example served a hundred times.
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBeGreaterThan(
      BODIES_PER_OPERATION * 0.9,
    );
  });
});

describe('seed', () => {
  // With `dynamic: true` every answer is generated; without it, only those a request asks to be
  // (`Prefer: dynamic=true`), and the seed applies to those too.
  it.each<[string, StartMockOptions, Record<string, string>]>([
    ['dynamic: true', { dynamic: true }, {}],
    ['Prefer: dynamic=true', {}, { prefer: 'dynamic=true' }],
  ])('makes the generated bodies repeatable from one mock to the next (%s)', async (_, options, headers) => {
    const bodyFrom = async () => {
      const seeded = await startMock({ ...options, seed: 'contract-tests' });
      try {
        const answer = await fetch(`${seeded.url}${verifyPath()}`, {
          headers: { authorization: BASIC_AUTH, ...headers },
        });
        return await answer.json();
      } finally {
        await seeded.stop();
      }
    };
    const first = await bodyFrom();
    expect(await bodyFrom()).toEqual(first);
    expect(schemaErrors('getVerifySession', '200', first)).toBe('');
    expect(examples('getVerifySession').map(([, value]) => value)).not.toContainEqual(first);
  });
});
