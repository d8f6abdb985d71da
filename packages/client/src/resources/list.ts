import { describeType, InvalidArgumentError } from '../errors.js';
import { describeName, isPlainObject } from '../json-params.js';
import type { Call, Operation, Unwrap } from '../operation.js';
import type { RequestOptions } from '../options.js';
import { LazyPagePromise, type PageContent, type PageMeta, type PagePromise } from '../pagination.js';

/** The page sizes the API takes (`components/parameters/Limit.yaml`); a test keeps these equal to the spec's. */
export const MIN_LIMIT = 1;
export const MAX_LIMIT = 20;

/**
 * Rejects, before any request, what the API could only refuse or a query string cannot carry: a page size
 * outside 1 to 20 (it will not change without a new API version), an offset that is not a whole number (the
 * next page's offset is counted from it), and a filter that is not a string, number or boolean (openapi-fetch
 * would send an object such as a Date as nothing at all, and the list would come back unfiltered). What each
 * filter's text means is left for the server to judge.
 */
export function assertListFilters(filters: unknown): void {
  if (filters === undefined) return;
  // Plain only: a URLSearchParams or a Map would be sent as no filter at all.
  if (!isPlainObject(filters)) {
    throw new InvalidArgumentError(
      'filters',
      `list() takes an object of filters, such as { status: 'active', limit: 20 }, or nothing; got ${describeName(filters)}.`,
    );
  }
  const { limit, offset } = filters as { limit?: unknown; offset?: unknown };
  if (limit !== undefined && !isWholeNumber(limit, MIN_LIMIT, MAX_LIMIT)) {
    throw new InvalidArgumentError(
      'limit',
      `limit is the page size, a whole number from ${MIN_LIMIT} to ${MAX_LIMIT}; got ${shown(limit)}. Leave it out for pages of ${MAX_LIMIT}; \`for await\` over list() fetches every page.`,
    );
  }
  if (offset !== undefined && !isWholeNumber(offset, 0, Number.MAX_SAFE_INTEGER)) {
    throw new InvalidArgumentError(
      'offset',
      `offset is how many sessions to skip, a whole number from 0; got ${shown(offset)}. Leave it out to start at the newest; nextPage() and \`for await\` move it on.`,
    );
  }
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || ['string', 'number', 'boolean'].includes(typeof value)) continue;
    const hint =
      value instanceof Date && !Number.isNaN(value.getTime())
        ? ` For a time, pass its UTC text, e.g. "${value.toISOString().slice(0, 19).replace('T', ' ')}".`
        : '';
    throw new InvalidArgumentError(
      key,
      `The list filter \`${key}\` is ${describeType(value)}; a filter is a string, a number or a boolean.${hint}`,
    );
  }
}

const isWholeNumber = (value: unknown, min: number, max: number): boolean =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

const shown = (value: unknown): string => (typeof value === 'number' ? String(value) : describeType(value));

/**
 * The page at `offset` read by `unwrap`, unless the server ignored `offset`: it answered another offset than the
 * one asked for with the same items as the page before (as a stateless mock does), and a `for await` would
 * never end. The call then fails with an `InvalidResponseError`. The same items at the offset asked for are a
 * real page: sessions created meanwhile push the older ones down, newest first.
 */
function movedOn<Item, Meta extends PageMeta>(
  unwrap: Unwrap<PageContent<Item, Meta>>,
  previous: readonly Item[],
  offset: number,
): Unwrap<PageContent<Item, Meta>> {
  return {
    missing: `the page at offset ${offset}: it has another \`meta.offset\` and the same ${previous.length} sessions as the page before, so the server ignores \`offset\` and the list stops here instead of asking again forever (a stateless mock does this: start it with \`stateful: true\` to page through sessions)`,
    from: (body) => {
      const content = unwrap.from(body);
      // The items are compared only when the offset was not honoured, so a normal page costs no serialising.
      const ignored =
        content !== undefined &&
        content.meta.offset !== offset &&
        content.data.length > 0 &&
        JSON.stringify(content.data) === JSON.stringify(previous);
      return ignored ? undefined : content;
    },
  };
}

/**
 * A list operation as a resource declares it: the page promise of `path` under `filters`, each page asked for
 * at the offset the pagination reaches and read out of its body by `unwrap`.
 */
export function pagedList<Item, Meta extends PageMeta>(
  call: Call,
  path: Operation['path'],
  filters: { offset?: unknown } | undefined,
  unwrap: Unwrap<PageContent<Item, Meta>>,
  options: RequestOptions | undefined,
): PagePromise<Item, Meta> {
  // A copy: every page is asked for with the filters as they were when list() was called.
  const given = isPlainObject(filters) ? { ...filters } : filters;
  const check = () => assertListFilters(given);
  const load = (offset: number | undefined, previous?: readonly Item[]) => {
    const query = offset === undefined ? given : { ...given, offset };
    const read = previous === undefined || offset === undefined ? unwrap : movedOn(unwrap, previous, offset);
    return call({ method: 'GET', path, query, check, unwrap: read }, options);
  };
  // Checked when the first page is loaded: a bad offset is refused there, with the other filters.
  return new LazyPagePromise(load, typeof given?.offset === 'number' ? given.offset : 0);
}
