/** One page of a list, with the links Plivo's lists give (Django Tastypie's paginator: Plivo's list `meta`). */
export interface Page<T> {
  items: T[];
  limit: number;
  offset: number;
  totalCount: number;
  /** Relative URL of the next page, or null when this page reaches the end. */
  next: string | null;
  /** Relative URL of the previous page, or null when `offset - limit` would be negative. */
  previous: string | null;
}

export const DEFAULT_LIMIT = 20;

// Prism lets `limit=` through (an empty value is no value to it); it means the default, as an absent one.
const given = (query: URLSearchParams, name: string): string | undefined => query.get(name) || undefined;

/**
 * Cuts `items` as `limit`/`offset` say. The links keep every query parameter of the request (filters
 * included, so following `next` lists the same set) and replace `limit` and `offset`, as Tastypie does:
 * `/v1/Account/MA.../Verify/Session/?limit=20&offset=20`.
 */
export function paginate<T>(items: T[], query: URLSearchParams, resourcePath: string): Page<T> {
  const limit = Number(given(query, 'limit') ?? DEFAULT_LIMIT);
  const offset = Number(given(query, 'offset') ?? 0);
  const link = (at: number) => {
    const params = new URLSearchParams(query);
    params.set('limit', String(limit));
    params.set('offset', String(at));
    return `${resourcePath}?${params}`;
  };
  return {
    items: items.slice(offset, offset + limit),
    limit,
    offset,
    totalCount: items.length,
    next: offset + limit >= items.length ? null : link(offset + limit),
    previous: offset - limit < 0 ? null : link(offset - limit),
  };
}
