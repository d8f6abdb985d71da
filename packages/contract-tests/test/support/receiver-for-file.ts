import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/** What a callback receiver got: `METHOD /path?query` of each request, in order. */
export interface Receiver {
  readonly url: () => string;
  readonly received: string[];
}

/**
 * A receiver on 127.0.0.1 that answers every request `200`, for the tests of the enclosing file or describe
 * block: listening before them, closed after them.
 */
export function receiverForThisFile(): Receiver {
  let server: Server | undefined;
  let url: string | undefined;
  const received: string[] = [];
  beforeAll(async () => {
    const listening = createServer((req, res) => {
      received.push(`${req.method} ${req.url}`);
      res.writeHead(200).end();
    });
    server = listening;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    if (server === undefined) return;
    const listening = server;
    listening.closeAllConnections();
    await new Promise<void>((resolve) => listening.close(() => resolve()));
  });
  return {
    url: () => {
      if (url === undefined)
        throw new Error('The receiver starts in beforeAll: use it inside a test or hook.');
      return url;
    },
    received,
  };
}
