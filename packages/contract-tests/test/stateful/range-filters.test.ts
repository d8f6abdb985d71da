import { describe, expect, it } from 'vitest';
import { matchesTimeFilters } from '../../src/stateful/range-filters.js';

// A time filter given to the minute names the whole minute: each operator at both edges of that span.
describe('matchesTimeFilters at the edges of the named minute', () => {
  const at = (time: string) => Date.parse(`2026-11-30T${time}Z`);
  const edges = ['08:59:59.999', '09:00:00.000', '09:00:59.999', '09:01:00.000'];

  it.each([
    ['', [false, true, true, false]],
    ['__gt', [false, false, false, true]],
    ['__gte', [false, true, true, true]],
    ['__lt', [true, false, false, false]],
    ['__lte', [true, true, true, false]],
  ])('created_time%s=2026-11-30 09:00', (operator, expected) => {
    const query = new URLSearchParams({ [`created_time${operator}`]: '2026-11-30 09:00' });
    expect(edges.map((time) => matchesTimeFilters(query, 'created_time', at(time)))).toEqual(expected);
  });
});
