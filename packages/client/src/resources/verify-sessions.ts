import { errorFromResponse } from '../errors.js';
import { parseJsonObject } from '../json-body.js';
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

export function createVerifySessions({ raw, authId, redact }: ResourceContext): VerifySessions {
  return {
    async get(sessionUuid, options) {
      assertSessionUuid(sessionUuid, redact);
      const { data, error, response } = await raw.GET(
        '/v1/Account/{auth_id}/Verify/Session/{session_uuid}/',
        {
          params: { path: { auth_id: authId, session_uuid: sessionUuid } },
          signal: options?.signal,
          // Parsed here, once (see json-body.ts), rather than by openapi-fetch and again by a check.
          parseAs: 'text',
        },
      );
      const target = { method: 'GET', url: redact(response.url) };
      if (!response.ok) throw errorFromResponse(target, response, error, redact);
      return parseJsonObject(data ?? '', target, response, redact) as WithApiId<VerifySession>;
    },
  };
}
