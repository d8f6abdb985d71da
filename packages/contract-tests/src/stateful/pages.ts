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

/**
 * Cuts `items` as `limit`/`offset` say. The links keep every query parameter of the request (filters
 * included, so following `next` lists the same set) and replace `limit` and `offset`, as Tastypie does:
 * `/v1/Account/MA.../Verify/Session/?limit=20&offset=20`.
 */
export function paginate<T>(items: T[], query: URLSearchParams, resourcePath: string): Page<T> {
  const limit = Number(query.get('limit') ?? DEFAULT_LIMIT);
  const offset = Number(query.get('offset') ?? 0);
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
