import { createPlivoClient, type PlivoClient } from '@plivo-openapi/client';

/** Two accounts of the shape the spec demands; the mock keeps their sessions apart. */
export const ACCOUNT_A = 'MANJUXXVOICEZZAPI908';
export const ACCOUNT_B = 'SAZTQXZDYWNZBMMJAZZJ';
export const TOKEN = 'stateful-test-token-not-a-secret';

/** Our client for one account of the mock. No retries: each call is sent exactly once. */
export const clientOf = (baseUrl: string, authId = ACCOUNT_A): PlivoClient =>
  createPlivoClient({ authId, authToken: TOKEN, baseUrl, maxRetries: 0 });

export const basicAuth = (authId = ACCOUNT_A, token = TOKEN) =>
  `Basic ${Buffer.from(`${authId}:${token}`).toString('base64')}`;
