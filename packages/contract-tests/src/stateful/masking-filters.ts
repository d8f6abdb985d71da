import type { StoredMaskingSession } from './masking-sessions.js';
import { hasFilter, matchesNumberFilters, matchesTimeFilters } from './range-filters.js';

// D-MS/D-ML: without a time filter the list covers the last 7 days.
const DEFAULT_WINDOW_MS = 7 * 24 * 3600 * 1000;
const EXACT = ['first_party', 'second_party', 'virtual_number', 'subaccount'] as const;

/**
 * Why the list's `status` is no value of the spec's enum, for a 400: Prism lets an empty one through, which would
 * otherwise match no session, a success for a request the spec forbids. Prism refuses every other value not listed.
 */
export function statusProblem(query: URLSearchParams): string | undefined {
  return query.get('status') === ''
    ? "Invalid status '' provided: give one of active, in-progress, expired, all"
    : undefined;
}

/** Whether a masking session passes the list's query filters (D-MS, D-ML). */
export function matchesMaskingFilters(
  stored: Pick<StoredMaskingSession, 'session' | 'created' | 'expires'>,
  query: URLSearchParams,
  now: number,
): boolean {
  const { session } = stored;
  for (const field of EXACT) {
    const wanted = query.get(field);
    if (wanted !== null && wanted.replace(/^\+/, '') !== String(session[field] ?? '')) return false;
  }
  const status = query.get('status') ?? 'all';
  if (status !== 'all' && status !== session.status) return false;
  if (!hasFilter(query, 'created_time') && !hasFilter(query, 'expiry_time')) {
    if (stored.created < now - DEFAULT_WINDOW_MS) return false;
  }
  return (
    matchesTimeFilters(query, 'created_time', stored.created) &&
    matchesTimeFilters(query, 'expiry_time', stored.expires) &&
    matchesNumberFilters(query, 'duration', session.duration)
  );
}
