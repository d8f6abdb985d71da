import type { GroupedParams } from './signing-params.js';
import type { SigningUrl } from './signing-url.js';

/**
 * The texts Plivo's signatures are HMACs of. V3 follows Plivo's Node SDK (`lib/utils/v3Security.js`,
 * plivo@4.79.0) wherever Plivo's SDKs disagree: the port stays in the base URL; for GET, a key in both the URL's
 * query and `params` keeps the values of both; keys and values sort by UTF-16 code unit (JavaScript's default
 * sort, upper case before lower case); a POST without query or parameters signs the bare base URL. Except
 * where that SDK's URL parser misreads an `@` in a path or query as the end of a user name (it then signs no
 * path or query at all): there the URL is split as RFC 3986 says, as Plivo's Python and Go SDKs do.
 */

/** Sorted keys, each key's values sorted, in one list of [key, value]. */
function sortedPairs(grouped: GroupedParams): Array<[string, string]> {
  return [...grouped.keys()]
    .sort()
    .flatMap((key) => [...(grouped.get(key) ?? [])].sort().map((value): [string, string] => [key, value]));
}

function group(
  pairs: ReadonlyArray<readonly [string, string]>,
  into: GroupedParams = new Map(),
): GroupedParams {
  for (const [key, value] of pairs) {
    const values = into.get(key);
    if (values === undefined) into.set(key, [value]);
    else values.push(value);
  }
  return into;
}

function queryText(grouped: GroupedParams): string {
  return sortedPairs(grouped)
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

/**
 * V3: GET signs `base?k=v&...` over the URL's query and `params` together; POST signs `base?` + the URL's sorted
 * query, then `.` when both exist, then every parameter as `keyvalue` with no separator. Then `.` + nonce.
 */
export function signedTextV3(
  method: 'GET' | 'POST',
  url: SigningUrl,
  params: GroupedParams,
  nonce: string,
): string {
  if (method === 'GET') {
    const merged = group(url.query);
    for (const [key, values] of params) merged.set(key, [...(merged.get(key) ?? []), ...values]);
    const query = queryText(merged);
    return `${query === '' ? url.base : `${url.base}?${query}`}.${nonce}`;
  }
  const query = queryText(group(url.query));
  const hasParams = params.size > 0;
  let text = url.base;
  if (query !== '' || hasParams) text += `?${query}`;
  if (query !== '' && hasParams) text += '.';
  text += sortedPairs(params)
    .map(([key, value]) => `${key}${value}`)
    .join('');
  return `${text}.${nonce}`;
}

/** V2 (Verify's documented form): base URL without the query, then the nonce with no separator. */
export function signedTextV2(url: SigningUrl, nonce: string): string {
  return `${url.base}${nonce}`;
}
