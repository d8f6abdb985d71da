import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { normaliseRequest, prismTarget } from './normalise-request.js';
import { preferenceSource, preferredPair } from './prefer.js';
import type { Routes } from './routes.js';
import { preferFallbackAnswer, type SpecErrorAnswer, specErrorAnswer } from './spec-error-answer.js';
import { uncheckedTypeRefusal } from './unchecked-body-type.js';
import { pathWithoutUserInfo } from './without-user-info.js';

/**
 * Requests under this prefix reach Prism as sent (the prefix taken off; only a path segment that is not valid
 * percent-encoding is escaped, as for every request, since it would end Prism's process), and its answers reach
 * the client as Prism gave them: `mock.prismUrl`, to see what Prism alone would answer.
 */
export const RAW_PREFIX = '/__prism';

const REQUEST_START = 'http.server.request.start';
const RAW_PATHS = [`${RAW_PREFIX}/`, `${RAW_PREFIX}?`];

export interface CompatLayerOptions {
  /**
   * Prism mocks the spec (not proxy mode, whose requests and answers are a real server's, for Prism to judge as
   * they are): Prism's own error answers (problem+json, micri's JSON errors) take the spec's PlivoError shape with a
   * status the operation lists (see spec-error-answer.ts), and any Accept is taken as JSON (normalise-request.ts).
   */
  mocking?: boolean;
}

/**
 * In Prism's process: makes `response` give an error answer of Prism's in the spec's shape. Only `end` is wrapped,
 * and it looks at nothing but the status unless that is an error, a success to a `Prefer` that named another
 * status with an example, or an answer to a body whose type Prism did not check (`typeRefusal`): any other success
 * goes out as Prism wrote it, unbuffered.
 */
function answerErrorsAsTheSpec(
  response: ServerResponse,
  method: string,
  path: string,
  routes: Routes,
  preferred: { code: number; example: string } | undefined,
  preferenceOf: () => string,
  typeRefusal: (status: number) => SpecErrorAnswer | undefined,
): void {
  const end = response.end;
  response.end = function (this: ServerResponse, ...args: unknown[]) {
    const success = this.statusCode < 400;
    const refusal = typeRefusal(this.statusCode);
    if ((success && preferred === undefined && refusal === undefined) || this.headersSent)
      return Reflect.apply(end, this, args);
    const [chunk] = args;
    const body = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '';
    const violations = this.getHeader('sl-violations');
    const prisms = {
      status: this.statusCode,
      contentType: String(this.getHeader('content-type') ?? ''),
      body,
      violations: violations === undefined ? undefined : String(violations),
    };
    // For `preferred`: Prism answers a status without the example named with the first success's example of
    // that name.
    const answer =
      refusal ??
      (!success
        ? specErrorAnswer(method, path, prisms, routes, preferenceOf)
        : preferred !== undefined
          ? preferFallbackAnswer(method, path, prisms, routes, preferred, preferenceOf)
          : undefined);
    if (answer === undefined) return Reflect.apply(end, this, args);
    this.statusCode = answer.status;
    for (const [name, value] of Object.entries(answer.headers)) this.setHeader(name, value);
    const callback = args.find((arg) => typeof arg === 'function');
    return Reflect.apply(end, this, callback === undefined ? [answer.body] : [answer.body, callback]);
  } as ServerResponse['end'];
}

/**
 * Rewrites each request in Prism's own process (see normalise-request.ts), before Prism's handler reads it:
 * Node publishes `http.server.request.start` synchronously ahead of the server's 'request' event. Doing it here
 * rather than in a proxy before Prism spares every request a second HTTP hop. Returns what removes it.
 */
export function installCompatLayer(routes: Routes, options: CompatLayerOptions = {}): () => void {
  const rewrite = (message: unknown) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const url = request.url ?? '/';
    if (url === RAW_PREFIX || RAW_PATHS.some((prefix) => url.startsWith(prefix))) {
      request.url = prismTarget(pathWithoutUserInfo(url.slice(RAW_PREFIX.length) || '/'));
      return;
    }
    const method = request.method ?? 'GET';
    const { path, headers } = normaliseRequest(method, url, request.headers, routes, {
      mocking: options.mocking === true,
    });
    request.url = prismTarget(path);
    // Without its body headers, Prism reads no body; Node still reads past the bytes, keeping the connection usable.
    request.headers = headers;
    if (options.mocking) {
      const queryAt = path.indexOf('?');
      const pathOnly = queryAt === -1 ? path : path.slice(0, queryAt);
      const search = queryAt === -1 ? '' : path.slice(queryAt + 1);
      const preferred = preferredPair(headers.prefer, search);
      answerErrorsAsTheSpec(
        response,
        method,
        pathOnly,
        routes,
        preferred,
        // Named only when an answer is rewritten: a success costs nothing more.
        () => preferenceSource(headers.prefer, search),
        (status) => uncheckedTypeRefusal(method, pathOnly, headers, search, routes, status),
      );
    }
  };
  subscribe(REQUEST_START, rewrite);
  return () => unsubscribe(REQUEST_START, rewrite);
}
