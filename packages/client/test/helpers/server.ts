import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/** One request as the server saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  /** The request body as text ('' when there was none). */
  readonly body: string;
  /** `performance.now()` when the request arrived, for measuring waits between attempts. */
  readonly at: number;
}

/** Answers request number `index` (0-based, counted since the last `reset`). */
export type Handler = (req: IncomingMessage, res: ServerResponse, index: number) => void;

export interface TestServer {
  /** `http://127.0.0.1:<port>`, to pass as `baseUrl`. */
  readonly baseUrl: string;
  /** Requests seen since the last `reset`. */
  readonly requests: SeenRequest[];
  /** Sets how the following requests are answered, and forgets the requests seen so far. */
  reset(handler: Handler): void;
  /** Stops listening and destroys every open connection (including hung ones). */
  close(): Promise<void>;
}

/** Sends a JSON body with the given status and headers. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(text);
}

/** A real HTTP server on 127.0.0.1 (a free port chosen by the OS) whose answers each test scripts. */
export async function startServer(
  initial: Handler = (_req, res) => sendJson(res, 500, { error: 'no handler' }),
) {
  let handler = initial;
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    // Answered once the whole request is in, so a test sees its body.
    req.on('end', () => {
      const index = requests.length;
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, at });
      handler(req, res, index);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const testServer: TestServer = {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    reset(next) {
      handler = next;
      requests.length = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
  return testServer;
}

/**
 * One test server for a whole test file: started before its tests, closed after them. A getter, because the
 * server exists only once the file's beforeAll has run.
 */
export function serverForThisFile(): () => TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (server === undefined) throw new Error('The test server starts in beforeAll: use it inside a test.');
    return server;
  };
}
