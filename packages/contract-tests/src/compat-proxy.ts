import { Agent, createServer, type IncomingHttpHeaders, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A path prefix that turns into a `Prefer` header, for clients that take a base URL but no custom headers
 * (Plivo's SDK is one): `${url}/__prefer/code=404/v1/Account/...` reaches Prism as `Prefer: code=404`.
 */
export const PREFER_PREFIX = '/__prefer/';

// Headers that describe a request body; they must go when the body goes.
const BODY_HEADERS = ['content-type', 'content-length', 'transfer-encoding'];
// RFC 9110 §9.3.1/§9.3.2: content in a GET or HEAD request has no defined semantics, and Plivo's API ignores it.
const METHODS_WITHOUT_BODY = new Set(['GET', 'HEAD']);

export interface CompatProxy {
  readonly url: string;
  close(): Promise<void>;
}

interface Forward {
  path: string;
  headers: IncomingHttpHeaders;
  dropBody: boolean;
}

/**
 * What the front proxy changes before Prism sees a request. Everything else (credentials, path parameters,
 * query, method) reaches Prism untouched, so its request validation still applies.
 */
export function normaliseRequest(method: string, rawPath: string, incoming: IncomingHttpHeaders): Forward {
  const headers = { ...incoming };
  let path = rawPath;
  if (path.startsWith(PREFER_PREFIX)) {
    const end = path.indexOf('/', PREFER_PREFIX.length);
    const encoded = path.slice(PREFER_PREFIX.length, end === -1 ? undefined : end);
    path = end === -1 ? '/' : path.slice(end);
    // An explicit Prefer header from the caller wins over the URL.
    headers.prefer ??= decodeURIComponent(encoded);
  }
  const dropBody = METHODS_WITHOUT_BODY.has(method.toUpperCase());
  if (dropBody) for (const name of BODY_HEADERS) delete headers[name];
  return { path, headers, dropBody };
}

/** Listens on 127.0.0.1:`port` and forwards every request, normalised, to Prism at `target`. */
export function startCompatProxy(port: number, target: URL): Promise<CompatProxy> {
  const agent = new Agent({ keepAlive: true });
  const server: Server = createServer((incoming, outgoing) => {
    const { path, headers, dropBody } = normaliseRequest(incoming.method ?? 'GET', incoming.url ?? '/', {
      ...incoming.headers,
      host: target.host,
    });
    const upstream = request(
      { agent, host: target.hostname, port: target.port, method: incoming.method, path, headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', (error) => {
      if (outgoing.headersSent) return outgoing.destroy(error);
      outgoing.writeHead(502, { 'content-type': 'application/json' });
      outgoing.end(
        JSON.stringify({ error: `the mock could not reach Prism at ${target.origin}: ${error.message}` }),
      );
    });
    if (dropBody) {
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
