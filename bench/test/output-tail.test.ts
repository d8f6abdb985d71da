import { describe, expect, it } from 'vitest';
import { OutputTail } from '../src/lib/output-tail.mjs';

// What a failed figure quotes of a child's output: its end, where the error is.
describe('OutputTail', () => {
  it('keeps the last `limit` characters, across chunks and after many of them', () => {
    const tail = new OutputTail(10);
    for (const chunk of ['first line\n', 'second\n', '', 'third\n']) tail.append(chunk);
    expect(tail.toString()).toBe('ond\nthird\n');
    for (let i = 0; i < 1000; i++) tail.append(`${i}\n`);
    expect(tail.toString()).toBe('7\n998\n999\n');
  });

  it('keeps the end of a single chunk longer than the limit, and everything while under it', () => {
    const tail = new OutputTail(5);
    tail.append('abc');
    expect(tail.toString()).toBe('abc');
    tail.append('0123456789');
    expect(tail.toString()).toBe('56789');
  });
});
