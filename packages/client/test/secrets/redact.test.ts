import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/redact.js';

const token = 'Zq9rT4vX2mB7nK1pL8sD3fG6hJ0wYcE5';
const redact = createRedactor([token]);

describe('createRedactor', () => {
  it('replaces every whole occurrence of a secret', () => {
    expect(redact(`a ${token} b ${token}`)).toBe('a [redacted] b [redacted]');
  });

  it('removes the start of a secret left at the end of a text cut at a byte limit', () => {
    const cut = `{"echo":"${token.slice(0, 12)}`;
    expect(redact(cut)).toBe('{"echo":"[redacted]');
    expect(redact(cut)).not.toContain(token.slice(0, 4));
  });

  it('leaves a text alone when its end matches fewer than four characters of a secret', () => {
    expect(redact(`ends with ${token.slice(0, 3)}`)).toBe(`ends with ${token.slice(0, 3)}`);
  });
});
