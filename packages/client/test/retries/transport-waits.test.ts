// The waits between attempts, checked exactly with fake timers. The transport gets a scripted fetch (no
// network), so only our timers are in play.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRetryingFetch, type TransportOptions } from '../../src/transport.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A fetch that answers from a script and records when (in fake time) each call came. */
function scriptedFetch(answers: Array<() => Response>) {
  const calls: number[] = [];
  const fetch = async () => {
    calls.push(Date.now());
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
    if (!answer) throw new Error('script is empty');
    return answer();
  };
  return { fetch, calls };
}

const unavailable =
  (headers: Record<string, string> = {}) =>
  () =>
    new Response('{"error":"unavailable"}', { status: 503, headers });
const ok = () => new Response('{"ok":true}', { status: 200 });

/** The transport with the client's defaults and no jitter, so every wait is exact; `overrides` vary one thing. */
function retryingFetch(fetch: TransportOptions['fetch'], overrides: Partial<TransportOptions> = {}) {
  return createRetryingFetch({
    fetch,
    timeoutMs: 30_000,
    maxRetries: 2,
    redact: (t) => t,
    random: () => 0,
    ...overrides,
  });
}

describe('waits between attempts', () => {
  it('waits 0.5 s then 1 s (no jitter) before the two default retries', async () => {
    const { fetch, calls } = scriptedFetch([unavailable(), unavailable(), ok]);
    const retrying = retryingFetch(fetch);
    const start = Date.now();
    const result = retrying(new Request('https://api.example.test/x'));
    await vi.advanceTimersByTimeAsync(499);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((at) => at - start)).toEqual([0, 500, 1500]);
    expect((await result).status).toBe(200);
  });

  it('waits what Retry-After says instead of the backoff', async () => {
    const { fetch, calls } = scriptedFetch([unavailable({ 'Retry-After': '7' }), ok]);
    const retrying = retryingFetch(fetch);
    const start = Date.now();
    const result = retrying(new Request('https://api.example.test/x'));
    await vi.advanceTimersByTimeAsync(6_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((at) => at - start)).toEqual([0, 7000]);
    expect((await result).status).toBe(200);
  });

  it('waits what retry-after-ms says, in milliseconds, before Retry-After', async () => {
    const { fetch, calls } = scriptedFetch([
      unavailable({ 'retry-after-ms': '1234', 'Retry-After': '9' }),
      ok,
    ]);
    const retrying = retryingFetch(fetch);
    const start = Date.now();
    const result = retrying(new Request('https://api.example.test/x'));
    await vi.advanceTimersByTimeAsync(1_233);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((at) => at - start)).toEqual([0, 1234]);
    expect((await result).status).toBe(200);
  });

  it('waits until the HTTP date a Retry-After names', async () => {
    const start = Date.now();
    const inFiveSeconds = new Date(start + 5_000).toUTCString();
    const { fetch, calls } = scriptedFetch([unavailable({ 'Retry-After': inFiveSeconds }), ok]);
    const retrying = retryingFetch(fetch);
    const result = retrying(new Request('https://api.example.test/x'));
    // An HTTP date has whole seconds, so the wait is up to a second shorter than 5 s, never longer.
    await vi.advanceTimersByTimeAsync(3_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(calls).toHaveLength(2);
    expect((await result).status).toBe(200);
  });

  it('cuts a retry-after-ms of an hour to 60 s', async () => {
    const { fetch, calls } = scriptedFetch([unavailable({ 'retry-after-ms': '3600000' }), ok]);
    const retrying = retryingFetch(fetch, { maxRetries: 1 });
    const start = Date.now();
    const result = retrying(new Request('https://api.example.test/x'));
    await vi.advanceTimersByTimeAsync(59_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((at) => at - start)).toEqual([0, 60_000]);
    expect((await result).status).toBe(200);
  });

  it('cuts a Retry-After of an hour to 60 s', async () => {
    const { fetch, calls } = scriptedFetch([unavailable({ 'Retry-After': '3600' }), ok]);
    const retrying = retryingFetch(fetch, { maxRetries: 1 });
    const start = Date.now();
    const result = retrying(new Request('https://api.example.test/x'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls.map((at) => at - start)).toEqual([0, 60_000]);
    expect((await result).status).toBe(200);
  });

  it('returns the last answer once the retries are used up', async () => {
    const { fetch, calls } = scriptedFetch([unavailable()]);
    const retrying = retryingFetch(fetch, { maxRetries: 3 });
    const result = retrying(new Request('https://api.example.test/x'));
    await vi.advanceTimersByTimeAsync(500 + 1000 + 2000);
    expect(calls).toHaveLength(4);
    expect((await result).status).toBe(503);
  });

  it('does not retry a POST (it might not be idempotent)', async () => {
    const { fetch, calls } = scriptedFetch([unavailable(), ok]);
    const retrying = retryingFetch(fetch);
    const result = await retrying(new Request('https://api.example.test/x', { method: 'POST', body: '{}' }));
    expect(result.status).toBe(503);
    expect(calls).toHaveLength(1);
  });
});
