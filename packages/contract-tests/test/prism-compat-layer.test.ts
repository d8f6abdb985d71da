import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installCompatLayer } from '../src/prism-compat-layer.js';
import { createRoutes } from '../src/routes.js';
import { maskingPath } from './support/credentials.js';
import { rawRequest } from './support/raw-request.js';

// The layer as Prism's process runs it, on a plain node:http server that echoes what its handler was given.
const routes = createRoutes([
  { method: 'GET', path: '/v1/Account/{auth_id}/Masking/Session/{session_uuid}', operationId: 'get' },
]);
let server: Server;
let base: string;
let uninstall: () => void;

beforeAll(async () => {
  uninstall = installCompatLayer(routes);
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () =>
      response.end(
        JSON.stringify({
          url: request.url,
          headers: request.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  uninstall();
  await new Promise((resolve) => server.close(resolve));
});

const seen = async (path: string, options: Parameters<typeof rawRequest>[1] = {}) =>
  JSON.parse((await rawRequest(`${base}${path}`, options)).body) as {
    url: string;
    headers: Record<string, string>;
  };

describe('the compatibility layer in Prism’s process', () => {
  it('hands the handler the spec’s path form, the Prefer header and a GET without its body headers', async () => {
    const handled = await seen(`/__prefer/code%3D404/${maskingPath().slice(1)}/?a=1`, {
      headers: { 'content-type': 'application/json' },
      body: '""',
    });
    expect(handled.url).toBe(`${maskingPath()}?a=1`);
    expect(handled.headers.prefer).toBe('code=404');
    expect(handled.headers).not.toHaveProperty('content-type');
    expect(handled.headers).not.toHaveProperty('content-length');
  });

  it('keeps a kept-alive connection usable after a GET body it hid', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const body = JSON.stringify({ padding: 'x'.repeat(10_000) });
    const send = () =>
      new Promise<{ url: string; reused: boolean }>((resolve, reject) => {
        const outgoing = request(
          `${base}${maskingPath()}`,
          { agent, headers: { 'content-type': 'application/json', 'content-length': String(body.length) } },
          (answer) => {
            let text = '';
            answer.setEncoding('utf8').on('data', (chunk: string) => {
              text += chunk;
            });
            answer.on('end', () => resolve({ url: JSON.parse(text).url, reused: outgoing.reusedSocket }));
          },
        );
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    try {
      const answers = [await send(), await send(), await send()];
      expect(answers).toEqual([
        { url: maskingPath(), reused: false },
        { url: maskingPath(), reused: true },
        { url: maskingPath(), reused: true },
      ]);
    } finally {
      agent.destroy();
    }
  });

  it('passes requests under /__prism as sent, the prefix taken off', async () => {
    const handled = await seen(`/__prism/__prefer/code=404${maskingPath()}//`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(handled.url).toBe(`/__prefer/code=404${maskingPath()}//`);
    expect(handled.headers).not.toHaveProperty('prefer');
    expect(handled.headers['content-type']).toBe('application/json');
  });

  it('survives a Prefer prefix that is not valid percent-encoding, passing its text on', async () => {
    const handled = await seen(`/__prefer/code%3D%E0%A4%A${maskingPath()}`);
    expect(handled.url).toBe(maskingPath());
    expect(handled.headers.prefer).toBe('code%3D%E0%A4%A');
  });
});
