// The fault server is only worth something if each fault really happens on the wire. These checks use plain
// `fetch`, not the client, so a client bug cannot hide a broken fault (or the other way round).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultServer, faults, startFaultServer } from '../helpers/fault-server.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
});

const NOT_YET = Symbol('not yet');
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<typeof NOT_YET>((resolve) => setTimeout(() => resolve(NOT_YET), ms))]);

describe('fault server', () => {
  it('binds 127.0.0.1 only', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });

  it('reset: the connection fails without any response', async () => {
    server.plan(faults.reset());
    await expect(fetch(`${server.url}/reset`)).rejects.toThrow(TypeError);
  });

  it('hang: no response arrives', async () => {
    server.plan(faults.hang());
    const controller = new AbortController();
    const pending = fetch(`${server.url}/hang`, { signal: controller.signal });
    expect(await within(pending, 300)).toBe(NOT_YET);
    controller.abort();
    await expect(pending).rejects.toThrow();
  });

  it('stallBody: headers arrive, the body never completes', async () => {
    server.plan(faults.stallBody(200, '{"api_id":"'));
    const controller = new AbortController();
    const response = await fetch(`${server.url}/stall`, { signal: controller.signal });
    expect(response.status).toBe(200);
    const body = response.text();
    expect(await within(body, 300)).toBe(NOT_YET);
    controller.abort();
    await expect(body).rejects.toThrow();
  });

  it('truncatedJson: a complete response whose JSON does not parse', async () => {
    server.plan(faults.truncatedJson(200, { api_id: 'x', response: { a: 1 } }));
    const text = await (await fetch(`${server.url}/truncated`)).text();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('cutMidBody: the transfer itself breaks', async () => {
    server.plan(faults.cutMidBody(200, { api_id: 'x', response: { a: 'y'.repeat(1000) } }));
    const response = await fetch(`${server.url}/cut`);
    await expect(response.text()).rejects.toThrow();
  });

  it('htmlBadGateway, rateLimited and hugeJson send what they say', async () => {
    server.plan(faults.htmlBadGateway());
    const html = await fetch(`${server.url}/html`);
    expect([html.status, html.headers.get('content-type')]).toEqual([502, 'text/html']);
    expect(await html.text()).toContain('<h1>502 Bad Gateway</h1>');

    server.plan(faults.rateLimited('3'));
    const limited = await fetch(`${server.url}/limited`);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);
    await limited.body?.cancel();

    server.plan(faults.rateLimited());
    const bare = await fetch(`${server.url}/limited`);
    expect([bare.status, bare.headers.get('retry-after')]).toEqual([429, null]);
    await bare.body?.cancel();

    server.plan(faults.hugeJson(200, { api_id: 'x' }, 5_000_000));
    const huge = await (await fetch(`${server.url}/huge`)).json();
    expect(huge.padding).toHaveLength(5_000_000);
  });

  it('plans as lists and functions, and counts requests per path', async () => {
    server.resetLog();
    server.plan(faults.sequence(faults.json(503, { error: 'a' }), faults.json(200, { ok: true })));
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${server.url}/seq?i=${i}`);
      statuses.push(response.status);
      await response.body?.cancel();
    }
    expect(statuses).toEqual([503, 200, 200]);
    expect(server.countFor('/seq')).toBe(3);

    server.planBy((req) => faults.json(200, { echoed: req.url }));
    expect(await (await fetch(`${server.url}/echo`)).json()).toEqual({ echoed: '/echo' });
  });
});
