/** Credentials for tests. The token is long and unusual so that a search for it cannot match by accident. */
export const AUTH_ID = 'MANJUXXVOICEZZAPI908';
export const AUTH_TOKEN = 'tok3n-S3CRET-do-not-leak-9f8e7d6c5b4a3210';
/** The Basic credentials exactly as they travel, which must not leak either. */
export const BASIC_CREDENTIALS = Buffer.from(`${AUTH_ID}:${AUTH_TOKEN}`).toString('base64');

export const MASKING_UUID = 'fc145a33-778a-461f-af09-39438ca10fcf';
export const VERIFY_UUID = '4124e518-a8c9-4feb-8cff-d86636ba9234';

export const MASKING_PATH = `/v1/Account/${AUTH_ID}/Masking/Session/${MASKING_UUID}`;
export const VERIFY_PATH = `/v1/Account/${AUTH_ID}/Verify/Session/${VERIFY_UUID}/`;
