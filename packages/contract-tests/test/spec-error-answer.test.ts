import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installCompatLayer } from '../src/prism-compat-layer.js';
import { createRoutes } from '../src/routes.js';
import { type PrismErrorAnswer, specErrorAnswer } from '../src/spec-error-answer.js';
import { rawRequest } from './support/raw-request.js';

// What the mock answers instead of Prism's own error answers, alone (specErrorAnswer) and in a server's process
// (installCompatLayer with mocking), where a success must go out exactly as written.

const LISTED = ['200', '400', '401', '404', '405', '500'];
const routes = createRoutes([
  {
    method: 'GET',
    path: '/v1/Thing/{id}',
    operationId: 'getThing',
    statuses: LISTED,
    examples: { '200': ['fresh', 'stale'], '400': [], '404': ['gone'] },
  },
  { method: 'POST', path: '/v1/Thing/{id}', operationId: 'updateThing', statuses: LISTED },
]);

const problem = (status: number, type: string, extra: Record<string, unknown> = {}): PrismErrorAnswer => ({
  status,
  contentType: 'application/problem+json',
  body: JSON.stringify({
    type: `https://stoplight.io/prism/errors#${type}`,
    title: 'A title.',
    status,
    detail: 'A detail.',
    ...extra,
  }),
  violations: undefined,
});

describe('specErrorAnswer', () => {
  it('leaves a success, and an error already in the spec’s shape, as Prism gave them', () => {
    const ok = { status: 200, contentType: 'application/json', body: '{}', violations: undefined };
    expect(specErrorAnswer('GET', '/v1/Thing/1', ok, routes)).toBeUndefined();
    const example = {
      status: 400,
      contentType: 'application/json',
      body: '{"api_id":"9d1e0f7a-3c4b-4f5e-8a6b-7c8d9e0f1a2b","error":"invalid request"}',
      violations: '[{"location":["request"],"severity":"Error","code":415,"message":"x"}]',
    };
    expect(specErrorAnswer('POST', '/v1/Thing/1', example, routes)).toBeUndefined();
  });

  it.each([
    [406, 'NOT_ACCEPTABLE', 400],
    [415, 'INVALID_CONTENT_TYPE', 400],
    [422, 'UNPROCESSABLE_ENTITY', 400],
    [501, 'SOMETHING', 500],
  ])('answers an unlisted %i (%s) with the operation’s %i', (status, type, listed) => {
    const answer = specErrorAnswer('GET', '/v1/Thing/1', problem(status, type), routes);
    expect(answer?.status).toBe(listed);
    expect(JSON.parse(answer?.body ?? '')).toEqual({
      api_id: expect.any(String),
      error: `${listed === 400 ? 'invalid request' : 'internal server error'}: A title: A detail`,
    });
    expect(JSON.parse(answer?.headers['sl-violations'] ?? '')).toEqual([
      expect.objectContaining({ code: type, message: expect.stringContaining(`Prism answered ${status} `) }),
    ]);
  });

  it('answers a Prefer it cannot honour 500, not 404 (a client would take that for "no such thing"), naming the examples', () => {
    const answer = specErrorAnswer('GET', '/v1/Thing/1', problem(404, 'NOT_FOUND'), routes);
    expect(answer?.status).toBe(500);
    expect(JSON.parse(answer?.body ?? '').error).toBe(
      'internal server error: no response of the spec matches the Prefer header: A detail. Its examples by status are 200: "fresh", "stale"; 404: "gone"',
    );
    // Prism's detail names the example asked for: the hint names the status the operation has it under.
    const unmetExample = (name: string) =>
      specErrorAnswer(
        'GET',
        '/v1/Thing/1',
        problem(404, 'NOT_FOUND', {
          detail: `Response for contentType: application/json and exampleKey: ${name} does not exist.`,
        }),
        routes,
      );
    expect(JSON.parse(unmetExample('gone')?.body ?? '').error).toMatch(
      /; "gone" is a 404 example: ask for it with "Prefer: code=404, example=gone"$/,
    );
    expect(JSON.parse(unmetExample('fresh')?.body ?? '').error).toMatch(
      /; "fresh" is a 200 example: ask for it with "Prefer: code=200, example=fresh"$/,
    );
    expect(JSON.parse(unmetExample('nope')?.body ?? '').error).toMatch(/404: "gone"$/);
    // An operation without examples of its own: nothing to list.
    const bare = specErrorAnswer('POST', '/v1/Thing/1', problem(404, 'NOT_FOUND'), routes);
    expect(JSON.parse(bare?.body ?? '').error).toBe(
      'internal server error: no response of the spec matches the Prefer header: A detail',
    );
  });

  it('points a path under /__mock/ at the stateful mode, where those controls exist', () => {
    const answer = specErrorAnswer('GET', '/__mock/requests', problem(404, 'NO_PATH_MATCHED_ERROR'), routes);
    expect(answer?.status).toBe(404);
    expect(JSON.parse(answer?.body ?? '')).toEqual({
      error:
        'not found: the spec has no path /__mock/requests (the /__mock/ controls exist only when the mock is stateful: `plivo-mock --stateful` or `startMock({ stateful: true })`)',
    });
  });

  it('keeps a 422’s validation, and the violations Prism had already listed, in sl-violations', () => {
    const validation = [{ location: ['body'], severity: 'Error', code: 'required', message: 'needs a' }];
    const earlier = [{ location: ['response'], severity: 'Error', code: 'type', message: 'earlier' }];
    const answer = specErrorAnswer(
      'POST',
      '/v1/Thing/1',
      { ...problem(422, 'UNPROCESSABLE_ENTITY', { validation }), violations: JSON.stringify(earlier) },
      routes,
    );
    expect(JSON.parse(answer?.headers['sl-violations'] ?? '')).toEqual([
      ...earlier,
      expect.objectContaining({ code: 'UNPROCESSABLE_ENTITY' }),
      ...validation,
    ]);
  });

  it('answers micri’s 413 for a body over 10 MB as the operation’s 400', () => {
    const answer = specErrorAnswer(
      'POST',
      '/v1/Thing/1',
      {
        status: 413,
        contentType: 'application/json; charset=utf-8',
        body: '{"error":{"code":"request_entity_too_large","message":"Body exceeded 10mb limit"}}',
        violations: undefined,
      },
      routes,
    );
    expect(answer?.status).toBe(400);
    expect(JSON.parse(answer?.body ?? '').error).toBe('invalid request: Body exceeded 10mb limit');
  });

  it('keeps the 404 of a path the spec does not have, without api_id, and escapes what a header cannot carry', () => {
    const answer = specErrorAnswer('GET', '/v1/Thïng', problem(404, 'NO_PATH_MATCHED_ERROR'), routes);
    expect(answer?.status).toBe(404);
    expect(JSON.parse(answer?.body ?? '')).toEqual({ error: 'not found: the spec has no path /v1/Thïng' });
    const header = answer?.headers['sl-violations'] ?? '';
    expect(header).toMatch(/^[\x20-\x7e]*$/);
    expect(JSON.parse(header)[0].message).toContain('Prism answered 404');
  });
});

describe('installCompatLayer with mocking, in a server’s process', () => {
  let server: Server;
  let base: string;
  let uninstall: () => void;
  const success = ['{"a":', '"streamed"', '}'];

  beforeAll(async () => {
    uninstall = installCompatLayer(routes, { mocking: true });
    server = createServer((request, response) => {
      if (request.url === '/v1/Thing/ok') {
        // A success written in pieces, with a content type the spec would not list: it goes out as written.
        response.setHeader('content-type', 'application/problem+json');
        for (const piece of success.slice(0, -1)) response.write(piece);
        response.end(success.at(-1));
        return;
      }
      response.statusCode = 405;
      response.setHeader('content-type', 'application/problem+json');
      response.end(JSON.stringify({ type: '#NO_METHOD_MATCHED_ERROR', title: 'No method', status: 405 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    uninstall();
    await new Promise((resolve) => server.close(resolve));
  });

  it('lets a success through as written', async () => {
    const answer = await rawRequest(`${base}/v1/Thing/ok`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.body).toBe(success.join(''));
  });

  it('answers an error in the spec’s shape', async () => {
    const answer = await rawRequest(`${base}/v1/Thing/1`, { method: 'PUT' });
    expect(answer.status).toBe(405);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.headers.allow).toBe('GET, POST');
    expect(JSON.parse(answer.body)).toEqual({
      api_id: expect.any(String),
      error: 'method not allowed: /v1/Thing/1 takes GET and POST, not PUT',
    });
  });

  it('leaves the answers under /__prism as the server gave them', async () => {
    const answer = await rawRequest(`${base}/__prism/v1/Thing/1`, { method: 'PUT' });
    expect(answer.status).toBe(405);
    expect(answer.headers['content-type']).toBe('application/problem+json');
  });
});
