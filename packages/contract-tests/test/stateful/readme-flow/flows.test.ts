import { createPlivoClient } from '@plivo-openapi/client';
import { type StatefulMockServer, startMock } from '@plivo-openapi/contract-tests';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkCode, sendCode } from './phone-check.js';
import { closeTripLine, openTripLine } from './trip-line.js';

let mock: StatefulMockServer;
beforeAll(async () => {
  mock = await startMock({ stateful: true });
});
afterAll(() => mock.stop());

const plivo = () =>
  createPlivoClient({ authId: 'MANJUXXVOICEZZAPI908', authToken: 'not-a-real-token', baseUrl: mock.url });

it('accepts the code that was sent, after refusing a wrong one', async () => {
  const session = await sendCode(plivo(), '+14155550100');
  const sent = mock.otp(session); // the code the user received
  expect(await checkCode(plivo(), session, sent === '000000' ? '111111' : '000000')).toBe(false);
  expect(await checkCode(plivo(), session, sent)).toBe(true);
  expect((await plivo().verifySessions.get(session)).status).toBe('verified');
});

it('refuses the right code once it has expired', async () => {
  const session = await sendCode(plivo(), '+14155550101');
  mock.advanceTime(10 * 60_000); // the mock's codes are valid for 10 minutes
  expect(await checkCode(plivo(), session, mock.otp(session))).toBe(false);
});

it('opens a line for the trip and closes it at the end', async () => {
  const line = await openTripLine(plivo(), '+14155550100', '+14155550199', 30);
  expect(line.number).toMatch(/^\+\d+$/);
  expect((await plivo().maskingSessions.get(line.sessionUuid)).status).toBe('active');
  await closeTripLine(plivo(), line.sessionUuid);
  expect((await plivo().maskingSessions.get(line.sessionUuid)).status).toBe('expired');
});

it('lets the line run out by itself when the trip is never closed', async () => {
  const line = await openTripLine(plivo(), '+14155550100', '+14155550199', 30);
  mock.advanceTime(30 * 60_000);
  expect((await plivo().maskingSessions.get(line.sessionUuid)).status).toBe('expired');
});

it('sends each request once, as the code says', async () => {
  mock.reset();
  await sendCode(plivo(), '+14155550102');
  expect(mock.requests()).toMatchObject([
    {
      method: 'POST',
      operationId: 'createVerifySession',
      body: { recipient: '+14155550102', channel: 'sms' },
    },
  ]);
});
