import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  isRetryableStatus,
  MAX_RETRY_AFTER_MS,
  mayRetry,
  retryDelayMs,
  serverRequestedDelayMs,
} from '../../src/retry.js';

const headers = (init: Record<string, string>) => new Headers(init);

describe('which answers are retried', () => {
  it('retries exactly 408, 429, 500, 502, 503 and 504', () => {
    const retried = Array.from({ length: 500 }, (_, i) => i + 100).filter(isRetryableStatus);
    expect(retried).toEqual([408, 429, 500, 502, 503, 504]);
  });

  const refused = Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
  });
  const reset = Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
  });

  it('retries a read on every transient failure', () => {
    for (const method of ['GET', 'get', 'HEAD', 'OPTIONS']) {
      expect(mayRetry(method, { kind: 'status', status: 503 }), method).toBe(true);
      expect(mayRetry(method, { kind: 'timeout' }), method).toBe(true);
      expect(mayRetry(method, { kind: 'failed', cause: reset }), method).toBe(true);
      expect(mayRetry(method, { kind: 'status', status: 404 }), method).toBe(false);
    }
  });

  it('retries a read on exactly the statuses it calls transient, never on another error (403, 409, 501…)', () => {
    const statuses = Array.from({ length: 500 }, (_, i) => i + 100);
    for (const method of ['GET', 'HEAD']) {
      const retried = statuses.filter((status) => mayRetry(method, { kind: 'status', status }));
      expect(retried, method).toEqual([408, 429, 500, 502, 503, 504]);
    }
  });

  it('sends a POST or DELETE again only when the server cannot have acted on it', () => {
    for (const method of ['POST', 'DELETE', 'PUT', 'PATCH']) {
      expect(mayRetry(method, { kind: 'status', status: 429 }), `${method} 429`).toBe(true);
      expect(mayRetry(method, { kind: 'failed', cause: refused }), `${method} refused`).toBe(true);
      for (const status of [408, 500, 502, 503, 504]) {
        expect(mayRetry(method, { kind: 'status', status }), `${method} ${status}`).toBe(false);
      }
      expect(mayRetry(method, { kind: 'timeout' }), `${method} timeout`).toBe(false);
      expect(mayRetry(method, { kind: 'failed', cause: reset }), `${method} reset`).toBe(false);
      expect(mayRetry(method, { kind: 'failed', cause: new TypeError('Failed to fetch') })).toBe(false);
    }
  });

  it.each([
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'],
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND api.plivo.invalid'],
    ['EAI_AGAIN', 'getaddrinfo EAI_AGAIN api.plivo.com'],
  ])('sends a POST again after %s: the name never resolved or nothing listened', (code, message) => {
    const cause = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error(message), { code }),
    });
    expect(mayRetry('POST', { kind: 'failed', cause })).toBe(true);
  });
});

describe('backoff', () => {
  it('starts at 0.5 s and doubles, up to 8 s, without jitter at random() = 0', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((n) => backoffDelayMs(n, () => 0))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it('takes off at most 25 % as jitter', () => {
    expect(backoffDelayMs(0, () => 0.999_999)).toBeCloseTo(375, 3);
    expect(backoffDelayMs(1, () => 0.5)).toBe(875);
  });
});

describe('what the server asks for', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('reads Retry-After in seconds', () => {
    expect(serverRequestedDelayMs(headers({ 'retry-after': '3' }), now)).toBe(3000);
    expect(serverRequestedDelayMs(headers({ 'retry-after': '0' }), now)).toBe(0);
  });

  it('reads Retry-After as an HTTP date', () => {
    expect(serverRequestedDelayMs(headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:07 GMT' }), now)).toBe(
      7000,
    );
    // A date in the past means "now".
    expect(serverRequestedDelayMs(headers({ 'retry-after': 'Tue, 31 Dec 2024 23:59:00 GMT' }), now)).toBe(0);
  });

  it('reads the two obsolete HTTP date forms, asctime as GMT', () => {
    expect(serverRequestedDelayMs(headers({ 'retry-after': 'Wednesday, 01-Jan-25 00:00:09 GMT' }), now)).toBe(
      9000,
    );
    expect(serverRequestedDelayMs(headers({ 'retry-after': 'Wed Jan  1 00:00:05 2025' }), now)).toBe(5000);
  });

  it('takes no other text for a date, however Date.parse would read it', () => {
    for (const text of [
      'Soon 2099',
      'abc 2030',
      'Mon 1',
      'Wed, 01 Jan 2025 00:00:07',
      'Wed, 1 Jan 2025',
      'Wed, 01 Jan 2025 12345678 GMT',
    ]) {
      expect(serverRequestedDelayMs(headers({ 'retry-after': text }), now), text).toBeUndefined();
    }
  });

  it('prefers retry-after-ms', () => {
    expect(serverRequestedDelayMs(headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
  });

  it('ignores values it cannot read', () => {
    expect(serverRequestedDelayMs(headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(serverRequestedDelayMs(headers({ 'retry-after': '-5' }), now)).toBeUndefined();
    expect(serverRequestedDelayMs(headers({ 'retry-after-ms': 'x', 'retry-after': '2' }), now)).toBe(2000);
    expect(serverRequestedDelayMs(headers({}), now)).toBeUndefined();
  });
});

describe('the wait before a retry', () => {
  it('is what the server asked for, when it asked', () => {
    expect(retryDelayMs(0, headers({ 'retry-after': '2' }), () => 0)).toBe(2000);
    expect(retryDelayMs(3, headers({ 'retry-after-ms': '10' }), () => 0)).toBe(10);
  });

  it('is capped at 60 s however long the server asks for', () => {
    expect(retryDelayMs(0, headers({ 'retry-after': '3600' }), () => 0)).toBe(MAX_RETRY_AFTER_MS);
    expect(MAX_RETRY_AFTER_MS).toBe(60_000);
  });

  it('falls back to backoff otherwise', () => {
    expect(retryDelayMs(2, undefined, () => 0)).toBe(2000);
    expect(retryDelayMs(2, headers({ 'retry-after': 'later' }), () => 0)).toBe(2000);
  });
});
