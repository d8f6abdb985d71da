/**
 * How a response carries its body once the transport has read it within the attempt's deadline.
 *
 * The network's own Response carries it: `BufferedResponse.adopt` gives it this class's prototype, whose body
 * methods answer from the bytes already read. Building a second Response instead would copy the headers
 * (about 16 µs on Node 20), and a Response over bytes wraps them in a stream that is read back again (about
 * 28 µs). Status, headers, URL and `instanceof Response` stay the network's. A stream is made only if someone
 * asks for `body` (openapi-fetch's `parseAs: 'stream'`, or a raw-client caller), and from then on every body
 * method reads that stream, as a plain Response's would. Reading the body twice fails with a TypeError, as it
 * does on any Response. `new BufferedResponse(bytes, init)` builds one from scratch (for `clone()`).
 *
 * A convenience call's response never reaches the caller (the call returns the parsed body, and its errors
 * copy what they need), and openapi-fetch reads it with `text()` alone: `withBufferedText` gives it just that
 * method, which is cheaper still than changing its prototype (about 5 µs a call on Node 20).
 */

const EMPTY = new Uint8Array(new ArrayBuffer(0));
const decoder = new TextDecoder();
const BODY = Symbol('bufferedBody');

interface BufferedBody {
  /** `null` for a null-body status (204, 304…): `body` is then `null`, as on the network response. */
  readonly bytes: Uint8Array<ArrayBuffer> | null;
  used: boolean;
  /** A plain Response over the bytes, made the first time `body` is asked for; it then owns the body. */
  streamed: Response | undefined;
}

function bodyUsedError(): TypeError {
  return new TypeError('Body is unusable: Body has already been read');
}

export interface BufferedResponseInit {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  /** The URL the answer came from; a constructed Response would otherwise have an empty `url`. */
  readonly url: string;
}

function setUrl(response: Response, url: string): void {
  // An own property, like the one fetch's Response has on its prototype.
  Object.defineProperty(response, 'url', { value: url, enumerable: true });
}

/**
 * The bytes, marking the body used; throws (inside the async methods: rejects) if it was used already. A
 * function, not a private method: an adopted response has the prototype but not the class's private brand.
 */
function take(response: BufferedResponse): Uint8Array<ArrayBuffer> {
  if (response.bodyUsed) throw bodyUsedError();
  const state = response[BODY];
  // No body (a 204 or 304) is never used up, as on any Response: it reads as empty every time.
  if (state.bytes === null) return EMPTY;
  state.used = true;
  return state.bytes;
}

/**
 * The body in a form other than text, rare for this API: the runtime's own Response over the bytes makes it
 * (a copy for `arrayBuffer()`, so what one caller changes cannot show up in a clone's body; the Content-Type,
 * with its boundary, for `blob()` and `formData()`). Rejects, as a body method does, when the body was used.
 */
async function readAs<Kind extends 'arrayBuffer' | 'blob' | 'formData'>(
  response: BufferedResponse,
  kind: Kind,
): Promise<Awaited<ReturnType<Response[Kind]>>> {
  const { streamed } = response[BODY];
  const source = streamed ?? new Response(take(response), { headers: response.headers });
  return source[kind]() as Promise<Awaited<ReturnType<Response[Kind]>>>;
}

/**
 * Whether a custom fetch's Response is another library's (undici's npm package, node-fetch): it keeps its state
 * where this class's getters cannot read it, so it is copied rather than adopted.
 */
const isAnotherLibrarys = (response: Response): boolean => !(response instanceof Response);

export class BufferedResponse extends Response {
  declare [BODY]: BufferedBody;

  constructor(bytes: Uint8Array<ArrayBuffer> | null, init: BufferedResponseInit) {
    super(null, init);
    this[BODY] = { bytes, used: false, streamed: undefined };
    setUrl(this, init.url);
  }

  /**
   * Makes `response` (whose body stream has been read) answer its body methods from `bytes`. `url` is used
   * when the response has none (one a custom fetch constructed).
   */
  static adopt(response: Response, bytes: Uint8Array<ArrayBuffer> | null, url: string): BufferedResponse {
    if (isAnotherLibrarys(response)) {
      return new BufferedResponse(bytes, {
        status: response.status,
        statusText: response.statusText ?? '',
        headers: new Headers(response.headers),
        url: response.url || url,
      });
    }
    Object.setPrototypeOf(response, BufferedResponse.prototype);
    const adopted = response as BufferedResponse;
    adopted[BODY] = { bytes, used: false, streamed: undefined };
    if (!response.url) setUrl(response, url);
    return adopted;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    const state = this[BODY];
    if (state.bytes === null) return null;
    if (state.streamed === undefined) {
      // With the headers: blob() takes its type, and formData() its boundary, from the Content-Type.
      state.streamed = new Response(state.bytes, { headers: this.headers });
      // Read already through a method: the stream must look consumed too, not offer the body a second time.
      if (state.used) void state.streamed.body?.cancel();
    }
    return state.streamed.body as ReadableStream<Uint8Array<ArrayBuffer>> | null;
  }

  override get bodyUsed(): boolean {
    const state = this[BODY];
    return state.used || (state.streamed?.bodyUsed ?? false);
  }

  override async text(): Promise<string> {
    const { streamed } = this[BODY];
    return streamed === undefined ? decoder.decode(take(this)) : streamed.text();
  }

  override async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return readAs(this, 'arrayBuffer');
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await this.arrayBuffer());
  }

  override blob(): Promise<Blob> {
    return readAs(this, 'blob');
  }

  override formData(): Promise<FormData> {
    return readAs(this, 'formData');
  }

  override clone(): BufferedResponse {
    if (this.bodyUsed) throw bodyUsedError();
    if (this[BODY].streamed?.body?.locked)
      throw new TypeError('Response.clone: the body stream is locked (being read)');
    const { status, statusText, headers, url, type, redirected } = this;
    const clone = new BufferedResponse(this[BODY].bytes, { status, statusText, headers, url });
    // As the original has them (a constructed Response would read `default` and `false`): whether a redirect led
    // here is what the error of a read refused after one to another origin says.
    Object.defineProperties(clone, { type: { value: type }, redirected: { value: redirected } });
    return clone;
  }
}

/**
 * For a response only openapi-fetch reads, with `parseAs: 'text'` (see the top of this file): its `text()`
 * answers from `bytes`. `url` is used when the response has none (one a custom fetch constructed).
 */
export function withBufferedText(response: Response, bytes: Uint8Array | null, url: string): Response {
  response.text = () => Promise.resolve(bytes === null ? '' : decoder.decode(bytes));
  if (!response.url) setUrl(response, url);
  return response;
}

/** The body of a buffered response as text, without using it up; `undefined` for any other response. */
export function peekText(response: Response): string | undefined {
  if (!(response instanceof BufferedResponse) || response.bodyUsed) return undefined;
  return decoder.decode(response[BODY].bytes ?? EMPTY);
}
