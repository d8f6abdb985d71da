/**
 * The `Response` the transport hands to openapi-fetch once an attempt's body has been read within its deadline.
 *
 * Why not `new Response(bytes)`: a Response over bytes wraps them in a ReadableStream, and reading it back goes
 * through that stream again. On Node 20 (undici) that stream, its transferable set-up and its garbage cost
 * about as much as everything else the client adds to a local call (measured: about 28 µs of a 290 µs call).
 * So this is a real `Response` (status, headers, `instanceof`, `ok`) built with no body, whose body methods
 * answer from the bytes. A stream is made only if someone asks for `body` (openapi-fetch's `parseAs: 'stream'`,
 * or a caller of the raw client), and from then on every body method reads that stream, as a plain Response's
 * would. Reading the body twice fails with a TypeError, as it does on any Response.
 */

const EMPTY = new Uint8Array(new ArrayBuffer(0));
const decoder = new TextDecoder();

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

export class BufferedResponse extends Response {
  /** `null` for a null-body status (204, 304…): `body` is then `null`, as on the network response. */
  readonly #bytes: Uint8Array<ArrayBuffer> | null;
  readonly #init: BufferedResponseInit;
  #used = false;
  /** A plain Response over the bytes, made the first time `body` is asked for; it then owns the body. */
  #streamed: Response | undefined;

  constructor(bytes: Uint8Array<ArrayBuffer> | null, init: BufferedResponseInit) {
    super(null, init);
    this.#bytes = bytes;
    this.#init = init;
    // An own property, like the one fetch's Response has on its prototype: a getter override would need a
    // type assertion against lib.dom's declaration, and this is read once or twice per call.
    Object.defineProperty(this, 'url', { value: init.url, enumerable: true });
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#bytes === null) return null;
    if (this.#streamed === undefined) {
      this.#streamed = new Response(this.#bytes);
      // Read already through a method: the stream must look consumed too, not offer the body a second time.
      if (this.#used) void this.#streamed.body?.cancel();
    }
    return this.#streamed.body as ReadableStream<Uint8Array<ArrayBuffer>> | null;
  }

  override get bodyUsed(): boolean {
    return this.#used || (this.#streamed?.bodyUsed ?? false);
  }

  /** The bytes, marking the body used; throws (inside the async methods: rejects) if it was used already. */
  #take(): Uint8Array<ArrayBuffer> {
    if (this.bodyUsed) throw bodyUsedError();
    this.#used = true;
    return this.#bytes ?? EMPTY;
  }

  override async text(): Promise<string> {
    if (this.#streamed !== undefined) return this.#streamed.text();
    return decoder.decode(this.#take());
  }

  override async json(): Promise<unknown> {
    if (this.#streamed !== undefined) return this.#streamed.json();
    return JSON.parse(decoder.decode(this.#take()));
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    if (this.#streamed !== undefined) return this.#streamed.arrayBuffer();
    // A copy, so that what one caller changes cannot show up in a clone's body.
    return this.#take().slice().buffer;
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await this.arrayBuffer());
  }

  override async blob(): Promise<Blob> {
    if (this.#streamed !== undefined) return this.#streamed.blob();
    return new Blob([this.#take()], { type: this.headers.get('content-type') ?? '' });
  }

  override async formData(): Promise<FormData> {
    if (this.#streamed !== undefined) return this.#streamed.formData();
    // Rare for this API; the runtime's own parser needs the Content-Type (and its boundary).
    return new Response(this.#take(), { headers: this.headers }).formData();
  }

  override clone(): BufferedResponse {
    if (this.bodyUsed) throw bodyUsedError();
    return new BufferedResponse(this.#bytes, this.#init);
  }
}
