import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  status: number;
  contentType: string;
  body: string;
}

export interface ReplayUpstream {
  readonly url: string;
  /** The answer to give from now on, to every request. */
  serve(reply: Reply): void;
  /** Requests received so far. */
  readonly received: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[];
  close(): Promise<void>;
}

/** A stand-in for api.plivo.com on 127.0.0.1 that answers whatever the test tells it to. */
export async function startReplayUpstream(): Promise<ReplayUpstream> {
  let reply: Reply = { status: 500, contentType: 'text/plain', body: 'no reply configured' };
  const received: ReplayUpstream['received'] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(reply.status, { 'content-type': reply.contentType });
      response.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serve: (next) => {
      reply = next;
    },
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
