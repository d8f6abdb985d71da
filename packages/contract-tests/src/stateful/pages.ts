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

/** Where a page starts and how long it is, as read from the request. */
export interface Paging {
  limit: number;
  offset: number;
}

export const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 20;

/**
 * `limit` and `offset` of a list request, or the reason they make no page (for a 400). Prism lets through
 * spellings its integer check coerces (`1e400`, `0x10`, `1e21`), which would make `offset` null or `Infinity`
 * in the answer and its links; only decimal digits are taken here, as Tastypie's `int()` takes them, and only
 * up to the largest whole number a JSON reader keeps exactly. An empty value means the default, as an absent one
 * (Prism lets `limit=` through too).
 */
export function readPaging(query: URLSearchParams): Paging | string {
  const limit = orDefault(query.get('limit'), DEFAULT_LIMIT);
  if (limit === undefined || limit < 1 || limit > MAX_LIMIT)
    return invalid('limit', query, `from 1 to ${MAX_LIMIT}`);
  const offset = orDefault(query.get('offset'), 0);
  if (offset === undefined || offset < 0)
    return invalid('offset', query, `from 0 to ${Number.MAX_SAFE_INTEGER}`);
  return { limit, offset };
}

/** `wholeNumber(value)`, `fallback` when absent or empty. */
const orDefault = (value: string | null, fallback: number): number | undefined =>
  value === null || value.trim() === '' ? fallback : wholeNumber(value);

/** A base-10 whole number (sign and surrounding blanks allowed) that JSON keeps exactly, or undefined. */
export function wholeNumber(value: string): number | undefined {
  const text = value.trim();
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const number = Number(text) + 0; // + 0 turns -0 into 0
  return Number.isSafeInteger(number) ? number : undefined;
}

const invalid = (name: string, query: URLSearchParams, range: string) =>
  `Invalid ${name} '${query.get(name)}' provided: give a whole number ${range}`;

/**
 * Cuts `items` as `paging` says. The links keep every query parameter of the request (filters included, so
 * following `next` lists the same set) and replace `limit` and `offset`, as Tastypie does:
 * `/v1/Account/MA.../Verify/Session/?limit=20&offset=20`.
 */
export function paginate<T>(
  items: T[],
  { limit, offset }: Paging,
  query: URLSearchParams,
  resourcePath: string,
): Page<T> {
  const link = (at: number) => {
    const params = new URLSearchParams(query);
    // `LIMIT` goes: the state reads only `limit`, and a link naming both would be refused as one key twice.
    for (const key of [...params.keys()]) {
      if (key !== 'limit' && key !== 'offset' && /^(limit|offset)$/i.test(key)) params.delete(key);
    }
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
