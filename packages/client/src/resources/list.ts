import { describeType, InvalidArgumentError } from '../errors.js';
import type { Call, Operation, Unwrap } from '../operation.js';
import type { RequestOptions } from '../options.js';
import { type PageContent, type PageMeta, PagePromise } from '../pagination.js';

/** The page sizes the API takes (`components/parameters/Limit.yaml`); a test keeps these equal to the spec's. */
export const MIN_LIMIT = 1;
export const MAX_LIMIT = 20;

/**
 * Rejects a `limit` the API could only refuse, before any request: a page size is 1 to 20 and will not change
 * without a new API version. Every other filter is left for the server to judge.
 */
export function assertLimit(filters: { limit?: unknown } | undefined): void {
  const limit = filters?.limit;
  if (
    limit === undefined ||
    (Number.isInteger(limit) && (limit as number) >= MIN_LIMIT && (limit as number) <= MAX_LIMIT)
  ) {
    return;
  }
  const got = typeof limit === 'number' ? limit : describeType(limit);
  throw new InvalidArgumentError(
    'limit',
    `limit is the page size, a whole number from ${MIN_LIMIT} to ${MAX_LIMIT}; got ${got}. Leave it out for pages of ${MAX_LIMIT}; \`for await\` over list() fetches every page.`,
  );
}

/**
 * A list operation as a resource declares it: the page promise of `path` under `filters`, each page asked for
 * at the offset the pagination reaches and read out of its body by `unwrap`.
 */
export function pagedList<Item, Meta extends PageMeta>(
  call: Call,
  path: Operation['path'],
  filters: { limit?: unknown } | undefined,
  unwrap: Unwrap<PageContent<Item, Meta>>,
  options: RequestOptions | undefined,
): PagePromise<Item, Meta> {
  return new PagePromise((offset) => {
    assertLimit(filters);
    const query = offset === undefined ? filters : { ...filters, offset };
    return call({ method: 'GET', path, query, unwrap }, options);
  });
}
