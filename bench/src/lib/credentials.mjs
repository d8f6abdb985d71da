// @ts-check
// The one request every client, server and load generator in the bench makes: get a Verify session.
// Credentials are made up; nothing here leaves 127.0.0.1.

export const AUTH_ID = 'MANJUXXVOICEZZAPI908';
export const AUTH_TOKEN = 'bench-token-not-a-secret';
export const SESSION_UUID = '4124e518-a8c9-4feb-8cff-d86636ba9234';
export const VERIFY_PATH = `/v1/Account/${AUTH_ID}/Verify/Session/${SESSION_UUID}/`;
export const AUTHORIZATION = `Basic ${Buffer.from(`${AUTH_ID}:${AUTH_TOKEN}`).toString('base64')}`;
