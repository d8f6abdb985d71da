import type { IncomingMessage, ServerResponse } from 'node:http';
import { TextDecoder } from 'node:util';
import { basicCredentials } from '../basic-credentials.js';
import type { Forward } from '../normalise-request.js';
import { preferenceSource, preferredPair } from '../prefer.js';
import type { Routes } from '../routes.js';
import { preferFallbackAnswer, type SpecErrorAnswer, specErrorAnswer } from '../spec-error-answer.js';
import { uncheckedTypeRefusal } from '../unchecked-body-type.js';
import { pathWithoutUserInfo } from '../without-user-info.js';
import type { StateEngine } from './engine.js';
import { type AskPrism, badGateway, type PrismAnswer, type RequestLayer } from './front-proxy.js';
import { type Journal, queryObject, redactBody, redactHeaders } from './journal.js';

export interface StatefulLayerOptions {
  routes: Routes;
  engine: StateEngine;
  journal: Journal;
  now(): number;
  /** Answers a request to the control paths; false when the request is not one. */
  control(incoming: IncomingMessage, outgoing: ServerResponse): boolean;
}

/**
 * Prism stays the judge: every request goes to Prism first, with the body as sent. Whatever Prism refuses
 * (its answer is not a 2xx: bad credentials, path, query or body, an unknown path, a `Prefer: code=...`) is
 * answered as Prism answered it, as the stateless mock does: Prism's own error answers (problem+json, an
 * unparsable body's) in the spec's PlivoError shape (see spec-error-answer.ts). A request Prism accepts is answered
 * from the state instead of from Prism's example, keeping Prism's other headers (CORS, connection).
 */
export function createStatefulLayer(options: StatefulLayerOptions): RequestLayer {
  const { routes, engine, journal, now, control } = options;

  async function handle(
    incoming: IncomingMessage,
    outgoing: ServerResponse,
    forward: Forward,
    askPrism: AskPrism,
  ) {
    const at = new Date(now()).toISOString();
    const method = incoming.method ?? 'GET';
    // A fragment is no part of a request (Prism drops it): the journal does not keep one either.
    const sent = splitUrl(pathWithoutUserInfo(originForm((incoming.url ?? '/').split('#', 1)[0] ?? '/')));
    // Read even when it is dropped (a GET's, HEAD's or DELETE's: see normalise-request.ts), for the journal.
    const { kept: received, length, cutOff } = await readBody(incoming);
    const body = forward.dropBody ? undefined : received;
    const parsedBody = cutOff
      ? `(a body cut off after ${length} bytes: the connection ended before the body did)`
      : length > PRISM_BODY_LIMIT
        ? `(a body of ${length} bytes, over the ${PRISM_BODY_LIMIT} bytes Prism takes: not kept)`
        : parseBody(received, incoming.headers['content-type']);
    const canonical = splitUrl(forward.path);
    const route = routes.match(method, canonical.path);
    const record = (status: number) =>
      journal.record({
        kind: 'request',
        at,
        method,
        path: sent.path,
        ...(route === undefined ? {} : { operationId: route.operationId }),
        query: queryObject(sent.query),
        body: redactBody(parsedBody),
        headers: redactHeaders(incoming.headersDistinct),
        status,
      });
    if (cutOff) {
      // Nobody is left to answer, and half a request is nothing Prism could judge: journaled, not answered.
      outgoing.destroy();
      record(0);
      return;
    }
    let prism: PrismAnswer;
    try {
      prism = await askPrism(method, toldTheLengthSent(forward, body), body);
    } catch (error) {
      badGateway(outgoing, new URL(`http://${forward.headers.host}`), error as Error);
      record(502);
      return;
    }
    const success = prism.status >= 200 && prism.status < 300;
    // An answer Prism gave only because it did not check the body's type, as the stateless mock refuses it
    // (prism-compat-layer.ts); a success the state must not answer either.
    const refusal =
      uncheckedTypeRefusal(
        method,
        canonical.path,
        forward.headers,
        searchOf(forward),
        routes,
        prism.status,
      ) ?? unmetPreference(prism, method, canonical.path, routes, forward);
    const answer = refusal === undefined && success ? answerFromState() : undefined;
    const reply =
      refusal !== undefined
        ? withSpecAnswer(prism, refusal)
        : answer === undefined
          ? inTheSpecShape(prism, method, canonical.path, routes, forward)
          : withJsonBody(prism, answer.status, answer.body);
    outgoing.writeHead(reply.status, endToEnd(reply.rawHeaders));
    outgoing.end(reply.body);
    record(reply.status);

    // A failure of the mock's own state is not Prism's: a 500 that says so, not a 502 blaming the connection.
    function answerFromState() {
      try {
        return fromState();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return {
          status: 500,
          body: { error: `the mock's state could not answer ${method} ${sent.path}: ${reason}` },
        };
      }
    }

    function fromState() {
      if (route === undefined) {
        // Prism's answer to a CORS preflight is no operation's. Any other success here would be the spec's
        // example passed off as the state's.
        if (method.toUpperCase() === 'OPTIONS') return undefined;
        throw new Error('Prism took it for an operation of the spec, but the mock could not tell which');
      }
      const authId = route.params.auth_id ?? '';
      const fields = body !== undefined && isObject(parsedBody) ? parsedBody : {};
      // The state keeps it with a callback URL the request registers, to sign that URL's callbacks.
      const authToken = basicCredentials(incoming.headers.authorization)?.password;
      return engine.answer({
        operationId: route.operationId,
        authId,
        ...(route.params.session_uuid === undefined ? {} : { sessionUuid: route.params.session_uuid }),
        query: canonical.query,
        body: fields,
        requestorIp: (incoming.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
        ...(authToken === undefined ? {} : { authToken }),
      });
    }
  }

  return {
    control,
    handle(incoming, outgoing, forward, askPrism) {
      handle(incoming, outgoing, forward, askPrism).catch((error: unknown) => {
        if (!outgoing.headersSent) badGateway(outgoing, new URL('http://mock'), error as Error);
        else outgoing.destroy(error as Error);
      });
    },
  };
}

/** A request target split into its path and query (no URL parsing: `//x` is a path here, not a host). */
function splitUrl(target: string): { path: string; query: URLSearchParams } {
  const at = target.indexOf('?');
  return at === -1
    ? { path: target, query: new URLSearchParams() }
    : { path: target.slice(0, at), query: new URLSearchParams(target.slice(at + 1)) };
}

/**
 * A request target in absolute form (`http://user:token@host/v1/...`, as a client that talks to a proxy
 * sends it) as the path and query alone: the journal must not keep the credentials of its user info.
 */
function originForm(target: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(target);
  if (scheme === null) return target;
  const rest = target.slice(scheme[0].length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** The most Prism's server reads of a body (micri's '10mb'); it refuses a longer one. */
const PRISM_BODY_LIMIT = 10 * 1024 * 1024;

/**
 * The request body (`kept` undefined when there is none), its length, and whether the client closed the connection
 * before it ended. Of a body longer than Prism takes, only one byte more than that is kept, for Prism to refuse it
 * as it refuses the whole: the rest is read and counted, so one request cannot fill the mock's memory.
 */
function readBody(
  incoming: IncomingMessage,
): Promise<{ kept: Buffer | undefined; length: number; cutOff: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    incoming.on('data', (chunk: Buffer) => {
      const room = PRISM_BODY_LIMIT + 1 - length;
      if (room > 0) chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      length += chunk.length;
    });
    const settle = (cutOff: boolean) =>
      resolve({ kept: chunks.length === 0 ? undefined : Buffer.concat(chunks), length, cutOff });
    incoming.on('end', () => settle(false));
    // Node's 'error' (`aborted`) for a connection closed mid-body; 'close' too, should a version not send it.
    incoming.on('error', () => settle(true));
    incoming.on('close', () => settle(!incoming.complete));
  });
}

/**
 * The request as Prism gets it: of a body longer than Prism takes, Prism is sent what was kept and told that
 * length. Told the length the client declared, it would wait on the kept-alive connection for the rest and read
 * the next request sent there as the end of this body.
 */
function toldTheLengthSent(forward: Forward, body: Buffer | undefined): Forward {
  const declared = forward.headers['content-length'];
  if (body === undefined || declared === undefined || Number(declared) === body.length) return forward;
  return { ...forward, headers: { ...forward.headers, 'content-length': String(body.length) } };
}

/** The body as JSON, or as text when it is not JSON, decoded with the charset of its Content-Type as Prism does. */
function parseBody(body: Buffer | undefined, contentType: string | undefined): unknown {
  if (body === undefined || body.length === 0) return undefined;
  const text = decoderFor(contentType).decode(body);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A decoder for the `charset` of a Content-Type; UTF-8 when there is none or TextDecoder does not know it. */
function decoderFor(contentType: string | undefined): TextDecoder {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Headers about Prism's connection to this proxy, not about the answer (RFC 9110 §7.6.1): the proxy's own
// connection to its client is framed and kept alive by Node for that client (an HTTP/1.0 client that asked for
// no keep-alive must not be told it has one).
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

/** Prism's headers without the hop-by-hop ones. */
function endToEnd(rawHeaders: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] ?? '';
    if (!HOP_BY_HOP.has(name.toLowerCase())) kept.push(name, rawHeaders[i + 1] ?? '');
  }
  return kept;
}

/** The value of a header in Node's raw list, by its lower-case name. */
function rawHeader(rawHeaders: readonly string[], name: string): string | undefined {
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]?.toLowerCase() === name) return rawHeaders[i + 1];
  }
  return undefined;
}

/** Prism's answer as spec-error-answer.ts reads it. */
const asPrismErrorAnswer = (prism: PrismAnswer) => ({
  status: prism.status,
  contentType: rawHeader(prism.rawHeaders, 'content-type'),
  body: prism.body.toString('utf8'),
  violations: rawHeader(prism.rawHeaders, 'sl-violations'),
});

/**
 * A success Prism gave to a Prefer that named another status with an example (Prism falls back to the first
 * success's example of that name): the state must not answer it either.
 */
function unmetPreference(
  prism: PrismAnswer,
  method: string,
  path: string,
  routes: Routes,
  forward: Forward,
): SpecErrorAnswer | undefined {
  const preferred = preferredPair(forward.headers.prefer, searchOf(forward));
  if (preferred === undefined) return undefined;
  return preferFallbackAnswer(
    method,
    path,
    asPrismErrorAnswer(prism),
    routes,
    preferred,
    preferenceOf(forward),
  );
}

/** Prism's error answer as the stateless mock gives it: one of its own in the spec's PlivoError shape. */
function inTheSpecShape(
  prism: PrismAnswer,
  method: string,
  path: string,
  routes: Routes,
  forward: Forward,
): PrismAnswer {
  const answer = specErrorAnswer(method, path, asPrismErrorAnswer(prism), routes, preferenceOf(forward));
  return answer === undefined ? prism : withSpecAnswer(prism, answer);
}

/** Names where the request's preference came from, when an answer needs it. */
function preferenceOf(forward: Forward): () => string {
  return () => preferenceSource(forward.headers.prefer, searchOf(forward));
}

/** The request's query, without its `?`. */
function searchOf(forward: Forward): string {
  const queryAt = forward.path.indexOf('?');
  return queryAt === -1 ? '' : forward.path.slice(queryAt + 1);
}

/** Prism's answer with the spec's answer's status, body and headers in place of its own. */
function withSpecAnswer(prism: PrismAnswer, answer: SpecErrorAnswer): PrismAnswer {
  const rawHeaders: string[] = [];
  for (let i = 0; i < prism.rawHeaders.length; i += 2) {
    const name = prism.rawHeaders[i] ?? '';
    if (!Object.hasOwn(answer.headers, name.toLowerCase()))
      rawHeaders.push(name, prism.rawHeaders[i + 1] ?? '');
  }
  for (const [name, value] of Object.entries(answer.headers)) rawHeaders.push(name, value);
  return { status: answer.status, rawHeaders, body: Buffer.from(answer.body) };
}

// Headers of Prism's answer that described its own body.
const BODY_HEADERS = new Set(['content-type', 'content-length', 'transfer-encoding']);

/** Prism's answer with the state's status and JSON body in place of its example. */
function withJsonBody(prism: PrismAnswer, status: number, body: unknown): PrismAnswer {
  const json = Buffer.from(JSON.stringify(body));
  const rawHeaders: string[] = [];
  for (let i = 0; i < prism.rawHeaders.length; i += 2) {
    const name = prism.rawHeaders[i] ?? '';
    if (!BODY_HEADERS.has(name.toLowerCase())) rawHeaders.push(name, prism.rawHeaders[i + 1] ?? '');
  }
  rawHeaders.push('Content-Type', 'application/json', 'Content-Length', String(json.length));
  return { status, rawHeaders, body: json };
}
