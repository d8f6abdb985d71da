import { describeType, InvalidArgumentError } from '../errors.js';

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
