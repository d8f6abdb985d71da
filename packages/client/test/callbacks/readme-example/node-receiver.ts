import { createServer, type IncomingMessage } from 'node:http';
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

export interface ReceiverOptions {
  /** Auth Token of the account that registered the callback URLs. */
  authToken: string;
  /** The origin Plivo calls, e.g. `https://example.com`: behind a proxy, not the address this server listens on. */
  publicOrigin: string;
  onCallback: (callback: PlivoCallback) => Promise<void> | void;
  /** Why a request was refused with 4xx (safe to log: it never contains the token). */
  onRejected?: (reason: string) => void;
  /** A failure on this side, answered 500 (Plivo retries a Verify callback): a `CallbackConfigurationError` (no Auth
   * Token?) or a throwing `onCallback`. Log it: every callback fails until it is fixed. */
  onError?: (error: unknown) => void;
}

/** Plivo's callbacks are a few hundred bytes: a longer body is no callback, and is not kept. */
const MAX_BODY_LENGTH = 64 * 1024;

/** The body, or why it is refused: longer than MAX_BODY_LENGTH (read to its end, not kept), or cut off. */
async function readBody(req: IncomingMessage): Promise<string | { status: 400 | 413; reason: string }> {
  let body = '';
  let tooLong = false;
  try {
    for await (const chunk of req.setEncoding('utf8')) {
      if (!tooLong) body += chunk;
      tooLong ||= body.length > MAX_BODY_LENGTH;
    }
  } catch {
    // The sender's fault (or the network's), not this receiver's: no onError.
    return { status: 400, reason: 'the body was cut off: the connection ended before it was whole' };
  }
  return tooLong
    ? { status: 413, reason: `a body over ${MAX_BODY_LENGTH} characters: no callback is that long` }
    : body;
}

/**
 * Receives masking callbacks at /plivo/masking/status and /plivo/masking/recording (signed with V3 headers,
 * like every callback from Plivo's voice platform) and Verify callbacks at /plivo/verify (V2 headers, as
 * Verify documents, and V3 ones when Plivo sends them too).
 */
export function createCallbackServer({
  authToken,
  publicOrigin,
  onCallback,
  onRejected,
  onError,
}: ReceiverOptions) {
  return createServer(async (req, res) => {
    const method = req.method ?? '';
    const url = publicOrigin + req.url; // exactly the URL you registered, query included
    // Node's parser passes request targets no URL can hold (`*:99999`): thrown from this async handler, the
    // error would end the process.
    if (!URL.canParse(url)) {
      onRejected?.('the request target is not a path');
      res.writeHead(400).end();
      return;
    }
    const { pathname, searchParams } = new URL(url);
    const verify = pathname === '/plivo/verify';
    // V2 does not sign the payload: check V3 whenever it was sent, V2 only for a Verify callback without it.
    const v2 = verify && req.headers['x-plivo-signature-v3'] === undefined;
    try {
      const body = method === 'POST' ? await readBody(req) : '';
      if (typeof body !== 'string') {
        onRejected?.(body.reason);
        res.writeHead(body.status).end();
        return;
      }
      // POST: the body's form fields only (signed by V3), never the query; GET: the URL's query.
      const payload = method === 'POST' ? new URLSearchParams(body) : searchParams;
      const check = await checkCallbackSignature({
        version: v2 ? 'v2' : 'v3',
        method,
        url,
        nonce: req.headers[v2 ? 'x-plivo-signature-v2-nonce' : 'x-plivo-signature-v3-nonce'],
        signature: req.headers[v2 ? 'x-plivo-signature-v2' : 'x-plivo-signature-v3'],
        params: method === 'POST' ? payload : undefined,
        authToken,
      });
      if (!check.valid) {
        onRejected?.(check.explanation);
        res.writeHead(403).end();
        return;
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
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200).end(); // anything else is a failed delivery
    } catch (error) {
      if (error instanceof CallbackSignatureError || error instanceof CallbackPayloadError) {
        onRejected?.(error.message); // a missing header, a malformed payload: not a request from Plivo
        res.writeHead(400).end();
      } else {
        onError?.(error); // CallbackConfigurationError (is the token set?) or your onCallback failed
        res.writeHead(500).end();
      }
    }
  });
}
