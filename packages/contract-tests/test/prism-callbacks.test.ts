// Prism would send the spec's callbacks itself (unsigned, with a JSON body under a form content type) to the URL
// in each request; the mock kit starts it on a copy of the spec without them, so the only callbacks a receiver
// gets are the stateful mode's signed ones.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specForPrism } from '../src/prism-spec.js';
import { resolveSpecPath } from '../src/resolve-spec.js';
import { AUTH_ID, BASIC_AUTH } from './support/credentials.js';
import { mockForThisFile } from './support/mock-for-file.js';

const operations = (spec: { paths: Record<string, Record<string, { callbacks?: unknown }>> }) =>
  Object.values(spec.paths).flatMap((item) => Object.values(item));

describe('specForPrism', () => {
  it('gives Prism a copy of the bundled spec without callbacks, removed afterwards', () => {
    const original = resolveSpecPath();
    const bundled = JSON.parse(readFileSync(original, 'utf8'));
    expect(
      operations(bundled).filter((operation) => operation.callbacks !== undefined).length,
    ).toBeGreaterThan(0);

    const spec = specForPrism(original);
    expect(spec.path).not.toBe(original);
    const copy = JSON.parse(readFileSync(spec.path, 'utf8'));
    expect(operations(copy).filter((operation) => operation.callbacks !== undefined)).toEqual([]);
    expect(Object.keys(copy.paths)).toEqual(Object.keys(bundled.paths));
    spec.remove();
    expect(existsSync(spec.path)).toBe(false);
  });

  it('uses a YAML spec, or one that refers to other files, as it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prism-spec-test-'));
    try {
      const yaml = join(dir, 'openapi.yaml');
      writeFileSync(yaml, 'openapi: 3.1.0\n');
      expect(specForPrism(yaml).path).toBe(yaml);
      const external = join(dir, 'external.json');
      writeFileSync(
        external,
        JSON.stringify({ paths: { '/a': { post: { callbacks: { x: { $ref: './callbacks.json' } } } } } }),
      );
      expect(specForPrism(external).path).toBe(external);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the stateless mock', () => {
  const mock = mockForThisFile();
  let receiver: Server;
  let receiverUrl: string;
  const received: string[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      received.push(`${req.method} ${req.url}`);
      res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it('sends no callback of its own when a request registers callback URLs', async () => {
    const response = await fetch(`${mock().url}/v1/Account/${AUTH_ID}/Masking/Session/`, {
      method: 'POST',
      headers: { authorization: BASIC_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({
        first_party: '917708772011',
        second_party: '919976106830',
        callback_url: `${receiverUrl}/status`,
        recording_callback_url: `${receiverUrl}/recording`,
      }),
    });
    expect(response.status).toBe(201);
    // Prism sends its callbacks right after answering; a second is far more than it needs (seen: ~50 ms).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(received).toEqual([]);
  });
});
