/** Credentials of the shape the spec demands; the mock checks shape, never the secret itself. */
export const AUTH_ID = 'MANJUXXVOICEZZAPI908';
export const AUTH_TOKEN = 'contract-test-token-not-a-secret';
export const SESSION_UUID = 'c28b77d4-21e7-43bd-9447-04bfee92e651';
export const BASIC_AUTH = `Basic ${Buffer.from(`${AUTH_ID}:${AUTH_TOKEN}`).toString('base64')}`;

export const maskingPath = (authId = AUTH_ID, uuid = SESSION_UUID) =>
  `/v1/Account/${authId}/Masking/Session/${uuid}`;
export const verifyPath = (authId = AUTH_ID, uuid = SESSION_UUID) =>
  `/v1/Account/${authId}/Verify/Session/${uuid}/`;
