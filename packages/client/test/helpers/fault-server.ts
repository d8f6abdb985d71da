/**
 * A real HTTP server on 127.0.0.1 that misbehaves on purpose, one chosen fault per request.
 *
 * Tests pick what each request gets with `server.plan(...)`: a single behaviour for every request, a list
 * (request n gets item n, the last one repeats) or a function of the request. Every request is recorded so a
 * test can count attempts per call. `close()` destroys every socket, including the ones a fault left hanging,
 * so a test never leaves a handle open behind it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  receivedAt: number;
}

/** What the server does with one request. It owns `res` and the socket from then on. */
export type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;

/** One behaviour for every request, or a list: request n gets item n and later ones get the last item. */
export type Plan = Behaviour | readonly Behaviour[];
export type Chooser = (req: IncomingMessage, index: number) => Behaviour;

export interface FaultServer {
  /** Origin to use as the client's `baseUrl`, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  /** How many requests reached the server with exactly this path (query ignored). */
  countFor(path: string): number;
  plan(plan: Plan): void;
  /** Decide per request, e.g. from the URL or a seeded random source. */
  planBy(choose: Chooser): void;
  /**
   * A plan for one path only (query ignored), with its own request counter, so that concurrent tests each
   * get their own fault. Paths without a route fall back to `plan`/`planBy`.
   */
  route(path: string, plan: Plan): void;
  /** Forget recorded requests (the plan stays). */
  resetLog(): void;
  close(): Promise<void>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

export const faults = {
  /** Answers with a JSON body (any value, so arrays and scalars too). */
  json(status: number, body: unknown, headers: Record<string, string> = {}): Behaviour {
    const text = JSON.stringify(body);
    return (_req, res) => {
      res.writeHead(status, {
        'content-type': JSON_TYPE,
        'content-length': Buffer.byteLength(text),
        ...headers,
      });
      res.end(text);
    };
  },

  /** Answers with exactly these bytes and this content type: malformed JSON, HTML pages, plain text. */
  raw(
    status: number,
    contentType: string,
    body: string | Buffer,
    headers: Record<string, string> = {},
  ): Behaviour {
    return (_req, res) => {
      res.writeHead(status, {
        'content-type': contentType,
        'content-length': Buffer.byteLength(body),
        ...headers,
      });
      res.end(body);
    };
  },

  /** A complete HTTP response whose JSON stops half way: the transfer is fine, the document is not. */
  truncatedJson(status: number, body: unknown): Behaviour {
    const text = JSON.stringify(body);
    return faults.raw(status, JSON_TYPE, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
  },

  /** Promises `content-length` bytes, sends half of them, then closes the socket: a broken transfer. */
  cutMidBody(status: number, body: unknown): Behaviour {
    const text = JSON.stringify(body);
    return (req, res) => {
      res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(text) });
      res.write(text.slice(0, Math.floor(text.length / 2)), () => req.socket.destroy());
    };
  },

  /** Sends a TCP RST as soon as the request arrives. */
  reset(): Behaviour {
    return (req) => {
      req.socket.resetAndDestroy();
    };
  },

  /** Reads the request and never answers; the socket stays open until the client gives up or `close()`. */
  hang(): Behaviour {
    return () => {};
  },

  /** Sends status and headers (and optionally the first bytes of the body), then never sends the rest. */
  stallBody(status = 200, firstBytes = '{"api_id":"'): Behaviour {
    return (_req, res) => {
      res.writeHead(status, { 'content-type': JSON_TYPE });
      res.flushHeaders();
      if (firstBytes) res.write(firstBytes);
    };
  },

  /** A gateway error page such as a load balancer serves: HTML, not JSON. */
  htmlBadGateway(): Behaviour {
    return faults.raw(
      502,
      'text/html',
      '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
    );
  },

  /** 429 with the error body Plivo sends; `retryAfter` goes into `Retry-After` verbatim when given. */
  rateLimited(retryAfter?: string): Behaviour {
    const headers: Record<string, string> = retryAfter === undefined ? {} : { 'retry-after': retryAfter };
    return faults.json(
      429,
      { api_id: '6a1f3c10-0000-4000-8000-000000000429', error: 'too many requests' },
      headers,
    );
  },

  /** A JSON body of about `bytes` bytes: `value` with a long padding field added, so it stays valid JSON. */
  hugeJson(status: number, value: Record<string, unknown>, bytes: number): Behaviour {
    const padded = JSON.stringify({ ...value, padding: 'x'.repeat(bytes) });
    return faults.raw(status, JSON_TYPE, padded);
  },

  /** Requests in the list get one behaviour each; later requests get the last one. */
  sequence(...behaviours: Behaviour[]): Plan {
    return behaviours;
  },
};

function fromPlan(plan: Plan): Chooser {
  if (!Array.isArray(plan)) return () => plan as Behaviour;
  const list = plan as readonly Behaviour[];
  if (list.length === 0) throw new Error('fault server: a plan needs at least one behaviour');
  return (_req, n) => list[Math.min(n, list.length - 1)] as Behaviour;
}

export interface FaultServerOptions {
  /**
   * Keep connections open between requests. Off by default: a fault test wants each call on a fresh socket so
   * that one fault cannot bleed into the next; a load test wants reuse, as a real API behind a proxy offers.
   */
  keepAlive?: boolean;
}

export async function startFaultServer(
  initial: Plan = faults.hang(),
  options: FaultServerOptions = {},
): Promise<FaultServer> {
  const sockets = new Set<Socket>();
  const requests: RecordedRequest[] = [];
  let choose: Chooser = fromPlan(initial);
  let index = 0;
  const routes = new Map<string, { choose: Chooser; index: number }>();

  const server = createServer((req, res) => {
    requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      receivedAt: Date.now(),
    });
    // Drain the request so the socket is free for the response; GETs carry no body anyway.
    req.resume();
    const route = routes.get((req.url ?? '').split('?')[0] ?? '');
    const behaviour = route ? route.choose(req, route.index++) : choose(req, index++);
    behaviour(req, res);
  });
  if (!options.keepAlive) server.keepAliveTimeout = 1;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A reset on our side shows up here as an error; it is the fault under test, not a server failure.
    socket.on('error', () => {});
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    countFor(path) {
      return requests.filter((r) => r.url.split('?')[0] === path).length;
    },
    plan(next) {
      choose = fromPlan(next);
      index = 0;
    },
    planBy(next) {
      choose = next;
      index = 0;
    },
    route(path, plan) {
      routes.set(path, { choose: fromPlan(plan), index: 0 });
    },
    resetLog() {
      requests.length = 0;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
