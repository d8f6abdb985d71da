// A stopped stateful mock sends nothing: a stray `advanceTime` after `stop()` (an afterAll that runs late) must not
// deliver the expiry callbacks of the sessions it held to a receiver that is still listening.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMock } from '../../src/index.js';
import { AUTH_ID, BASIC_AUTH } from '../support/credentials.js';
import { expectExited } from '../support/processes.js';

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

it('sends no callback once stopped, and advanceTime says why instead of running the clock', async () => {
  const mock = await startMock({ stateful: true });
  try {
    const created = await fetch(`${mock.url}/v1/Account/${AUTH_ID}/Masking/Session/`, {
      method: 'POST',
      headers: { authorization: BASIC_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({
        first_party: '917708772011',
        second_party: '919976106830',
        session_expiry: 600,
        callback_url: `${receiverUrl}/status`,
      }),
    });
    expect(created.status).toBe(201);
  } finally {
    await mock.stop();
  }
  expectExited(mock.pid);

  expect(() => mock.advanceTime(600_000)).toThrow(
    'advanceTime: this mock has stopped, and a stopped mock sends no callbacks. Advance its time before `stop()`.',
  );
  await mock.callbacksSettled();
  expect(received).toEqual([]);
  expect(mock.requests().filter((entry) => entry.kind === 'callback')).toEqual([]);
});
