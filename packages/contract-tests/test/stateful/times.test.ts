import { describe, expect, it } from 'vitest';
import { LATEST_TIME_MS } from '../../src/stateful/clock.js';
import { paginate } from '../../src/stateful/pages.js';
import { maskingTime, parseFilterTime, verifyTime } from '../../src/stateful/times.js';

const AT = Date.UTC(2026, 10, 30, 9, 5, 7, 123);

describe('time formats', () => {
  it('writes masking times as Plivo does', () => {
    expect(maskingTime(AT)).toBe('2026-11-30 09:05:07 +0000 UTC');
  });

  it('writes Verify times as RFC 3339 with microseconds', () => {
    expect(verifyTime(AT)).toBe('2026-11-30T09:05:07.123000Z');
  });

  // The spec bounds no lifetime: `session_expiry` of 2^53 - 1 s is valid, and ends past what a Date can hold.
  it.each([Number.MAX_SAFE_INTEGER * 1000, LATEST_TIME_MS, Date.UTC(10_000, 0, 1)])(
    'writes %s ms as the latest date the spec can carry, not a RangeError',
    (ms) => {
      expect(maskingTime(ms)).toBe('9999-12-31 23:59:59 +0000 UTC');
      expect(verifyTime(ms)).toBe('9999-12-31T23:59:59.999000Z');
    },
  );

  it.each([
    ['2026-11-30 09:05', Date.UTC(2026, 10, 30, 9, 5), 60_000],
    ['2026-11-30 09:05:07', Date.UTC(2026, 10, 30, 9, 5, 7), 1_000],
    ['2026-11-30 09:05:07.123456', AT, 1],
  ])('reads the list filter %s as a span', (text, start, length) => {
    expect(parseFilterTime(text)).toEqual({ start, end: start + length });
  });

  it.each(['yesterday', '2026-11-30', '2026-13-01 00:00'])('refuses %s as a filter time', (text) => {
    expect(parseFilterTime(text)).toBeUndefined();
  });
});

describe('pages, as Plivo lists link them', () => {
  const items = Array.from({ length: 45 }, (_, i) => i);
  const path = '/v1/Account/MANJUXXVOICEZZAPI908/Verify/Session/';

  it('links the next page and has no previous one on the first page', () => {
    const page = paginate(items, new URLSearchParams(), path);
    expect(page).toMatchObject({ limit: 20, offset: 0, totalCount: 45, previous: null });
    expect(page.items).toEqual(items.slice(0, 20));
    expect(page.next).toBe(`${path}?limit=20&offset=20`);
  });

  it('keeps the filters in both links and has no next link on the last page', () => {
    const page = paginate(items, new URLSearchParams('status=expired&limit=20&offset=40'), path);
    expect(page.items).toEqual([40, 41, 42, 43, 44]);
    expect(page.next).toBeNull();
    expect(page.previous).toBe(`${path}?status=expired&limit=20&offset=20`);
  });

  it('has no previous link when offset - limit is negative (Tastypie)', () => {
    expect(paginate(items, new URLSearchParams('limit=10&offset=5'), path).previous).toBeNull();
  });

  it('has no next link when the last item is on this page exactly', () => {
    expect(paginate(items.slice(0, 40), new URLSearchParams('limit=20&offset=20'), path).next).toBeNull();
  });
});
