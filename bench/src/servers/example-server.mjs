// @ts-check
// The client-overhead server: bare node:http answering a fixed set of routes with fixed JSON bodies (the
// spec's named examples), as fast as Node can.
// Usage: node src/servers/example-server.mjs <routes.json>, where routes.json is
//   [{ "method": "GET", "path": "/v1/...", "status": 200, "body": {...}, "headers"?: {...} }, ...]
// The query string is ignored. Listens on a free port of 127.0.0.1 and prints `listening on http://127.0.0.1:<port>`.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [routesFile] = process.argv.slice(2);
if (routesFile === undefined) {
  console.error('usage: node src/servers/example-server.mjs <routes.json>');
  process.exit(2);
}
/** @type {{ method: string, path: string, status: number, body: unknown, headers?: Record<string, string> }[]} */
const routes = JSON.parse(readFileSync(routesFile, 'utf8'));
/** @type {Map<string, { status: number, body: Buffer, headers: Record<string, string> | undefined }>} "GET /path" → answer, the body serialized once */
const answers = new Map(
  routes.map(({ method, path, status, body, headers }) => [
    `${method} ${path}`,
    { status, body: Buffer.from(JSON.stringify(body)), headers },
  ]),
);
const notFound = {
  status: 404,
  headers: undefined,
  body: Buffer.from(
    JSON.stringify({
      error: `not found: this server only answers ${routes.map(({ method, path }) => `${method} ${path}`).join(', ')}`,
    }),
  ),
};

const server = createServer((request, response) => {
  const answer = answers.get(`${request.method} ${request.url?.split('?')[0]}`) ?? notFound;
  // A POST's body is read to the end before the answer, as a real server would.
  request.resume();
  request.on('end', () => {
    response.writeHead(answer.status, {
      ...answer.headers,
      'content-type': 'application/json',
      'content-length': answer.body.length,
    });
    response.end(answer.body);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  console.log(`listening on http://127.0.0.1:${address.port}`);
});
const close = () => {
  server.close(() => process.exit(0));
  // Keep-alive sockets would hold close() open until they time out.
  server.closeAllConnections();
};
process.on('SIGTERM', close);
process.on('SIGINT', close);
