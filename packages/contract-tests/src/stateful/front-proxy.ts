import {
  Agent,
  createServer,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { portInUse } from '../free-port.js';
import { type Forward, normaliseRequest } from '../normalise-request.js';
import { RAW_PREFIX } from '../prism-compat-layer.js';
import type { Routes } from '../routes.js';

/** How long a kept-alive socket to Prism may sit idle: under Node's 5 s server keep-alive timeout. */
const IDLE_SOCKET_MS = 4_000;

export interface FrontProxy {
  readonly url: string;
  close(): Promise<void>;
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

/** Answers every request of the stateful mode (see stateful-layer.ts). */
export interface RequestLayer {
  handle(incoming: IncomingMessage, outgoing: ServerResponse, forward: Forward, askPrism: AskPrism): void;
  /** Answers a request to the mock's own control paths; false when the request is not one. */
  control(incoming: IncomingMessage, outgoing: ServerResponse): boolean;
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
 * The stateful mode's server, in the process that started the mock (where the state lives): listens on
 * 127.0.0.1:`port`, and hands every request, in the spec's form, to `layer`, which asks Prism at `target` first.
 * The stateless mode needs no such hop: its requests go straight to Prism (see prism-compat-layer.ts).
 */
export function startFrontProxy(
  port: number,
  target: URL,
  routes: Routes,
  layer: RequestLayer,
): Promise<FrontProxy> {
  // Prism (a Node server) closes a connection after 5 s idle; dropping ours after 4 s means a request never goes
  // out on a socket Prism is closing.
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
          // Already in the spec's form: under RAW_PREFIX, Prism's own layer passes it on instead of redoing that.
          path: `${RAW_PREFIX}${forward.path}`,
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
    if (layer.control(incoming, outgoing)) return;
    const forward = normaliseRequest(
      incoming.method ?? 'GET',
      incoming.url ?? '/',
      incoming.headers,
      routes,
      {
        mocking: true,
      },
    );
    forward.headers.host = host;
    layer.handle(incoming, outgoing, forward, askPrism);
  });

  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      agent.destroy();
      reject(error.code === 'EADDRINUSE' ? portInUse(port) : error);
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
