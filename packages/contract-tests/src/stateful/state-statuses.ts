import type { OperationSummary } from '../list-operations.js';
import { lists } from '../spec-error-answer.js';

/** Each operation the state answers, with every status it answers it with (engine.ts, the sessions' classes). */
export const STATE_STATUSES: Readonly<Record<string, readonly string[]>> = {
  createMaskingSession: ['201', '400'],
  getMaskingSession: ['200', '404'],
  updateMaskingSession: ['200', '400', '404'],
  deleteMaskingSession: ['200', '400', '404'],
  listMaskingSessions: ['200', '400'],
  createVerifySession: ['202', '400'],
  getVerifySession: ['200', '404'],
  listVerifySessions: ['200', '400'],
  validateVerifySession: ['200', '400', '404'],
};

/**
 * Why the state cannot answer a spec's operations (one it does not know, which would get the spec's examples
 * in its stead, or a status the spec does not list for it: a success as itself or its range, an error also as
 * `default`), or undefined. A spec may leave operations out: Prism answers their paths 404.
 */
export function stateMisfit(operations: readonly OperationSummary[]): string | undefined {
  for (const { method, path, operationId, statuses = [] } of operations) {
    // A CORS preflight's operation is answered by Prism, as without one.
    if (method === 'OPTIONS') continue;
    const answered = operationId === undefined ? undefined : STATE_STATUSES[operationId];
    const named = `${method} ${path}${operationId === undefined ? '' : ` (${operationId})`}`;
    if (answered === undefined) {
      return `has ${named}, which the state does not keep: its successes would be the spec's examples, not the state's. The state keeps ${Object.keys(STATE_STATUSES).join(', ')}`;
    }
    // A success must be listed as itself or its range (`default` describes errors: Prism answers the lowest 2xx);
    // an error as itself, its range or `default`.
    const unlisted = answered.filter((status) =>
      Number(status) < 400
        ? !statuses.includes(status) && !statuses.includes(`${status[0]}XX`)
        : !lists(statuses, Number(status)),
    );
    if (unlisted.length > 0) {
      return `lists ${statuses.join(', ') || 'no status'} for ${named}, and the state answers it ${answered.join(', ')}: ${unlisted.join(', ')} would be answered against the spec`;
    }
  }
  return undefined;
}
