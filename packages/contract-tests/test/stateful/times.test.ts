import { describe, expect, it } from 'vitest';
import { LATEST_TIME_MS } from '../../src/stateful/clock.js';
import { paginate, readPaging } from '../../src/stateful/pages.js';
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
  const pageOf = (list: number[], search = '') => {
    const query = new URLSearchParams(search);
    const paging = readPaging(query);
    if (typeof paging === 'string') throw new Error(paging);
    return paginate(list, paging, query, path);
  };

  it('links the next page and has no previous one on the first page', () => {
    const page = pageOf(items);
    expect(page).toMatchObject({ limit: 20, offset: 0, totalCount: 45, previous: null });
    expect(page.items).toEqual(items.slice(0, 20));
    expect(page.next).toBe(`${path}?limit=20&offset=20`);
  });

  it('keeps the filters in both links and has no next link on the last page', () => {
    const page = pageOf(items, 'status=expired&limit=20&offset=40');
    expect(page.items).toEqual([40, 41, 42, 43, 44]);
    expect(page.next).toBeNull();
    expect(page.previous).toBe(`${path}?status=expired&limit=20&offset=20`);
  });

  it('links with `limit` and `offset` alone when the request spelt them in another case, which the state does not read', () => {
    const page = pageOf(items, 'LIMIT=5&Offset=3&status=expired');
    expect(page).toMatchObject({ limit: 20, offset: 0 });
    expect(page.next).toBe(`${path}?status=expired&limit=20&offset=20`);
  });

  it('keeps the order of the query, replacing `limit` and `offset` where they are', () => {
    expect(pageOf(items, 'limit=5&offset=0&status=expired').next).toBe(
      `${path}?limit=5&offset=5&status=expired`,
    );
  });

  it('has no previous link when offset - limit is negative (Tastypie)', () => {
    expect(pageOf(items, 'limit=10&offset=5').previous).toBeNull();
  });

  it('has no next link when the last item is on this page exactly', () => {
    expect(pageOf(items.slice(0, 40), 'limit=20&offset=20').next).toBeNull();
  });

  it.each([
    ['', { limit: 20, offset: 0 }],
    ['limit=&offset=', { limit: 20, offset: 0 }],
    ['limit=%205&offset=%2B3', { limit: 5, offset: 3 }],
    ['offset=-0', { limit: 20, offset: 0 }],
    [`offset=${Number.MAX_SAFE_INTEGER}`, { limit: 20, offset: Number.MAX_SAFE_INTEGER }],
  ])('reads %j as %j', (search, paging) => {
    expect(readPaging(new URLSearchParams(search))).toEqual(paging);
  });

  it.each([
    ['offset=1e400', 'offset'],
    ['offset=1e21', 'offset'],
    ['offset=0x10', 'offset'],
    ['offset=9007199254740992', 'offset'],
    ['offset=1.5', 'offset'],
    ['limit=1e1', 'limit'],
    ['limit=0', 'limit'],
    ['limit=21', 'limit'],
  ])('refuses %s, naming %s', (search, name) => {
    const value = new URLSearchParams(search).get(name);
    expect(readPaging(new URLSearchParams(search))).toBe(
      `Invalid ${name} '${value}' provided: give a whole number ${name === 'limit' ? 'from 1 to 20' : `from 0 to ${Number.MAX_SAFE_INTEGER}`}`,
    );
  });
});
