import { errorFromResponse } from '../errors.js';
import type { VerifySession, WithApiId } from '../types.js';
import { assertSessionUuid } from '../validation.js';
import type { RequestOptions, ResourceContext } from './context.js';

export interface VerifySessions {
  /**
   * Gets a Verify session (`GET /v1/Account/{auth_id}/Verify/Session/{session_uuid}/`). The answer is flat:
   * the session's fields with the request's `api_id` beside them.
   */
  get(sessionUuid: string, options?: RequestOptions): Promise<WithApiId<VerifySession>>;
}

export function createVerifySessions(context: ResourceContext): VerifySessions {
  return {
    async get(sessionUuid, options) {
      assertSessionUuid(sessionUuid, context.redact);
      const { data, error, response } = await context.raw.GET(
        '/v1/Account/{auth_id}/Verify/Session/{session_uuid}/',
        {
          params: { path: { auth_id: context.authId, session_uuid: sessionUuid } },
          signal: options?.signal,
        },
      );
      if (!response.ok || data === undefined) {
        throw errorFromResponse(
          { method: 'GET', url: context.redact(response.url) },
          response,
          error,
          context.redact,
        );
      }
      return data;
    },
  };
}
