import {
  Agent,
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Routes } from './routes.js';

/**
 * A path prefix that turns into a `Prefer` header, for clients that take a base URL but no custom headers
 * (Plivo's SDK is one): `${url}/__prefer/code=404/v1/Account/...` reaches Prism as `Prefer: code=404`.
 */
export const PREFER_PREFIX = '/__prefer/';

// Headers that describe a request body; they must go when the body goes.
const BODY_HEADERS = ['content-type', 'content-length', 'transfer-encoding'];
// RFC 9110 §9.3.1/§9.3.2: content in a GET or HEAD request has no defined semantics, and Plivo's API ignores it.
const METHODS_WITHOUT_BODY = new Set(['GET', 'HEAD']);
/** How long a kept-alive socket to Prism may sit idle: under Node's 5 s server keep-alive timeout. */
const IDLE_SOCKET_MS = 4_000;

export interface CompatProxy {
  readonly url: string;
  close(): Promise<void>;
}

/** A request as Prism will see it. */
export interface Forward {
  /** Path and query, after the `/__prefer/` prefix is taken off and the path put in the spec's form. */
  path: string;
  headers: IncomingHttpHeaders;
  dropBody: boolean;
}

/** Prism's whole answer to one request. */
export interface PrismAnswer {
  status: number;
  /** As Node received them: name, value, name, value, ... */
  rawHeaders: string[];
  body: Buffer;
}

/** Sends one request to Prism and buffers its answer. */
export type AskPrism = (method: string, forward: Forward, body: Buffer | undefined) => Promise<PrismAnswer>;

/** Takes over requests in stateful mode (see stateful/stateful-layer.ts); stateless mode has none. */
export interface RequestLayer {
  handle(incoming: IncomingMessage, outgoing: ServerResponse, forward: Forward, askPrism: AskPrism): void;
  /** Answers a request to the mock's own control paths; false when the request is not one. */
  control(incoming: IncomingMessage, outgoing: ServerResponse): boolean;
}

export interface CompatProxyOptions {
  /** The spec's paths, to answer every trailing-slash form of the masking paths. */
  routes?: Routes;
  layer?: RequestLayer;
}

/**
 * What the front proxy changes before Prism sees a request. Everything else (credentials, path parameters,
 * query, method) reaches Prism untouched, so its request validation still applies.
 */
export function normaliseRequest(
  method: string,
  rawPath: string,
  incoming: IncomingHttpHeaders,
  routes?: Routes,
): Forward {
  const headers = { ...incoming };
  let path = rawPath;
  if (path.startsWith(PREFER_PREFIX)) {
    const end = path.indexOf('/', PREFER_PREFIX.length);
    const encoded = path.slice(PREFER_PREFIX.length, end === -1 ? undefined : end);
    path = end === -1 ? '/' : path.slice(end);
    // An explicit Prefer header from the caller wins over the URL.
    headers.prefer ??= decodeURIComponent(encoded);
  }
  if (routes !== undefined) {
    const queryAt = path.indexOf('?');
    const pathname = queryAt === -1 ? path : path.slice(0, queryAt);
    const canonical = routes.canonical(pathname);
    if (canonical !== pathname) path = canonical + (queryAt === -1 ? '' : path.slice(queryAt));
  }
  const dropBody = METHODS_WITHOUT_BODY.has(method.toUpperCase());
  if (dropBody) for (const name of BODY_HEADERS) delete headers[name];
  return { path, headers, dropBody };
}

/** Prism could not be reached: a 502 naming it, or a cut connection once the answer has begun. */
export function badGateway(outgoing: ServerResponse, target: URL, error: Error): void {
  if (outgoing.headersSent) {
    outgoing.destroy(error);
    return;
  }
  outgoing.writeHead(502, { 'content-type': 'application/json' });
  outgoing.end(
    JSON.stringify({ error: `the mock could not reach Prism at ${target.origin}: ${error.message}` }),
  );
}

/**
 * Listens on 127.0.0.1:`port` and forwards every request, normalised, to Prism at `target`; with a `layer`
 * (stateful mode), the layer answers instead.
 */
export function startCompatProxy(
  port: number,
  target: URL,
  options: CompatProxyOptions = {},
): Promise<CompatProxy> {
  const { routes, layer } = options;
  // Prism (a Node server) closes a connection after 5 s idle; dropping ours after 4 s means a request never goes
  // out on a socket Prism is closing, which would otherwise answer a stateless request 502 after a pause.
  const agent = new Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS });
  const host = target.host;

  const sendToPrism = (method: string, forward: Forward, body: Buffer | undefined, retried: boolean) =>
    new Promise<PrismAnswer>((resolve, reject) => {
      const upstream = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method,
          path: forward.path,
          headers: forward.headers,
        },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () =>
            resolve({
              status: answer.statusCode ?? 502,
              rawHeaders: answer.rawHeaders,
              body: Buffer.concat(chunks),
            }),
          );
          answer.on('error', reject);
        },
      );
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive socket that Prism closed while it sat idle (Node's documented race): Prism keeps no
        // state, so sending the buffered request again on a new socket is always safe.
        if (!retried && upstream.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) {
          sendToPrism(method, forward, body, true).then(resolve, reject);
        } else {
          reject(error);
        }
      });
      upstream.end(body);
    });
  const askPrism: AskPrism = (method, forward, body) => sendToPrism(method, forward, body, false);

  const server: Server = createServer((incoming, outgoing) => {
    if (layer?.control(incoming, outgoing)) return;
    const method = incoming.method ?? 'GET';
    const forward = normaliseRequest(method, incoming.url ?? '/', incoming.headers, routes);
    forward.headers.host = host;
    if (layer !== undefined) {
      layer.handle(incoming, outgoing, forward, askPrism);
      return;
    }
    // Stateless: a plain pass-through. Prism's raw header list goes back as it came, without building objects.
    const upstream = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method,
        path: forward.path,
        headers: forward.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', (error) => badGateway(outgoing, target, error));
    if (forward.dropBody) {
      incoming.resume();
      upstream.end();
    } else {
      incoming.pipe(upstream);
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      agent.destroy();
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `startMock: port ${port} on 127.0.0.1 is already in use. Stop what uses it or pass another \`port\` (0 picks a free one).`,
            )
          : error,
      );
    });
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${bound}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
            agent.destroy();
          }),
      });
    });
  });
}
