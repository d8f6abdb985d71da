// A stopped stateful mock sends nothing: a stray `advanceTime` after `stop()` (an afterAll that runs late) must not
// deliver the expiry callbacks of the sessions it held to a receiver that is still listening.
import { expect, it } from 'vitest';
import { startMock } from '../../src/index.js';
import { AUTH_ID, BASIC_AUTH } from '../support/credentials.js';
import { expectExited } from '../support/processes.js';
import { receiverForThisFile } from '../support/receiver-for-file.js';

const receiver = receiverForThisFile();

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
        callback_url: `${receiver.url()}/status`,
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
  expect(receiver.received).toEqual([]);
  expect(mock.requests().filter((entry) => entry.kind === 'callback')).toEqual([]);
});
