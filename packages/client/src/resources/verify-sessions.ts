import type { Call } from '../operation.js';
import type { RequestOptions } from '../options.js';
import type { VerifySession, WithApiId } from '../types.js';

const SESSION = '/v1/Account/{auth_id}/Verify/Session/{session_uuid}/';

export interface VerifySessions {
  /**
   * Gets a Verify session (`GET /v1/Account/{auth_id}/Verify/Session/{session_uuid}/`). The answer is flat:
   * the session's fields with the request's `api_id` beside them.
   */
  get(sessionUuid: string, options?: RequestOptions): Promise<WithApiId<VerifySession>>;
}

export function createVerifySessions(call: Call): VerifySessions {
  return {
    get: (sessionUuid, options) => call({ method: 'GET', path: SESSION, sessionUuid }, options),
  };
}
