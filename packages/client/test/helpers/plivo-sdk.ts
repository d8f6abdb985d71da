// Plivo's own Node SDK (plivo@4.79.0), the reference our callback signatures are checked against.
import { createRequire } from 'node:module';

/** Form or query parameters as the SDK takes them: a repeated key as an array. */
export type NodeParams = Record<string, string | string[]>;

export const plivo = createRequire(import.meta.url)('plivo') as {
  validateV3Signature(
    method: string,
    uri: string,
    nonce: string,
    authToken: string,
    signature: string,
    params?: NodeParams,
  ): boolean;
  validateSignature(uri: string, nonce: string, signature: string, authToken: string): boolean;
};
