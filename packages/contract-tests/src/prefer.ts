/**
 * The status and example a request asks Prism for together (`Prefer: code=404, example=gone`; without a Prefer
 * header, Prism's `__code` and `__example` query parameters), read as Prism reads them (parse-prefer-header:
 * keys in any case, quoted values, the first of a repeated key). `undefined` unless it names both.
 */
export function preferredPair(
  prefer: string | string[] | undefined,
  query: URLSearchParams,
): { code: number; example: string } | undefined {
  const values =
    prefer === undefined || prefer.length === 0
      ? { code: query.get('__code') ?? undefined, example: query.get('__example') ?? undefined }
      : preferences(Array.isArray(prefer) ? prefer.join(',') : prefer);
  const { code, example } = values;
  // Prism takes a code of exactly three digits.
  return code !== undefined && /^\d{3}$/.test(code) && example ? { code: Number(code), example } : undefined;
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

/** The `code` and `example` of a Prefer header: each preference's own token (not its `;` parameters). */
function preferences(header: string): { code: string | undefined; example: string | undefined } {
  const found: Record<string, string> = {};
  for (const preference of splitOutsideQuotes(header, ',')) {
    const [token = ''] = splitOutsideQuotes(preference, ';');
    const at = token.indexOf('=');
    if (at < 0) continue;
    const key = token.slice(0, at).trim().toLowerCase();
    let value = token.slice(at + 1).trim();
    if (value.length > 1 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (!(key in found)) found[key] = value;
  }
  return { code: found.code, example: found.example };
}
