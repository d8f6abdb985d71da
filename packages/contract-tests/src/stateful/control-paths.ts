import type { IncomingMessage, ServerResponse } from 'node:http';
import { decoded } from '../decoded.js';
import { pathWithoutUserInfo } from '../without-user-info.js';
import type { JournalEntry } from './journal.js';

/**
 * The stateful mock's own endpoints, under a prefix no Plivo path has, for tests in other processes or
 * languages (the vitest global setup, a Python suite, curl):
 *
 *   POST /__mock/advance-time   {"ms": 60000}  moves the mock's clock; answers {"now": "<ISO time>"}
 *   GET  /__mock/requests                       the journal, as requests() gives it
 *   POST /__mock/reset                          forgets every session and the journal (204)
 *   GET  /__mock/otp/{session_uuid}             {"otp": "123456"}, or 404 for an unknown session
 *   GET  /__mock/callbacks-settled              204 once every callback attempt started so far is journaled
 */
export const CONTROL_PREFIX = '/__mock/';

/**
 * Whether a request target is a control: written as one, or normalised to one as it would be on its way to
 * Prism (`/./__mock/reset`, the absolute form `http://127.0.0.1:4010/__mock/reset`).
 */
export function isControlTarget(target: string | undefined): boolean {
  if (target === undefined) return false;
  if (target.startsWith(CONTROL_PREFIX)) return true;
  if (!target.includes(CONTROL_PREFIX)) return false;
  try {
    return new URL(target, 'http://mock').pathname.startsWith(CONTROL_PREFIX);
  } catch {
    return false;
  }
}

export interface ControlTarget {
  advanceTime(ms: number): void;
  now(): number;
  requests(): JournalEntry[];
  reset(): void;
  otp(sessionUuid: string): string | undefined;
  callbacksSettled(): Promise<void>;
}

const ENDPOINTS =
  'POST /__mock/advance-time {"ms": <milliseconds>}, GET /__mock/requests, POST /__mock/reset, GET /__mock/otp/{session_uuid}, GET /__mock/callbacks-settled';
const BODY_LIMIT = 64 * 1024;
/** A Host header that names the loopback interface the mock listens on, with or without its port. */
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?$/i;

function send(outgoing: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    outgoing.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  outgoing.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  outgoing.end(text);
}

/** The body as text, or undefined when it is over `BODY_LIMIT` (the rest is read and dropped). */
async function readText(incoming: IncomingMessage): Promise<string | undefined> {
  let text = '';
  for await (const chunk of incoming) {
    if (text.length <= BODY_LIMIT) text += String(chunk);
  }
  return text.length > BODY_LIMIT ? undefined : text;
}

/** The milliseconds of an advance-time request: `{"ms": 60000}` or `?ms=60000`; a string says what is wrong. */
async function readMs(incoming: IncomingMessage, query: URLSearchParams): Promise<number | string> {
  const body = await readText(incoming);
  if (body === undefined) return `the body must be under ${BODY_LIMIT} bytes, such as {"ms": 60000}`;
  const text = body.trim();
  let ms: unknown = query.get('ms') ?? undefined;
  if (text !== '') {
    try {
      ms = (JSON.parse(text) as { ms?: unknown }).ms;
    } catch {
      return 'the body must be JSON such as {"ms": 60000}';
    }
  }
  // A string is read as a query's value is: base-10 digits only (Number() would take `0x10` for 16).
  const value = typeof ms === 'string' && /^\d+$/.test(ms) ? Number(ms) : ms;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    const got = typeof ms === 'number' ? String(ms) : (JSON.stringify(ms) ?? 'nothing');
    return `\`ms\` must be a number of milliseconds >= 0, as in {"ms": 60000}; got ${got}`;
  }
  return value;
}

/** Answers one control request. */
export async function answerControl(
  target: ControlTarget,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
): Promise<void> {
  const url = new URL(incoming.url ?? '/', 'http://mock');
  const route = url.pathname.slice(CONTROL_PREFIX.length).replace(/\/$/, '');
  const method = incoming.method ?? 'GET';
  // A browser names the page a request comes from; a page of another site could otherwise reset the mock (a
  // form-like POST needs no preflight). Tests call these from their own process, which sends no Origin.
  const { host, origin } = incoming.headers;
  // A site whose DNS name it rebinds to 127.0.0.1 would be of the same origin as the mock: its page's requests
  // name that site in Host, never the loopback name a test calls the mock by.
  if (host !== undefined && !LOOPBACK_HOST.test(host)) {
    return send(outgoing, 403, {
      error: `${url.pathname} answers only a request addressed to 127.0.0.1, localhost or [::1] (Host ${host}): call the mock by the URL it gave, http://127.0.0.1:<port>`,
    });
  }
  if (origin !== undefined && origin !== `http://${host}`) {
    return send(outgoing, 403, {
      error: `${url.pathname} takes no request from a web page (Origin ${origin}): call it from your tests' process, as mockControls(url) does`,
    });
  }
  const expect = (wanted: string) => {
    if (method === wanted) return true;
    outgoing.setHeader('allow', wanted);
    send(outgoing, 405, { error: `${url.pathname} takes ${wanted}, not ${method}. Endpoints: ${ENDPOINTS}` });
    return false;
  };

  try {
    if (route === 'advance-time') {
      if (!expect('POST')) return;
      const ms = await readMs(incoming, url.searchParams);
      if (typeof ms === 'string') return send(outgoing, 400, { error: ms });
      try {
        target.advanceTime(ms);
      } catch (error) {
        // A move past the latest date a clock can hold: the caller's to fix.
        return send(outgoing, 400, { error: messageOf(error) });
      }
      return send(outgoing, 200, { now: new Date(target.now()).toISOString() });
    }
    if (route === 'requests') {
      if (!expect('GET')) return;
      return send(outgoing, 200, target.requests());
    }
    if (route === 'reset') {
      if (!expect('POST')) return;
      target.reset();
      return send(outgoing, 204);
    }
    if (route === 'callbacks-settled') {
      if (!expect('GET')) return;
      await target.callbacksSettled();
      return send(outgoing, 204);
    }
    if (route.startsWith('otp/')) {
      if (!expect('GET')) return;
      const sessionUuid = decoded(route.slice('otp/'.length));
      if (sessionUuid === undefined)
        return send(outgoing, 400, {
          error: `${pathWithoutUserInfo(url.pathname)}: the session uuid is not valid percent-encoding`,
        });
      const otp = target.otp(sessionUuid);
      if (otp === undefined)
        return send(outgoing, 404, {
          error: `no Verify session ${pathWithoutUserInfo(sessionUuid)} in this mock`,
        });
      return send(outgoing, 200, { otp });
    }
    send(outgoing, 404, {
      error: `${pathWithoutUserInfo(url.pathname)} is not a control endpoint. Endpoints: ${ENDPOINTS}`,
    });
  } catch (error) {
    // Anything else that throws is the mock's own failure, not the caller's.
    send(outgoing, 500, {
      error: `the mock could not answer ${method} ${url.pathname}: ${messageOf(error)}`,
    });
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
