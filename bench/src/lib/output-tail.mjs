// @ts-check
// The last `limit` characters of a child's output. Chunks are kept as they arrive and joined only when read,
// so recording a chunk costs its own length rather than a copy of everything kept (a server that logs each
// request would otherwise cost the bench quadratic time under load).

export class OutputTail {
  /** @param {number} limit */
  constructor(limit) {
    this.limit = limit;
    /** @type {string[]} */
    this.chunks = [];
    this.length = 0;
    /** @type {string | undefined} */
    this.joined = '';
  }

  /** @param {string} text */
  append(text) {
    if (text.length === 0) return;
    const kept = text.length > this.limit ? text.slice(-this.limit) : text;
    this.chunks.push(kept);
    this.length += kept.length;
    // Drop the oldest chunks while the rest still hold `limit` characters (a few at a time: shift is cheap here).
    while (
      this.chunks.length > 1 &&
      this.length - /** @type {string} */ (this.chunks[0]).length >= this.limit
    ) {
      this.length -= /** @type {string} */ (this.chunks.shift()).length;
    }
    this.joined = undefined;
  }

  toString() {
    this.joined ??= this.chunks.join('').slice(-this.limit);
    return this.joined;
  }
}
