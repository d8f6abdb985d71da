import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  PlivoApiError,
  RateLimitError,
  ServerError,
} from '@plivo-openapi/client';
import { describe, expect, inject, it } from 'vitest';
import { type Body, CLIENT_OPERATIONS as operations, requestFor } from './support/client-operations.js';
import { clientFor } from './support/clients.js';
import { operationPath } from './support/operation-requests.js';
import {
  examples,
  httpMethod,
  type OperationId,
  requestExamples,
  specOperationIds,
  statusCodes,
  successStatus,
} from './support/spec.js';

// Our client against the mock of the global setup (vitest.config.ts): every documented response of every
// operation, chosen with Prism's `Prefer: example=...` and `Prefer: code=...` headers. The statuses and
// examples come from the bundled spec, so a status or example added there is tested here (or fails here)
// without a new test. Adding an operation is one row of CLIENT_OPERATIONS (support/client-operations.ts).
const mockUrl = inject('plivoMockUrl');

const OPERATION_IDS = Object.keys(operations) as OperationId[];

/** Our client asking the mock for one answer, keeping every request it sends. */
function preferringClient(prefer: string) {
  const sent: { method: string; path: string; body: unknown; query: string }[] = [];
  const client = clientFor(mockUrl, {
    headers: { prefer },
    fetch: async (request: Request) => {
      const text = await request.clone().text();
      const url = new URL(request.url);
      sent.push({
        method: request.method,
        path: url.pathname,
        body: text === '' ? undefined : JSON.parse(text),
        query: url.search,
      });
      return fetch(request);
    },
  });
  return { client, sent };
}

// The error class our client promises for each documented error status (405 has no subclass of its own).
const errorClasses: Record<string, typeof PlivoApiError> = {
  '400': BadRequestError,
  '401': AuthenticationError,
  '403': PermissionDeniedError,
  '404': NotFoundError,
  '409': ConflictError,
  '405': PlivoApiError,
  '429': RateLimitError,
  '500': ServerError,
};

it('covers every operation of the spec, and only those', () => {
  expect([...OPERATION_IDS].sort()).toEqual(specOperationIds().sort());
});

describe.each(OPERATION_IDS)('%s', (operationId) => {
  const operation = operations[operationId];
  const success = successStatus(operationId);
  const errorCodes = statusCodes(operationId).filter((code) => code !== success);

  it('documents one success status and only error statuses this suite has a class for', () => {
    expect(errorCodes.filter((code) => !(code in errorClasses))).toEqual([]);
    expect(examples(operationId, success).length).toBeGreaterThan(0);
  });

  it.each(examples(operationId, success))(
    `${success} example %s: the client returns it as typed data with its api_id, sent as the spec says`,
    async (name, body) => {
      const { client, sent } = preferringClient(`code=${success}, example=${name}`);
      const request = requestFor(operationId);
      const result = (await operation.call(client, request)) as Body;
      expect(operation.received?.(result) ?? result).toEqual(operation.expected(body));
      expect(result.api_id).toBe((body as Body).api_id);
      expect(sent).toMatchObject([
        { method: httpMethod(operationId), path: operationPath(operationId), body: request },
      ]);
    },
  );

  it.each(
    errorCodes.flatMap((code) =>
      examples(operationId, code).map(([name, body]) => [code, name, body] as const),
    ),
  )(
    '%s (example %s): the typed error with the status, message and api_id of the example',
    async (code, name, body) => {
      const { error, api_id } = body as { error: string; api_id?: string };
      const failure = operation.call(
        preferringClient(`code=${code}, example=${name}`).client,
        requestFor(operationId),
      );
      await expect(failure).rejects.toBeInstanceOf(errorClasses[code]);
      await expect(failure).rejects.toMatchObject({ status: Number(code), error, apiId: api_id });
    },
  );

  it.each(requestExamples(operationId))(
    'request example %s: sent as the JSON body, unchanged, and accepted by the mock',
    async (_, request) => {
      const { client, sent } = preferringClient(`code=${success}`);
      await operation.call(client, request);
      expect(sent.map(({ body }) => body)).toEqual([request]);
    },
  );

  it.each(errorCodes)('%s: every documented error status has a named example', (code) => {
    expect(examples(operationId, code).length).toBeGreaterThan(0);
  });
});

// The list shapes as the client pages through them. Prism is stateless, so each page is the example asked for.
describe.each<[OperationId, string]>([
  ['listMaskingSessions', 'status=active&limit=20'],
  ['listVerifySessions', 'status=verified&limit=20'],
])('%s pages', (operationId, filters) => {
  const operation = operations[operationId];
  const success = successStatus(operationId);
  const lastPages = examples(operationId, success).filter(([, body]) => pageMeta(body).next === null);
  const pagesWithMore = examples(operationId, success).filter(([, body]) => pageMeta(body).next !== null);

  // The spec's masking examples are a last page and an empty one, with no page with more: masking's paging is
  // proven against the stateful mock instead (test/stateful/flows.test.ts), and these tests are Verify's alone.
  const pagedHere = operationId === 'listVerifySessions';

  it(`has examples of a last page${pagedHere ? ' and of a page with more' : ', and none of a page with more'}`, () => {
    expect(lastPages.length).toBeGreaterThan(0);
    expect(pagesWithMore.length > 0).toBe(pagedHere);
  });

  it.each(lastPages)(
    'example %s: for await yields its items, in order, from one request',
    async (name, body) => {
      const { client, sent } = preferringClient(`code=${success}, example=${name}`);
      // What list() returns is a promise of the first page and also an async iterable over every item.
      const list = operation.call(client, undefined) as unknown as AsyncIterable<unknown>;
      const items: unknown[] = [];
      for await (const item of list) items.push(item);
      expect(items).toEqual((operation.expected(body) as { data: unknown[] }).data);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.query).toBe(`?${filters}`);
    },
  );

  it.each(pagesWithMore)(
    'example %s: hasNextPage() is true and nextPage() asks for the next offset with the same filters',
    async (name, body) => {
      const { client, sent } = preferringClient(`code=${success}, example=${name}`);
      const first = (await operation.call(client, undefined)) as Body;
      expect(first.hasNextPage()).toBe(true);
      // Stateless Prism answers every offset with the same example, which the client reports as a server that
      // ignores `offset` (a `for await` would otherwise never end); the request it sent is what matters here.
      await expect(first.nextPage()).rejects.toBeInstanceOf(InvalidResponseError);
      const { offset, limit } = pageMeta(body);
      const next = new URLSearchParams(sent[1]?.query);
      expect(Object.fromEntries(next)).toEqual({
        ...Object.fromEntries(new URLSearchParams(filters)),
        offset: String(offset + first.data.length),
      });
      expect(first.data).toHaveLength(limit);
    },
  );
});

function pageMeta(body: Body): { next: string | null; offset: number; limit: number } {
  return body.meta ?? body.response.meta;
}
