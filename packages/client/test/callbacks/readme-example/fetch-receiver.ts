import {
  CallbackPayloadError,
  CallbackSignatureError,
  checkCallbackSignature,
  type MaskingRecordingEvent,
  type MaskingSessionEvent,
  parseMaskingRecordingEvent,
  parseMaskingSessionEvent,
  parseVerifySessionEvent,
  type VerifySessionEvent,
} from '@plivo-openapi/client/callbacks';

export type PlivoCallback =
  | { kind: 'masking-status'; event: MaskingSessionEvent }
  | { kind: 'masking-recording'; event: MaskingRecordingEvent }
  /**
   * `payloadSigned: false`: only V2 was sent, which signs the URL and nonce but not the payload. Confirm with
   * `plivo.verifySessions.get(event.SessionUUID)` before acting on it.
   */
  | { kind: 'verify-status'; event: VerifySessionEvent; payloadSigned: boolean };

export interface HandlerOptions {
  authToken: string;
  /** The origin Plivo calls; `request.url` may carry an internal one behind a proxy. */
  publicOrigin: string;
  onCallback: (callback: PlivoCallback) => Promise<void> | void;
  onRejected?: (reason: string) => void;
  /** A failure on this side (a `CallbackConfigurationError`, a throwing `onCallback`): answered 500 (Plivo retries a Verify callback). */
  onError?: (error: unknown) => void;
}

/** Plivo's callbacks are a few hundred bytes: a longer body is no callback, and is not read on. */
const MAX_BODY_LENGTH = 64 * 1024;

/** The body, or why it is refused: longer than MAX_BODY_LENGTH (not read on), or cut off. */
async function readBody(request: Request): Promise<string | { status: 400 | 413; reason: string }> {
  if (request.body === null) return '';
  const reader = request.body.pipeThrough(new TextDecoderStream()).getReader();
  let body = '';
  for (;;) {
    // A read fails when the sender's connection ends mid-body: its fault, not this handler's (no onError).
    const read = await reader.read().catch(() => undefined);
    if (read === undefined)
      return { status: 400, reason: 'the body was cut off: the connection ended before it was whole' };
    if (read.done) return body;
    body += read.value;
    if (body.length > MAX_BODY_LENGTH) {
      await reader.cancel();
      return { status: 413, reason: `a body over ${MAX_BODY_LENGTH} characters: no callback is that long` };
    }
  }
}

/** A fetch-style handler (Deno.serve, Bun.serve, Cloudflare Workers, Next.js route handlers, Hono ...). */
export function createCallbackHandler({
  authToken,
  publicOrigin,
  onCallback,
  onRejected,
  onError,
}: HandlerOptions) {
  return async (request: Request): Promise<Response> => {
    const { pathname, search, searchParams } = new URL(request.url);
    const url = publicOrigin + pathname + search;
    const verify = pathname === '/plivo/verify';
    // V2 does not sign the payload: check V3 whenever it was sent, V2 only for a Verify callback without it.
    const v2 = verify && !request.headers.has('x-plivo-signature-v3');
    try {
      const body = request.method === 'POST' ? await readBody(request) : '';
      if (typeof body !== 'string') {
        onRejected?.(body.reason);
        return new Response(null, { status: body.status });
      }
      const payload = request.method === 'POST' ? new URLSearchParams(body) : searchParams;
      const check = await checkCallbackSignature({
        version: v2 ? 'v2' : 'v3',
        method: request.method,
        url,
        nonce: request.headers.get(v2 ? 'x-plivo-signature-v2-nonce' : 'x-plivo-signature-v3-nonce'),
        signature: request.headers.get(v2 ? 'x-plivo-signature-v2' : 'x-plivo-signature-v3'),
        params: request.method === 'POST' ? payload : undefined,
        authToken,
      });
      if (!check.valid) {
        onRejected?.(check.explanation);
        return new Response(null, { status: 403 });
      }
      if (pathname === '/plivo/masking/status') {
        await onCallback({ kind: 'masking-status', event: parseMaskingSessionEvent(payload) });
      } else if (pathname === '/plivo/masking/recording') {
        await onCallback({ kind: 'masking-recording', event: parseMaskingRecordingEvent(payload) });
      } else if (verify) {
        const event = parseVerifySessionEvent(payload);
        await onCallback({ kind: 'verify-status', event, payloadSigned: !v2 });
      } else {
        onRejected?.(`a signed request to ${pathname}, where no callback is received`);
        return new Response(null, { status: 404 });
      }
      return new Response(null, { status: 200 }); // anything else is a failed delivery
    } catch (error) {
      if (error instanceof CallbackSignatureError || error instanceof CallbackPayloadError) {
        onRejected?.(error.message);
        return new Response(null, { status: 400 });
      }
      onError?.(error); // CallbackConfigurationError (is the token set?) or your onCallback failed
      return new Response(null, { status: 500 });
    }
  };
}
