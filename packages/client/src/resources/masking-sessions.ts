import type { Call } from '../operation.js';
import type { RequestOptions } from '../options.js';
import type { MaskingSession, WithApiId } from '../types.js';

const SESSION = '/v1/Account/{auth_id}/Masking/Session/{session_uuid}';

export interface MaskingSessions {
  /**
   * Gets a number masking session (`GET /v1/Account/{auth_id}/Masking/Session/{session_uuid}`).
   *
   * Returns the session itself, unwrapped from `{ api_id, response }`. The request's `api_id` stays reachable
   * as a non-enumerable `api_id` property, so the object still serializes exactly as the server sent it (a
   * spread copy leaves it out: read it from the returned object).
   */
  get(sessionUuid: string, options?: RequestOptions): Promise<WithApiId<MaskingSession>>;
}

export function createMaskingSessions(call: Call): MaskingSessions {
  return {
    get: (sessionUuid, options) =>
      call({ method: 'GET', path: SESSION, sessionUuid, unwrap: 'response' }, options),
  };
}
