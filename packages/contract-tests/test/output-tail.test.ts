import { describe, expect, it } from 'vitest';
import { OutputTail } from '../src/output-tail.js';

// What the mock's output() shows: the most recent part of Prism's log, however it arrived in chunks.
describe('OutputTail', () => {
  it('keeps everything while the output is shorter than the limit', () => {
    const tail = new OutputTail(100);
    expect(tail.toString()).toBe('');
    tail.append('[HTTP SERVER] info ');
    tail.append('');
    tail.append('Prism is listening');
    expect(tail.toString()).toBe('[HTTP SERVER] info Prism is listening');
  });

  it('keeps exactly the last `limit` characters of many chunks of every size, in order', () => {
    const limit = 1000;
    const tail = new OutputTail(limit);
    let everything = '';
    for (let index = 0; index < 5000; index++) {
      // Sizes from 0 to 1500 characters: some chunks alone are longer than the limit.
      const chunk = `${index}:`.padEnd((index * 37) % 1501, String.fromCharCode(97 + (index % 26)));
      tail.append(chunk);
      everything += chunk;
      if (index % 97 === 0) expect(tail.toString(), `after chunk ${index}`).toBe(everything.slice(-limit));
    }
    expect(tail.toString()).toBe(everything.slice(-limit));
  });

  it('keeps the end of a single chunk longer than the limit', () => {
    const tail = new OutputTail(4);
    tail.append('abcdefgh');
    expect(tail.toString()).toBe('efgh');
    tail.append('ij');
    expect(tail.toString()).toBe('ghij');
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => new OutputTail(0)).toThrow(/limit must be a positive integer, got 0/);
  });
});
