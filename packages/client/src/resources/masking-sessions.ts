import { bodySnippet, errorFromResponse, InvalidResponseError, redactHeaders } from '../errors.js';
import { parseJsonObject } from '../json-body.js';
import type { MaskingSession, MaskingSessionResponse, WithApiId } from '../types.js';
import { assertSessionUuid } from '../validation.js';
import type { RequestOptions, ResourceContext } from './context.js';

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

export function createMaskingSessions({ raw, authId, redact }: ResourceContext): MaskingSessions {
  return {
    async get(sessionUuid, options) {
      assertSessionUuid(sessionUuid, redact);
      const { data, error, response } = await raw.GET(
        '/v1/Account/{auth_id}/Masking/Session/{session_uuid}',
        {
          params: { path: { auth_id: authId, session_uuid: sessionUuid } },
          signal: options?.signal,
          // Parsed here, once (see json-body.ts), rather than by openapi-fetch and again by a check.
          parseAs: 'text',
        },
      );
      const target = { method: 'GET', url: redact(response.url) };
      if (!response.ok) throw errorFromResponse(target, response, error, redact);
      const body = parseJsonObject(data ?? '', target, response, redact) as Partial<MaskingSessionResponse>;
      const session: unknown = body.response;
      if (typeof session !== 'object' || session === null || Array.isArray(session)) {
        throw new InvalidResponseError(
          `GET ${target.url} answered ${response.status} without the session object in \`response\``,
          {
            ...target,
            status: response.status,
            apiId: typeof body.api_id === 'string' ? body.api_id : undefined,
            headers: redactHeaders(response.headers, redact),
            bodySnippet: bodySnippet(data ?? '', redact),
          },
        );
      }
      // Non-enumerable, like openai-node's `_request_id`: reachable, but not part of the session's data.
      return Object.defineProperty(session, 'api_id', {
        value: body.api_id,
        enumerable: false,
      }) as WithApiId<MaskingSession>;
    },
  };
}
