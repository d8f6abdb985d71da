import { describe, expect, it } from 'vitest';
import { InvalidResponseError } from '../../src/index.js';
import { createRetryingFetch } from '../../src/transport.js';
import { clientFor, rejectionOf } from '../helpers/client.js';
import { AUTH_ID, MASKING_PATH, MASKING_UUID, VERIFY_UUID } from '../helpers/credentials.js';
import { sendJson, serverForThisFile } from '../helpers/server.js';

const server = serverForThisFile();

describe('a 200 whose body is not a JSON object', () => {
  it.each([
    ['truncated JSON', '{"api_id": "a", "response": {', 'is not valid JSON'],
    ['an HTML page', '<!doctype html><title>Maintenance</title>', 'is not valid JSON'],
    ['JSON null', 'null', 'is null, not a JSON object'],
    ['a JSON array', '[1,2]', 'is an array, not a JSON object'],
    ['a JSON string', '"ok"', 'is a string, not a JSON object'],
    ['an empty body', '', 'is empty'],
  ])(
    '%s raises InvalidResponseError with the status and the start of the body',
    async (_label, body, problem) => {
      server().reset((_req, res) => sendJson(res, 200, body));
      const client = clientFor(server());
      for (const call of [client.maskingSessions.get(MASKING_UUID), client.verifySessions.get(VERIFY_UUID)]) {
        const error = await rejectionOf(call);
        expect(error).toBeInstanceOf(InvalidResponseError);
        expect(error).not.toBeInstanceOf(SyntaxError);
        expect(error).toMatchObject({ status: 200, bodySnippet: body });
        expect((error as Error).message).toContain(`answered 200 but its body ${problem}`);
      }
      // Not a transient fault: it is not retried.
      expect(server().requests).toHaveLength(2);
    },
  );

  it('quotes at most 200 characters of a long body', async () => {
    server().reset((_req, res) => sendJson(res, 200, `<html>${'x'.repeat(5000)}`));
    const error = (await rejectionOf(
      clientFor(server()).verifySessions.get(VERIFY_UUID),
    )) as InvalidResponseError;
    expect(error.bodySnippet).toBe(`<html>${'x'.repeat(194)}…`);
  });

  it('the raw client raises it too, instead of a SyntaxError', async () => {
    server().reset((_req, res) => sendJson(res, 200, '{broken'));
    const call = clientFor(server()).raw.GET('/v1/Account/{auth_id}/Masking/Session/{session_uuid}', {
      params: { path: { auth_id: AUTH_ID, session_uuid: MASKING_UUID } },
    });
    const error = await rejectionOf(call);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ url: `${server().baseUrl}${MASKING_PATH}`, bodySnippet: '{broken' });
  });

  it('a masking answer without its `response` object is invalid', async () => {
    server().reset((_req, res) => sendJson(res, 200, { api_id: 'a', response: null }));
    const error = await rejectionOf(clientFor(server()).maskingSessions.get(MASKING_UUID));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, apiId: 'a', bodySnippet: '{"api_id":"a","response":null}' });
  });
});

/** The transport alone, with a limit of 1024 bytes and no retries. */
const fetchLimitedTo1024Bytes = () =>
  createRetryingFetch({
    fetch: (request) => fetch(request),
    timeoutMs: 5000,
    maxRetries: 0,
    redact: (text) => text,
    maxResponseBytes: 1024,
  });

describe('an oversized body', () => {
  it('is refused with InvalidResponseError once it passes the limit', async () => {
    server().reset((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(`{"padding": "${'x'.repeat(4096)}"}`);
    });
    const limited = fetchLimitedTo1024Bytes();
    const error = await rejectionOf(limited(new Request(`${server().baseUrl}/big`)));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain('answered 200 with a body larger than 1024 bytes');
    expect((error as InvalidResponseError).bodySnippet).toMatch(/^\{"padding": "x+…$/);
  });

  it('is the limit exclusive: a body of exactly the limit is read, one byte more is refused', async () => {
    const limited = fetchLimitedTo1024Bytes();
    for (const [size, refused] of [
      [1024, false],
      [1025, true],
    ] as const) {
      server().reset((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        // Written in two chunks, so the count is checked across reads, not only from Content-Length.
        res.write(`"${'x'.repeat(500)}`);
        res.end(`${'x'.repeat(size - 502)}"`);
      });
      const outcome = await limited(new Request(`${server().baseUrl}/sized`)).then(
        async (response) => (await response.text()).length,
        (error: unknown) => error,
      );
      if (refused) expect(outcome, `${size} bytes`).toBeInstanceOf(InvalidResponseError);
      else expect(outcome, `${size} bytes`).toBe(size);
    }
  });

  it('is refused from its Content-Length before the body is read', async () => {
    server().reset((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(11 * 1024 * 1024) });
      res.write('{');
      // The rest never comes: refusing must not depend on reading it.
    });
    const error = await rejectionOf(
      clientFor(server(), { timeoutMs: 5000 }).maskingSessions.get(MASKING_UUID),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain(`with a body larger than ${10 * 1024 * 1024} bytes`);
  });
});
