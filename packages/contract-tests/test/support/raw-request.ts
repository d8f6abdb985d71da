import { type IncomingMessage, type RequestOptions, request } from 'node:http';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A request exactly as given, body included even on GET: fetch() refuses a GET body, and sending one is the
 * point of some tests.
 */
export function rawRequest(url: string, options: RawRequestOptions = {}): Promise<RawAnswer> {
  return send(url, options);
}

/**
 * A request whose path goes out as written, `./`, `../` and `#` included: fetch() and a URL given to Node's
 * `request()` resolve them first.
 */
export function rawRequestAsWritten(
  origin: string,
  path: string,
  options: RawRequestOptions = {},
): Promise<RawAnswer> {
  const { hostname, port } = new URL(origin);
  return send({ hostname, port, path }, options);
}

interface RawRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The body framed by `Transfer-Encoding: chunked` (as a streamed body is), not by its length. */
  chunked?: boolean;
}

function send(target: string | RequestOptions, options: RawRequestOptions): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    // Node frames a GET body only when told its length, as axios does for plivo-node.
    const length =
      options.body === undefined
        ? {}
        : options.chunked
          ? { 'transfer-encoding': 'chunked' }
          : { 'content-length': String(Buffer.byteLength(options.body)) };
    const settings = {
      method: options.method ?? 'GET',
      headers: { ...options.headers, ...length },
      agent: false,
    };
    const onAnswer = (answer: IncomingMessage) => {
      let body = '';
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => {
        body += chunk;
      });
      answer.on('end', () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body }));
    };
    const outgoing =
      typeof target === 'string'
        ? request(target, settings, onAnswer)
        : request({ ...target, ...settings }, onAnswer);
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}
