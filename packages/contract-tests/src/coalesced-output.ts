/**
 * In Prism's process: its standard output written once per turn of the event loop instead of once per line.
 * Prism prints some nine lines per request, and each write to the pipe woke the process that reads it (the one
 * that called startMock()), which then competed with Prism and its client for the machine's cores: one request at
 * a time, that made the mock's answers 13–20 % slower than bare Prism's. Lines keep their order, a line written
 * to stderr still comes after the stdout lines written before it, and what is pending when the process exits is
 * written before it ends.
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

/**
 * Makes `stdout` write what it is given once per turn (`schedule`), and every write to `stderr` first write what
 * `stdout` holds. Returns what writes the pending output at once (for the process's `exit`).
 */
export function coalesceOutput(
  stdout: WriteTarget,
  stderr: WriteTarget,
  schedule: (flush: () => void) => void = setImmediate,
): () => void {
  const writeOut = stdout.write.bind(stdout);
  const writeError = stderr.write.bind(stderr);
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
    writeOut(joined(chunks), (error?: Error | null) => {
      for (const callback of written) callback(error);
    });
  };

  stdout.write = (chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
    const named = typeof encoding === 'string' ? encoding : undefined;
    // Anything else (a number, an object) goes to the stream now, which refuses it as it would have.
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array))
      return writeOut(chunk, encoding, callback);
    pending.push(
      typeof chunk === 'string' && !UTF8.has(named)
        ? Buffer.from(chunk, named as BufferEncoding)
        : (chunk as Bytes),
    );
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
    return writeError(chunk, encoding, callback);
  };
  return flush;
}
