// A custom fetch from another library (undici's npm package, node-fetch) answers with its own Response class,
// not an instance of the runtime's: every path of the client takes it as it is.
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { describe, expect, it, vi } from 'vitest';
import { type FetchFunction, InvalidResponseError, TimeoutError } from '../../src/index.js';
import { clientFor, rawVerifyGet, rejectionOf } from '../helpers/client.js';
import { VERIFY_PATH, VERIFY_UUID } from '../helpers/credentials.js';
import { VERIFY_EXAMPLES } from '../helpers/examples.js';
import { sendJson, serverForThisFile } from '../helpers/server.js';
import { example } from '../helpers/spec.js';

const server = serverForThisFile();

/** A Response of another library: a class of its own, whose state only its own getters and methods read. */
class ForeignResponse {
  readonly #response: Response;
  constructor(response: Response) {
    this.#response = response;
  }
  get status() {
    return this.#response.status;
  }
  get statusText() {
    return this.#response.statusText;
  }
  get ok() {
    return this.#response.ok;
  }
  get url() {
    return this.#response.url;
  }
  get headers() {
    return this.#response.headers;
  }
  get body() {
    return this.#response.body;
  }
  get bodyUsed() {
    return this.#response.bodyUsed;
  }
  text() {
    return this.#response.text();
  }
  json() {
    return this.#response.json();
  }
}

/** That library's fetch: the network call, answered with its own Response class. */
const foreignFetch = vi.fn(
  async (request: Request) => new ForeignResponse(await fetch(request)) as unknown as Response,
) satisfies FetchFunction;

describe('a custom fetch whose Response is another class', () => {
  it('gives the raw client its data, status, headers and URL', async () => {
    server().reset((_req, res) => sendJson(res, 200, VERIFY_EXAMPLES[0]?.body));
    const { data, error, response } = await rawVerifyGet(clientFor(server(), { fetch: foreignFetch }));
    expect(error).toBeUndefined();
    expect(data).toEqual(VERIFY_EXAMPLES[0]?.body);
    expect(response).toBeInstanceOf(Response);
    expect(response).toMatchObject({ status: 200, ok: true, url: `${server().baseUrl}${VERIFY_PATH}` });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('gives the raw client an HTTP error as { error }', async () => {
    server().reset((_req, res) => sendJson(res, 404, example('ErrorSessionNotFound')));
    const { data, error, response } = await rawVerifyGet(clientFor(server(), { fetch: foreignFetch }));
    expect(data).toBeUndefined();
    expect(error).toEqual(example('ErrorSessionNotFound'));
    expect(response.status).toBe(404);
  });

  it('answers a write made with middleware once, with its parsed body', async () => {
    server().reset((_req, res) => sendJson(res, 202, example('VerifySessionInitiated')));
    foreignFetch.mockClear();
    const client = clientFor(server(), { fetch: foreignFetch });
    // Middleware gives every call a real Request, and the transport the path of the raw client.
    client.raw.use({ onRequest: ({ request }) => request });
    await expect(client.verifySessions.create({ recipient: '+14155550100' })).resolves.toEqual(
      example('VerifySessionInitiated'),
    );
    expect(foreignFetch).toHaveBeenCalledOnce();
    expect(server().requests).toHaveLength(1);
  });
});

/**
 * node-fetch's Response: its own class, whose `body` is a Node stream (async iterable, stopped with `destroy`)
 * with no `getReader`.
 */
class NodeStreamResponse extends ForeignResponse {
  readonly #body: Readable | null;
  constructor(
    response: Response,
    body = response.body === null ? null : Readable.fromWeb(response.body as NodeWebStream),
  ) {
    super(response);
    this.#body = body;
  }
  override get body() {
    return this.#body as unknown as Response['body'];
  }
}

const nodeStreamFetch = async (request: Request) =>
  new NodeStreamResponse(await fetch(request)) as unknown as Response;

/** A 200 whose body sends its first bytes and then stalls: a Node stream, as node-fetch's. */
function stalledNodeStreamAnswer(headers: Record<string, string> = {}): {
  response: Response;
  body: Readable;
} {
  const body = new Readable({ read() {} });
  body.push('{"api_id":');
  const response = new NodeStreamResponse(new Response(null, { status: 200, headers }), body);
  return { response: response as unknown as Response, body };
}

describe("a custom fetch whose Response body is a Node stream (node-fetch's)", () => {
  it('gives the convenience methods and the raw client the parsed body', async () => {
    server().reset((_req, res) => sendJson(res, 200, VERIFY_EXAMPLES[0]?.body));
    const client = clientFor(server(), { fetch: nodeStreamFetch });
    await expect(client.verifySessions.get(VERIFY_UUID)).resolves.toEqual(VERIFY_EXAMPLES[0]?.body);
    const { data, error } = await rawVerifyGet(client);
    expect(error).toBeUndefined();
    expect(data).toEqual(VERIFY_EXAMPLES[0]?.body);
  });

  it('answers a write once, with its parsed body', async () => {
    server().reset((_req, res) => sendJson(res, 202, example('VerifySessionInitiated')));
    const client = clientFor(server(), { fetch: nodeStreamFetch });
    await expect(client.verifySessions.create({ recipient: '+14155550100' })).resolves.toEqual(
      example('VerifySessionInitiated'),
    );
    expect(server().requests).toHaveLength(1);
  });

  it('times out a stalled body and destroys its stream', async () => {
    const { response, body } = stalledNodeStreamAnswer();
    const client = clientFor(server(), { timeoutMs: 50, maxRetries: 0, fetch: async () => response });
    expect(await rejectionOf(client.verifySessions.get(VERIFY_UUID))).toBeInstanceOf(TimeoutError);
    expect(body.destroyed).toBe(true);
  });

  it('refuses a body declared larger than the client reads, and destroys its stream', async () => {
    const { response, body } = stalledNodeStreamAnswer({ 'content-length': String(64 * 1024 * 1024) });
    const client = clientFor(server(), { maxRetries: 0, fetch: async () => response });
    expect(await rejectionOf(client.verifySessions.get(VERIFY_UUID))).toBeInstanceOf(InvalidResponseError);
    expect(body.destroyed).toBe(true);
  });
});
