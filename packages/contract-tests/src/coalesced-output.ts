/**
 * In Prism's process: its standard output written once per turn of the event loop instead of once per line.
 * Prism prints some nine lines per request, and each write to the pipe woke the process that reads it (the one
 * that called startMock()), which then competed with Prism and its client for the machine's cores. Lines keep
 * their order, a write to stderr first writes the stdout lines before it, and what is pending when the process
 * exits is written then. Lost: lines of a turn that never ends (Prism hung in it) or that a signal the process does
 * not handle cuts short (SIGKILL, a fatal V8 error).
 */

type WriteCallback = (error?: Error | null) => void;

/** The part of a writable stream this module uses (process.stdout and process.stderr are such streams). */
export interface WriteTarget {
  write(chunk: unknown, encoding?: unknown, callback?: unknown): boolean;
}

type Bytes = string | Uint8Array;

const UTF8 = new Set([undefined, 'utf8', 'utf-8']);

/** The chunks of one turn as one: a string when all are (the common case: signale writes strings), else bytes. */
function joined(chunks: Bytes[]): Bytes {
  if (chunks.every((chunk) => typeof chunk === 'string')) return chunks.join('');
  return Buffer.concat(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk)));
}

/** A chunk as it will be joined: UTF-8 text as it is, other text and any typed array or DataView as bytes. */
function held(chunk: string | ArrayBufferView, encoding: string | undefined): Bytes {
  if (typeof chunk === 'string')
    return UTF8.has(encoding) ? chunk : Buffer.from(chunk, encoding as BufferEncoding);
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** The stream's own `write` back, or its prototype's (process.stdout's) when it had none of its own. */
function restore(stream: WriteTarget, write: WriteTarget['write'], wasOwn: boolean): void {
  if (wasOwn) stream.write = write;
  else Reflect.deleteProperty(stream, 'write');
}

/**
 * Makes `stdout` write what it is given once per turn (`schedule`), and every write to `stderr` first write what
 * `stdout` holds. Returns what, at the process's exit, writes what is pending and makes later writes direct.
 */
export function coalesceOutput(
  stdout: WriteTarget,
  stderr: WriteTarget,
  schedule: (flush: () => void) => void = setImmediate,
): () => void {
  const writeOut = stdout.write;
  const writeError = stderr.write;
  const ownWrite = { stdout: Object.hasOwn(stdout, 'write'), stderr: Object.hasOwn(stderr, 'write') };
  let pending: Bytes[] = [];
  let callbacks: WriteCallback[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const chunks = pending;
    const written = callbacks;
    pending = [];
    callbacks = [];
    Reflect.apply(writeOut, stdout, [
      joined(chunks),
      (error?: Error | null) => {
        for (const callback of written) callback(error);
      },
    ]);
  };

  stdout.write = (chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
    // Anything else (a number, an object) goes to the stream now, which refuses it as it would have.
    if (typeof chunk !== 'string' && !ArrayBuffer.isView(chunk))
      return Reflect.apply(writeOut, stdout, [chunk, encoding, callback]);
    pending.push(held(chunk, typeof encoding === 'string' ? encoding : undefined));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') callbacks.push(done as WriteCallback);
    if (!scheduled) {
      scheduled = true;
      schedule(flush);
    }
    return true;
  };
  stderr.write = (chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
    flush();
    return Reflect.apply(writeError, stderr, [chunk, encoding, callback]);
  };
  // At exit no turn follows: a write from a later 'exit' listener must not wait for one.
  return () => {
    flush();
    restore(stdout, writeOut, ownWrite.stdout);
    restore(stderr, writeError, ownWrite.stderr);
  };
}
