// @ts-check
// The baseline server: bare node:http answering GET <path> with a fixed JSON body, as fast as Node can.
// Usage: node src/servers/fixture-server.mjs <body.json> <path>
// Listens on a free port of 127.0.0.1 and prints `listening on http://127.0.0.1:<port>`.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [bodyFile, path] = process.argv.slice(2);
if (!bodyFile || !path?.startsWith('/')) {
  console.error('usage: node src/servers/fixture-server.mjs <body.json> <path starting with />');
  process.exit(2);
}
// Parsed once so a bad fixture fails here, not as a confusing client error later.
const body = Buffer.from(JSON.stringify(JSON.parse(readFileSync(bodyFile, 'utf8'))));
const notFound = Buffer.from(JSON.stringify({ error: `not found: this server only answers GET ${path}` }));

const server = createServer((request, response) => {
  const found = request.method === 'GET' && request.url === path;
  response.writeHead(found ? 200 : 404, {
    'content-type': 'application/json',
    'content-length': (found ? body : notFound).length,
  });
  response.end(found ? body : notFound);
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
