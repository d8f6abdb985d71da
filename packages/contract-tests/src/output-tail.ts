/**
 * The last `limit` characters of a child process's output. Chunks are kept as they arrive and joined only when
 * read, so recording a chunk costs its own length, not the whole kept log: Prism prints a few lines per request,
 * and re-slicing a 64 kB string for each of them cost the mock's proxy half of its CPU under load.
 */
export class OutputTail {
  readonly #limit: number;
  readonly #chunks: string[] = [];
  /** Index of the oldest chunk still kept; dropped chunks are removed in batches, not one `shift()` each. */
  #first = 0;
  /** Characters in the kept chunks (from `#first` on). */
  #length = 0;
  /** The joined text, until the next append. */
  #joined: string | undefined = '';

  constructor(limit: number) {
    if (!(Number.isInteger(limit) && limit > 0)) {
      throw new RangeError(`OutputTail: limit must be a positive integer, got ${limit}`);
    }
    this.#limit = limit;
  }

  append(text: string): void {
    if (text.length === 0) return;
    const kept = text.length > this.#limit ? text.slice(-this.#limit) : text;
    this.#chunks.push(kept);
    this.#length += kept.length;
    // Drop the oldest chunks while what remains still holds at least `limit` characters.
    for (;;) {
      const oldest = this.#chunks[this.#first];
      if (oldest === undefined || this.#length - oldest.length < this.#limit) break;
      this.#length -= oldest.length;
      this.#first += 1;
    }
    if (this.#first > 1024 && this.#first * 2 > this.#chunks.length) {
      this.#chunks.splice(0, this.#first);
      this.#first = 0;
    }
    this.#joined = undefined;
  }

  /** The most recent `limit` characters, oldest first. */
  toString(): string {
    if (this.#joined === undefined) {
      const text = this.#chunks.slice(this.#first).join('');
      this.#joined = text.length > this.#limit ? text.slice(-this.#limit) : text;
    }
    return this.#joined;
  }
}
