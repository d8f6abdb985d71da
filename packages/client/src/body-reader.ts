/**
 * Reads a Response's body whatever stream it is: the runtime's ReadableStream, or the Node stream that
 * node-fetch's Response carries (a custom `fetch` may answer with it), which has no `getReader` but is async
 * iterable and is stopped with `destroy`.
 */

export interface BodyReader {
  read(): Promise<IteratorResult<Uint8Array>>;
  /** Stops the transfer; never throws. */
  cancel(): void;
}

interface NodeStream extends AsyncIterable<Uint8Array> {
  destroy(): void;
}

const ignore = (): void => {};

export const isNodeStream = (body: unknown): body is NodeStream =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as Partial<NodeStream>).destroy === 'function' &&
  typeof (body as Partial<NodeStream>)[Symbol.asyncIterator] === 'function';

export function bodyReader(body: ReadableStream<Uint8Array>): BodyReader {
  if (typeof body.getReader !== 'function' && isNodeStream(body)) {
    const chunks = body[Symbol.asyncIterator]();
    return {
      read: () => chunks.next(),
      // `destroy`, not the iterator's `return`, which waits for a read in progress (a stalled body's never ends).
      cancel: () => body.destroy(),
    };
  }
  const reader = body.getReader();
  return {
    read: () => reader.read(),
    cancel: () => {
      reader.cancel().catch(ignore);
    },
  };
}

/** Drops a body nobody will read (a late answer to an attempt given up on), so that it holds no socket. */
export function discardBody(body: unknown): void {
  if (isNodeStream(body)) body.destroy();
  else if (typeof (body as Partial<ReadableStream> | null)?.cancel === 'function')
    (body as ReadableStream).cancel().catch(ignore);
}
