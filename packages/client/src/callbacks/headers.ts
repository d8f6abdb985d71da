/**
 * The headers Plivo signs callbacks with, in lower case (as `node:http` and `Headers` give them).
 * - `signature` is signed with the Auth Token of the account or subaccount that owns the resource;
 *   `mainAccountSignature` (`-Ma-`) with the main account's. Either may be checked.
 * - Each signature header may hold several comma-separated values (presumably one per active Auth Token; Plivo does not say).
 * Masking callbacks come from Plivo's voice platform and carry V3; Verify documents V2. Our mock sends V3 on
 * both and V2 as well on Verify, so either verifier works.
 */
export const CALLBACK_SIGNATURE_HEADERS = {
  v3: {
    signature: 'x-plivo-signature-v3',
    mainAccountSignature: 'x-plivo-signature-ma-v3',
    nonce: 'x-plivo-signature-v3-nonce',
  },
  v2: {
    signature: 'x-plivo-signature-v2',
    mainAccountSignature: 'x-plivo-signature-ma-v2',
    nonce: 'x-plivo-signature-v2-nonce',
  },
} as const;

/** `v3`: method, URL with query, parameters and nonce are signed. `v2`: URL without query and nonce only. */
export type CallbackSignatureVersion = keyof typeof CALLBACK_SIGNATURE_HEADERS;
