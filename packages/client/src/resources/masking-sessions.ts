import { bodySnippet, errorFromResponse, InvalidResponseError, redactHeaders } from '../errors.js';
import type { MaskingSession, WithApiId } from '../types.js';
import { assertSessionUuid } from '../validation.js';
import type { RequestOptions, ResourceContext } from './context.js';

export interface MaskingSessions {
  /**
   * Gets a number masking session (`GET /v1/Account/{auth_id}/Masking/Session/{session_uuid}`).
   *
   * Returns the session itself, unwrapped from `{ api_id, response }`. The request's `api_id` stays reachable
   * as a non-enumerable `api_id` property, so the object still serializes exactly as the server sent it.
   */
  get(sessionUuid: string, options?: RequestOptions): Promise<WithApiId<MaskingSession>>;
}

export function createMaskingSessions(context: ResourceContext): MaskingSessions {
  return {
    async get(sessionUuid, options) {
      assertSessionUuid(sessionUuid, context.redact);
      const { data, error, response } = await context.raw.GET(
        '/v1/Account/{auth_id}/Masking/Session/{session_uuid}',
        {
          params: { path: { auth_id: context.authId, session_uuid: sessionUuid } },
          signal: options?.signal,
        },
      );
      const target = { method: 'GET', url: context.redact(response.url) };
      if (!response.ok || data === undefined)
        throw errorFromResponse(target, response, error, context.redact);
      const session: unknown = data.response;
      if (typeof session !== 'object' || session === null || Array.isArray(session)) {
        throw new InvalidResponseError(
          `GET ${target.url} answered ${response.status} without the session object in \`response\``,
          {
            ...target,
            status: response.status,
            apiId: data.api_id,
            headers: redactHeaders(response.headers, context.redact),
            bodySnippet: bodySnippet(JSON.stringify(data), context.redact),
          },
        );
      }
      return Object.defineProperty(data.response, 'api_id', {
        value: data.api_id,
        enumerable: false,
      }) as WithApiId<MaskingSession>;
    },
  };
}
