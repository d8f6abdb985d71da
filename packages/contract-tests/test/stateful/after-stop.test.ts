// A stopped stateful mock sends nothing: a stray `advanceTime` after `stop()` (an afterAll that runs late) must not
// deliver the expiry callbacks of the sessions it held to a receiver that is still listening. A callback in
// flight when it stops is not lost from the journal.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it, vi } from 'vitest';
import { type StatefulMockServer, startMock } from '../../src/index.js';
import { AUTH_ID, BASIC_AUTH } from '../support/credentials.js';
import { expectExited } from '../support/processes.js';
import { receiverForThisFile } from '../support/receiver-for-file.js';

const receiver = receiverForThisFile();

function createMaskingSession(mockUrl: string, callbackUrl: string): Promise<Response> {
  return fetch(`${mockUrl}/v1/Account/${AUTH_ID}/Masking/Session/`, {
    method: 'POST',
    headers: { authorization: BASIC_AUTH, 'content-type': 'application/json' },
    body: JSON.stringify({
      first_party: '917708772011',
      second_party: '919976106830',
      session_expiry: 600,
      callback_url: callbackUrl,
    }),
  });
}

it('sends no callback once stopped, and advanceTime says why instead of running the clock', async () => {
  const mock = await startMock({ stateful: true });
  try {
    const created = await createMaskingSession(mock.url, `${receiver.url()}/status`);
    expect(created.status).toBe(201);
  } finally {
    await mock.stop();
  }
  expectExited(mock.pid);

  expect(() => mock.advanceTime(600_000)).toThrow(
    'advanceTime: this mock has stopped, and a stopped mock sends no callbacks. Advance its time before `stop()`.',
  );
  await mock.callbacksSettled();
  expect(receiver.received).toEqual([]);
  expect(mock.requests().filter((entry) => entry.kind === 'callback')).toEqual([]);
});

it('journals a callback still in flight at stop() as failed, saying the mock stopped', async () => {
  const arrived: string[] = [];
  const silent = createServer((req) => arrived.push(`${req.method} ${req.url}`)); // never answers
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  let mock: StatefulMockServer | undefined;
  try {
    mock = await startMock({ stateful: true });
    const port = (silent.address() as AddressInfo).port;
    expect((await createMaskingSession(mock.url, `http://127.0.0.1:${port}/status`)).status).toBe(201);
    mock.advanceTime(600_000);
    await vi.waitFor(() => expect(arrived).toEqual(['POST /status']));
  } finally {
    await mock?.stop();
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  }
  expect(mock.requests().filter((entry) => entry.kind === 'callback')).toEqual([
    expect.objectContaining({
      attempt: 1,
      outcome: 'failed',
      error: expect.stringContaining('no answer before the mock stopped'),
    }),
  ]);
});
