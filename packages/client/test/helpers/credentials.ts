/** Credentials for tests. The token is long and unusual so that a search for it cannot match by accident. */
export const AUTH_ID = 'MANJUXXVOICEZZAPI908';
export const AUTH_TOKEN = 'tok3n-S3CRET-do-not-leak-9f8e7d6c5b4a3210';
/** The Basic credentials exactly as they travel, which must not leak either. */
export const BASIC_CREDENTIALS = Buffer.from(`${AUTH_ID}:${AUTH_TOKEN}`).toString('base64');

export const MASKING_UUID = 'c28b77d4-21e7-43bd-9447-04bfee92e651';
export const VERIFY_UUID = '4124e518-a8c9-4feb-8cff-d86636ba9234';

/** The path of a masking session of the test account, as the client sends it (no trailing slash). */
export const maskingPath = (sessionUuid: string, authId = AUTH_ID) =>
  `/v1/Account/${authId}/Masking/Session/${sessionUuid}`;
/** The path of a Verify session of the test account, as the client sends it (trailing slash). */
export const verifyPath = (sessionUuid: string, authId = AUTH_ID) =>
  `/v1/Account/${authId}/Verify/Session/${sessionUuid}/`;

export const MASKING_PATH = maskingPath(MASKING_UUID);
export const VERIFY_PATH = verifyPath(VERIFY_UUID);
