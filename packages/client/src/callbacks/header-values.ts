import { describeType, requireToken } from './arguments.js';
import { CallbackSignatureError } from './errors.js';

/**
 * Reading the nonce and signature headers as frameworks hand them over: a string (`req.headers[name]`,
 * `Headers.get(name)`, where a repeated header is already joined with commas) or one string per header line
 * (`req.headersDistinct[name]` of node:http).
 */

const NONCE_HINT = 'Pass the X-Plivo-Signature-V3-Nonce (or -V2-Nonce) header of the request.';
const SIGNATURE_HINT =
  'Pass the X-Plivo-Signature-V3 (or -Ma-V3, -V2, -Ma-V2) header of the request; a request without it is not from Plivo.';

/** The nonce: a string, or an array holding one (a request with several nonces cannot be judged). */
export function nonceText(value: unknown): string {
  if (Array.isArray(value) && value.length !== 1) {
    throw new CallbackSignatureError(
      'nonce',
      value.length === 0
        ? `nonce is an empty array. ${NONCE_HINT}`
        : `nonce has ${value.length} values (the header was sent ${value.length} times); Plivo sends one. ${NONCE_HINT}`,
    );
  }
  // A header sent twice and read with Headers.get() arrives joined by ", ": named as that, not as a space.
  if (typeof value === 'string' && value.includes(', ')) {
    const count = value.split(', ').length;
    throw new CallbackSignatureError(
      'nonce',
      `nonce holds ${count} values joined by ", " (the header was sent ${count} times, and Headers.get() joins them); Plivo sends one. ${NONCE_HINT}`,
    );
  }
  return requireToken('nonce', Array.isArray(value) ? value[0] : value, NONCE_HINT);
}

/**
 * The signatures of a signature header: its comma-separated items, over all its lines. Whitespace around an
 * item and empty items are ignored (RFC 9110 section 5.6.1; Plivo's Node SDK splits on commas and an empty item
 * simply never matches there), so `sig,` and `,sig` are `sig`. A header with no item at all is refused.
 */
export function signatureCandidates(header: unknown): string[] {
  const lines: readonly unknown[] = Array.isArray(header) ? header : [header];
  const wrong = lines.findIndex((line) => typeof line !== 'string');
  if (wrong !== -1) {
    throw new CallbackSignatureError(
      'signature',
      `signature must be a string or an array of strings (one per header line), got ${describeType(header)}` +
        `${Array.isArray(header) ? ` holding ${describeType(lines[wrong])}` : ''}. ${SIGNATURE_HINT}`,
    );
  }
  const items = (lines as string[])
    .flatMap((line) => line.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) {
    throw new CallbackSignatureError(
      'signature',
      `signature is empty${Array.isArray(header) ? ` (an array of ${header.length} with no signature in it)` : ''}. ${SIGNATURE_HINT}`,
    );
  }
  return items.map((item) => requireToken('signature', item, SIGNATURE_HINT));
}
