import { createPlivoClient, ServerError } from '@plivo-openapi/client';
import { expect, inject, it } from 'vitest';
import { hasVerifiedOtp } from './otp-check.js';

const SESSION = 'c28b77d4-21e7-43bd-9447-04bfee92e651';

// `prefer` picks the mock's answer: a named example of the spec, or a documented status code.
const plivoAnswering = (prefer: string) =>
  createPlivoClient({
    authId: 'MANJUXXVOICEZZAPI908', // any Auth ID of the right shape
    authToken: 'not-a-real-token', // the mock checks that credentials are sent, not their value
    baseUrl: inject('plivoMockUrl'),
    headers: { prefer },
    maxRetries: 0,
  });

it('lets a user with a verified session go on', async () => {
  expect(await hasVerifiedOtp(plivoAnswering('example=verified'), SESSION)).toBe(true);
});

it('stops a user whose session expired', async () => {
  expect(await hasVerifiedOtp(plivoAnswering('example=singleAttempt'), SESSION)).toBe(false);
});

it('stops a user with an unknown session', async () => {
  expect(await hasVerifiedOtp(plivoAnswering('code=404'), SESSION)).toBe(false);
});

it('lets a Plivo outage reach the caller', async () => {
  await expect(hasVerifiedOtp(plivoAnswering('code=500'), SESSION)).rejects.toBeInstanceOf(ServerError);
});
