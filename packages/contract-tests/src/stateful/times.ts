// The last instant with a four-digit year: both time forms of the spec (PlivoTime's pattern, RFC 3339) allow no
// more, and a later Date's ISO text (`+275760-09-13T...`) would break them.
const LATEST_WRITABLE_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * A time as a Date, held at the latest one the spec's forms can write: the spec bounds no lifetime, so a valid
 * `session_expiry` of 2^53 - 1 seconds must still produce a time rather than a RangeError.
 */
const toDate = (ms: number) => new Date(Math.min(ms, LATEST_WRITABLE_MS));

/** Number Masking's time format, Go's default time text: `2024-02-01 06:28:15 +0000 UTC`. */
export function maskingTime(ms: number): string {
  const iso = toDate(ms).toISOString(); // 2024-02-01T06:28:15.123Z
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}

/** Verify's time format: RFC 3339 with microseconds, as the API writes it (`2023-06-01T08:52:39.363000Z`). */
export function verifyTime(ms: number): string {
  return toDate(ms).toISOString().replace(/Z$/, '000Z');
}

// The list filters' documented form: `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, UTC.
const FILTER_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/;

/**
 * A list filter's time as the span of milliseconds it names: `2024-02-01 06:28` is the whole minute, with
 * seconds the whole second. Equality filters match inside the span; `__gt` means after its end. Undefined for
 * text that is not the documented form.
 */
export function parseFilterTime(text: string): { start: number; end: number } | undefined {
  const match = FILTER_TIME.exec(text.trim());
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second, fraction] = match;
  const fields = [year, month, day, hour, minute, second ?? '0'].map(Number) as [number, ...number[]];
  const [y, mo = 1, d = 1, h = 0, mi = 0, s = 0] = fields;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls 2026-13-01 over into 2027; a date that does not exist is not a filter.
  const exists =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    s < 60;
  if (!exists) return undefined;
  const start = date.getTime() + (fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000));
  const span = second === undefined ? 60_000 : fraction === undefined ? 1000 : 1;
  return { start, end: start + span };
}
