import { describeType, quote } from './arguments.js';
import { requireAuthToken } from './auth-token.js';
import { CallbackSignatureError } from './errors.js';
import { nonceText, signatureCandidates } from './header-values.js';
import type { CallbackSignatureVersion } from './headers.js';
import { hmacSha256Base64, timingSafeEqual } from './hmac.js';
import { signedTextV2, signedTextV3 } from './signed-text.js';
import { type CallbackParams, groupParams } from './signing-params.js';
import { splitSigningUrl, withoutUserInfo } from './signing-url.js';

/** What a V3 signature covers. */
export interface SignatureV3Input {
  /** `GET` or `POST` (any case), the method Plivo called the URL with. */
  readonly method: string;
  /** The absolute URL Plivo called, as registered, query included. */
  readonly url: string;
  /** The `X-Plivo-Signature-V3-Nonce` header. */
  readonly nonce: string;
  /** POST: the decoded form fields of the body. GET: usually none (they are in the URL's query). */
  readonly params?: CallbackParams | undefined;
  /** Auth Token of the account (for `X-Plivo-Signature-V3`) or main account (for `-Ma-V3`). */
  readonly authToken: string;
}

/** What a V2 signature covers: the URL without its query, and the nonce. */
export interface SignatureV2Input {
  readonly url: string;
  /** The `X-Plivo-Signature-V2-Nonce` header. */
  readonly nonce: string;
  readonly authToken: string;
}

/**
 * A header as frameworks hand it over: `node:http`'s `req.headers[name]` or `Headers.get(name)` (a string), or
 * `req.headersDistinct[name]` (one string per header line). A signature header's lines and comma-separated
 * items are all candidates; a nonce must be one value. Missing or empty is a `CallbackSignatureError`.
 */
export type HeaderValue = string | readonly string[] | null | undefined;

/**
 * The arguments of `verifyCallbackSignature`: a signature header value and what it must cover. A union on
 * `version`, so a V3 check (the default) does not compile without the `method` it signs.
 */
export type VerifyCallbackSignatureInput = VerifyCallbackSignatureV3Input | VerifyCallbackSignatureV2Input;

interface VerifyCallbackSignatureCommon {
  /** The absolute URL Plivo called, as registered, query included. */
  readonly url: string;
  /** The nonce header of the same version (`X-Plivo-Signature-V3-Nonce` or `-V2-Nonce`). */
  readonly nonce: HeaderValue;
  /** A signature header's value (`X-Plivo-Signature-V3`, `-Ma-V3`, `-V2` or `-Ma-V2`): one or more, comma-separated. */
  readonly signature: HeaderValue;
  readonly authToken: string;
}

export interface VerifyCallbackSignatureV3Input extends VerifyCallbackSignatureCommon {
  /** `v3`, the default. */
  readonly version?: 'v3' | undefined;
  /** `GET` or `POST` (any case), the method Plivo called the URL with. */
  readonly method: string;
  /** The decoded form fields of a POST body. GET: none (they are in the URL's query). */
  readonly params?: CallbackParams | undefined;
}

export interface VerifyCallbackSignatureV2Input extends VerifyCallbackSignatureCommon {
  readonly version: 'v2';
  /** Not signed by V2; taken so one call can serve both versions. */
  readonly method?: string | undefined;
  /** Not signed by V2 (so not authenticated by it); taken so one call can serve both versions. */
  readonly params?: CallbackParams | undefined;
}

/**
 * The outcome of `checkCallbackSignature`: the verdict, and what was signed, to find out why it failed. A union
 * on `valid`, so `if (!check.valid)` narrows `explanation` to a string.
 */
export type CallbackSignatureCheck = CallbackSignatureCheckBase &
  (
    | { readonly valid: true; readonly explanation: undefined }
    | {
        readonly valid: false;
        /** Why it failed and what to check. Safe to log; do not send it to the caller. */
        readonly explanation: string;
      }
  );

interface CallbackSignatureCheckBase {
  readonly version: CallbackSignatureVersion;
  /** How many comma-separated signatures the header held. */
  readonly candidates: number;
  /** The text whose HMAC was expected (public inputs only: never the token nor the expected signature). */
  readonly signedText: string;
}

function requireObject(input: unknown, name: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null) {
    throw new CallbackSignatureError(
      'input',
      `${name} takes one object argument, got ${describeType(input)}.`,
    );
  }
  return input as Record<string, unknown>;
}

function requireMethod(method: unknown): 'GET' | 'POST' {
  const upper = typeof method === 'string' ? method.toUpperCase() : method;
  if (upper !== 'GET' && upper !== 'POST') {
    throw new CallbackSignatureError(
      'method',
      `method must be "GET" or "POST" (the methods Plivo calls callbacks with), got ${
        typeof method === 'string' ? quote(method) : describeType(method)
      }.`,
    );
  }
  return upper;
}

function textV3(input: Record<string, unknown>): string {
  const method = requireMethod(input.method);
  const url = splitSigningUrl(input.url);
  const nonce = nonceText(input.nonce);
  return signedTextV3(method, url, groupParams(input.params), nonce);
}

function textV2(input: Record<string, unknown>): string {
  return signedTextV2(splitSigningUrl(input.url), nonceText(input.nonce));
}

/**
 * The `X-Plivo-Signature-V3` value Plivo sends for a callback: Base64 of HMAC-SHA256(Auth Token, text), the
 * text built as Plivo's Node SDK builds it (see `signed-text.ts` for where Plivo's SDKs differ and why Node's
 * choice is ours).
 */
export async function computeSignatureV3(input: SignatureV3Input): Promise<string> {
  const fields = requireObject(input, 'computeSignatureV3');
  const authToken = requireAuthToken(fields.authToken);
  return hmacSha256Base64(authToken, textV3(fields));
}

/** The `X-Plivo-Signature-V2` value: Base64 of HMAC-SHA256(Auth Token, URL without query + nonce). */
export async function computeSignatureV2(input: SignatureV2Input): Promise<string> {
  const fields = requireObject(input, 'computeSignatureV2');
  const authToken = requireAuthToken(fields.authToken);
  return hmacSha256Base64(authToken, textV2(fields));
}

/**
 * Checks a callback's signature header and says why it does not match. Every comma-separated signature is
 * compared in constant time and all of them are always compared. Throws a `CallbackConfigurationError` for a
 * missing or malformed `authToken` (checked first), and a `CallbackSignatureError` only for malformed arguments
 * of the request (missing or non-string header, empty nonce, unparsable URL, unknown method or version).
 */
export function checkCallbackSignature(input: VerifyCallbackSignatureInput): Promise<CallbackSignatureCheck> {
  return checkSignature(input, 'checkCallbackSignature');
}

/** `true` when one of the header's signatures is Plivo's for these inputs (see `checkCallbackSignature`). */
export async function verifyCallbackSignature(input: VerifyCallbackSignatureInput): Promise<boolean> {
  return (await checkSignature(input, 'verifyCallbackSignature')).valid;
}

/** Both exports' check; `name` is the one called, for an error about its argument. */
async function checkSignature(
  input: VerifyCallbackSignatureInput,
  name: string,
): Promise<CallbackSignatureCheck> {
  const fields = requireObject(input, name);
  // The receiver's own setting first: a missing token must fail every request alike, not pass for a bad header.
  const authToken = requireAuthToken(fields.authToken);
  const version = fields.version ?? 'v3';
  if (version !== 'v3' && version !== 'v2') {
    throw new CallbackSignatureError(
      'version',
      `version must be "v3" or "v2", got ${typeof version === 'string' ? quote(version) : describeType(version)}.`,
    );
  }
  const signedText = version === 'v3' ? textV3(fields) : textV2(fields);
  const candidates = signatureCandidates(fields.signature);
  const expected = await hmacSha256Base64(authToken, signedText);
  let valid = false;
  for (const candidate of candidates) valid = timingSafeEqual(expected, candidate) || valid;
  const base: CallbackSignatureCheckBase = { version, candidates: candidates.length, signedText };
  return valid
    ? { valid, ...base, explanation: undefined }
    : { valid, ...base, explanation: explainMismatch(version, candidates.length, fields, signedText) };
}

function explainMismatch(
  version: CallbackSignatureVersion,
  candidates: number,
  fields: Record<string, unknown>,
  signedText: string,
): string {
  const header = version === 'v3' ? 'X-Plivo-Signature-V3' : 'X-Plivo-Signature-V2';
  // Quoted: the path and query come from the request.
  const url = quote(withoutUserInfo(String(fields.url)));
  const what =
    version === 'v3'
      ? `${String(fields.method).toUpperCase()} ${url} with ${groupParams(fields.params).size} parameter name(s) and the given nonce`
      : `${url} (without its query) and the given nonce`;
  const checks = [
    'url is the exact URL Plivo called, as registered: scheme, host, port, path, trailing slash and query (not a proxy-internal URL)',
    ...(version === 'v3'
      ? ['params are the decoded form fields of a POST body (for GET they are already in the URL: pass none)']
      : []),
    `authToken is the Auth Token of the account that owns the resource (for ${header.replace('-V', '-Ma-V')}: of the main account)`,
    'the request was not changed on the way (or was not sent by Plivo at all)',
  ];
  return (
    `None of the ${candidates} ${version.toUpperCase()} signature(s) matches the one computed for ${what}. ` +
    `Check that ${checks.join('; that ')}. Signed text: ${quote(signedText)}`
  );
}
