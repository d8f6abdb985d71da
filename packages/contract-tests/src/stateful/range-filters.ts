import { wholeNumber } from './pages.js';
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
 * the query, given in the list's `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]` form (`filterProblem` has let them through).
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
    return raw === null || test(value, Number(raw));
  });
}

const FILTER_KINDS = {
  number: { operators: NUMBER_TESTS, reads: wholeNumber, wanted: 'a whole number' },
  time: {
    operators: TIME_TESTS,
    reads: parseFilterTime,
    wanted: 'a UTC time that exists, as YYYY-MM-DD HH:MM[:ss[.uuuuuu]]',
  },
};

/**
 * Why one of `name`'s filters has no value of its kind, for a 400. Prism's checks let through `0x10`, `1e3` and
 * an empty value for an integer, and a date that does not exist (`2026-02-30`) for a time; a Tastypie list
 * (whose `meta` Plivo's has) answers a value of the wrong type with a 400 (inferred) rather than matching
 * nothing. Integers are base-10 whole numbers only, as `limit` and `offset` are.
 */
export function filterProblem(
  query: URLSearchParams,
  name: string,
  kind: keyof typeof FILTER_KINDS,
): string | undefined {
  const { operators, reads, wanted } = FILTER_KINDS[kind];
  for (const operator of Object.keys(operators)) {
    const raw = query.get(name + operator);
    if (raw !== null && reads(raw) === undefined)
      return `Invalid ${name + operator} '${raw}' provided: give ${wanted}`;
  }
  return undefined;
}

/** True when the query has any of `name`'s filters. */
export const hasFilter = (query: URLSearchParams, name: string): boolean =>
  Object.keys(TIME_TESTS).some((operator) => query.has(name + operator));
