export const PREFER_HEADER = 'the Prefer header';

/** Prism reads its `__code`-style query parameters only when a request has no Prefer header. */
const noPreferHeader = (prefer: string | string[] | undefined) => prefer === undefined || prefer.length === 0;

/** A query key Prism may read as a preference (`__code`, `__example`), however it is percent-encoded. */
const PRISM_QUERY_KEY = /(^|&)(_|%5f)(_|%5f)/i;

/** How messages name where a request's preference came from. */
export function preferenceSource(prefer: string | string[] | undefined, search: string): string {
  return noPreferHeader(prefer) && PRISM_QUERY_KEY.test(search)
    ? 'the Prefer query parameters (`__code`, `__example`, …)'
    : PREFER_HEADER;
}

/**
 * The status and example a request asks Prism for together (`Prefer: code=404, example=gone`; without a Prefer
 * header, Prism's `__code` and `__example` query parameters), read as Prism reads them (parse-prefer-header:
 * keys in any case, quoted values, the first of a repeated key). `undefined` unless it names both. `search`: the
 * request's query, without its `?`.
 */
export function preferredPair(
  prefer: string | string[] | undefined,
  search: string,
): { code: number; example: string } | undefined {
  const { code, example } = preferred(prefer, search);
  return code !== undefined && example ? { code, example } : undefined;
}

/** The status a request asks Prism for (see preferredPair), with or without an example. */
export function preferredCode(prefer: string | string[] | undefined, search: string): number | undefined {
  return preferred(prefer, search).code;
}

function preferred(
  prefer: string | string[] | undefined,
  search: string,
): { code: number | undefined; example: string | undefined } {
  const noHeader = noPreferHeader(prefer);
  // Most requests name no preference: they cost no parsing.
  if (noHeader && !PRISM_QUERY_KEY.test(search)) return { code: undefined, example: undefined };
  const query = noHeader ? new URLSearchParams(search) : undefined;
  const { code, example } =
    query !== undefined
      ? { code: query.get('__code') ?? undefined, example: query.get('__example') ?? undefined }
      : preferences(Array.isArray(prefer) ? prefer.join(',') : (prefer ?? ''));
  // Prism takes a code of exactly three digits.
  return { code: code !== undefined && /^\d{3}$/.test(code) ? Number(code) : undefined, example };
}

/** Splits `text` at `separator` where it is not inside double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * A key as parse-prefer-header names it (lodash camelCase of the lower-cased token), as far as `code` and
 * `example` go: its words, split at anything not a letter or digit (`_code` and `"code"` are `code`).
 */
const keyOf = (token: string) => (token.toLowerCase().match(/[a-z0-9]+/g) ?? []).join(' ');

/**
 * The `code` and `example` of a Prefer header. A `;` parameter is named after its preference's token
 * (`a=1;code=2` is `a code`), or alone under an empty one (`;code=404`), as parse-prefer-header names it.
 */
function preferences(header: string): { code: string | undefined; example: string | undefined } {
  const found: Record<string, string> = {};
  for (const preference of splitOutsideQuotes(header, ',')) {
    let base: string | undefined;
    for (const segment of splitOutsideQuotes(preference, ';')) {
      const at = segment.indexOf('=');
      const token = at < 0 ? segment : segment.slice(0, at);
      const key = keyOf(base === undefined || base === '' ? token : `${base}-${token}`);
      if (base === undefined) base = token.trim().toLowerCase();
      if (at < 0 || key in found) continue;
      let value = segment.slice(at + 1).trim();
      if (value.length > 1 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      found[key] = value;
    }
  }
  return { code: found.code, example: found.example };
}
