import { parseFilterTime } from './times.js';

type Span = { start: number; end: number };

// A time filter names a span (a whole minute or second): equality is inside it, `__gt` after its end.
const TIME_TESTS: Record<string, (value: number, span: Span) => boolean> = {
  '': (value, { start, end }) => value >= start && value < end,
  __gt: (value, { end }) => value >= end,
  __gte: (value, { start }) => value >= start,
  __lt: (value, { start }) => value < start,
  __lte: (value, { end }) => value < end,
};

const NUMBER_TESTS: Record<string, (value: number, bound: number) => boolean> = {
  '': (value, bound) => value === bound,
  __gt: (value, bound) => value > bound,
  __gte: (value, bound) => value >= bound,
  __lt: (value, bound) => value < bound,
  __lte: (value, bound) => value <= bound,
};

/**
 * Whether `value` (ms since the epoch) passes every `name`, `name__gt`, `__gte`, `__lt` and `__lte` filter of
 * the query, given in the list's `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]` form. A filter that does not parse matches
 * nothing, as an impossible condition should.
 */
export function matchesTimeFilters(query: URLSearchParams, name: string, value: number): boolean {
  return Object.entries(TIME_TESTS).every(([operator, test]) => {
    const raw = query.get(name + operator);
    if (raw === null) return true;
    const span = parseFilterTime(raw);
    return span !== undefined && test(value, span);
  });
}

/** The same for an integer field (masking `duration`). */
export function matchesNumberFilters(query: URLSearchParams, name: string, value: number): boolean {
  return Object.entries(NUMBER_TESTS).every(([operator, test]) => {
    const raw = query.get(name + operator);
    if (raw === null) return true;
    const bound = Number(raw);
    return raw.trim() !== '' && !Number.isNaN(bound) && test(value, bound);
  });
}

/** True when the query has any of `name`'s filters. */
export const hasFilter = (query: URLSearchParams, name: string): boolean =>
  Object.keys(TIME_TESTS).some((operator) => query.has(name + operator));
