// A minimal npm registry on 127.0.0.1 that accepts publishes and answers metadata for what it holds, so a
// real `changeset publish` can run end to end without reaching (or ever touching) the public registry.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Manifest = {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  [key: string]: unknown;
};
export type PublishedVersion = { manifest: Manifest; tarball: Buffer; tag: string };
export type FakeRegistry = {
  url: string;
  published: Map<string, PublishedVersion>; // key: name@version
  requests: string[];
  close(): Promise<void>;
};

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeRegistry(): Promise<FakeRegistry> {
  const published = new Map<string, PublishedVersion>();
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const name = decodeURIComponent((request.url ?? '/').slice(1).split('?')[0] ?? '');
    requests.push(`${request.method} /${name}`);
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'PUT') {
      const body = JSON.parse(await readBody(request));
      const tag = Object.keys(body['dist-tags'] ?? {})[0] ?? 'latest';
      for (const [version, manifest] of Object.entries<Manifest>(body.versions ?? {})) {
        if (published.has(`${name}@${version}`))
          return send(403, { error: 'cannot publish over the previously published version' });
        const attachment = Object.values<{ data: string }>(body._attachments ?? {})[0];
        published.set(`${name}@${version}`, {
          manifest,
          tarball: Buffer.from(attachment?.data ?? '', 'base64'),
          tag,
        });
      }
      return send(201, { ok: true });
    }
    if (request.method === 'GET') {
      const versions = [...published.values()].filter(({ manifest }) => manifest.name === name);
      if (versions.length === 0) return send(404, { error: 'Not found' });
      return send(200, {
        name,
        'dist-tags': { latest: versions.at(-1)?.manifest.version },
        versions: Object.fromEntries(versions.map(({ manifest }) => [manifest.version, manifest])),
      });
    }
    return send(404, { error: 'Not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    published,
    requests,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
