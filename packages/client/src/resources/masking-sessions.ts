import { isJsonObject } from '../json-body.js';
import type { Call, Unwrap } from '../operation.js';
import type { RequestOptions } from '../options.js';
import type { PageContent, PagePromise } from '../pagination.js';
import type {
  MaskingSession,
  MaskingSessionCreateParams,
  MaskingSessionCreateResponse,
  MaskingSessionDeleteResponse,
  MaskingSessionListFilters,
  MaskingSessionListItem,
  MaskingSessionListMeta,
  MaskingSessionUpdateParams,
  MaskingSessionUpdateResponse,
  WithHiddenApiId,
} from '../types.js';
import { pagedList } from './list.js';

const SESSIONS = '/v1/Account/{auth_id}/Masking/Session/';
const SESSION = '/v1/Account/{auth_id}/Masking/Session/{session_uuid}';

export interface MaskingSessions {
  /**
   * Creates a number masking session (`POST /v1/Account/{auth_id}/Masking/Session/`) and returns Plivo's answer
   * as sent: `{ api_id, session_uuid, virtual_number, message, session }`. Sent once: never repeated after a
   * timeout or a 5xx (see "Retries" in the README).
   * @param params The session's settings, with their wire names (`first_party`, `second_party`, …).
   * @param options Per-call `signal`, `timeoutMs`, `maxRetries` and `headers`.
   * @throws {BadRequestError} when Plivo refuses the parameters (400), or another `PlivoApiError`.
   * @example
   * const { session_uuid, virtual_number } = await plivo.maskingSessions.create({
   *   first_party: '+14155550100',
   *   second_party: '+14155550101',
   *   session_expiry: 600,
   * });
   */
  create(params: MaskingSessionCreateParams, options?: RequestOptions): Promise<MaskingSessionCreateResponse>;
  /**
   * Gets a number masking session (`GET /v1/Account/{auth_id}/Masking/Session/{session_uuid}`).
   *
   * Returns the session itself, unwrapped from `{ api_id, response }`. The request's `api_id` stays reachable
   * as a non-enumerable `api_id` property, so the object still serializes exactly as the server sent it (a
   * spread copy leaves it out: read it from the returned object).
   * @param sessionUuid The session's 36-character UUID (`session_uuid`), checked before anything is sent.
   * @param options Per-call `signal`, `timeoutMs`, `maxRetries` and `headers`.
   * @throws {NotFoundError} when there is no such session (404), or another `PlivoApiError`.
   * @example
   * const session = await plivo.maskingSessions.get('4124e518-a8c9-4feb-8cff-d86636ba9234');
   * console.log(session.status, session.virtual_number, session.api_id);
   */
  get(sessionUuid: string, options?: RequestOptions): Promise<WithHiddenApiId<MaskingSession>>;
  /**
   * Lists masking sessions (`GET /v1/Account/{auth_id}/Masking/Session/`), newest first. Await it for the first
   * page (`data`, `meta`, `hasNextPage()`, `nextPage()`), or `for await` over it for every session of every
   * page, each page fetched when the loop reaches it.
   * @param filters Query filters with their wire names (`status`, `created_time__gte`, `limit`, `offset`, …).
   * @param options Per-call `signal`, `timeoutMs`, `maxRetries` and `headers`.
   * @example
   * for await (const session of plivo.maskingSessions.list({ status: 'active' })) console.log(session.session_uuid);
   */
  list(
    filters?: MaskingSessionListFilters,
    options?: RequestOptions,
  ): PagePromise<MaskingSessionListItem, MaskingSessionListMeta>;
  /**
   * Updates a masking session (`POST /v1/Account/{auth_id}/Masking/Session/{session_uuid}`) and returns
   * `{ api_id, message, session }` with the session as it is now. Sent once (see "Retries" in the README).
   * @param sessionUuid The session's 36-character UUID (`session_uuid`), checked before anything is sent.
   * @param params The settings to change, with their wire names; the others stay as they are.
   * @param options Per-call `signal`, `timeoutMs`, `maxRetries` and `headers`.
   * @example
   * const { session } = await plivo.maskingSessions.update(sessionUuid, { session_expiry: 1200 });
   */
  update(
    sessionUuid: string,
    params: MaskingSessionUpdateParams,
    options?: RequestOptions,
  ): Promise<MaskingSessionUpdateResponse>;
  /**
   * Ends a masking session (`DELETE /v1/Account/{auth_id}/Masking/Session/{session_uuid}`): it is marked
   * `expired`, not erased. Returns `{ api_id, message }`. Sent once (see "Retries" in the README).
   * @param sessionUuid The session's 36-character UUID (`session_uuid`), checked before anything is sent.
   * @param options Per-call `signal`, `timeoutMs`, `maxRetries` and `headers`.
   * @example
   * await plivo.maskingSessions.delete(sessionUuid);
   */
  delete(sessionUuid: string, options?: RequestOptions): Promise<MaskingSessionDeleteResponse>;
}

const sessionInResponse: Unwrap<WithHiddenApiId<MaskingSession>> = {
  missing: 'the session object in `response`',
  from: (body) =>
    isJsonObject(body.response)
      ? // Non-enumerable, like openai-node's `_request_id`: reachable, but not part of the session's data.
        Object.defineProperty(body.response as unknown as WithHiddenApiId<MaskingSession>, 'api_id', {
          value: body.api_id,
          enumerable: false,
        })
      : undefined,
};

type Page = PageContent<MaskingSessionListItem, MaskingSessionListMeta>;

const pageInResponse: Unwrap<Page> = {
  missing: 'a page in `response` (`meta` and an `objects` array)',
  from: ({ api_id, response }) =>
    isJsonObject(response) && isJsonObject(response.meta) && Array.isArray(response.objects)
      ? ({ data: response.objects, meta: response.meta, api_id } as Page)
      : undefined,
};

export function createMaskingSessions(call: Call): MaskingSessions {
  return {
    create: (params, options) => call({ method: 'POST', path: SESSIONS, body: params }, options),
    get: (sessionUuid, options) =>
      call({ method: 'GET', path: SESSION, sessionUuid, unwrap: sessionInResponse }, options),
    list: (filters, options) => pagedList(call, SESSIONS, filters, pageInResponse, options),
    update: (sessionUuid, params, options) =>
      call({ method: 'POST', path: SESSION, sessionUuid, body: params }, options),
    delete: (sessionUuid, options) => call({ method: 'DELETE', path: SESSION, sessionUuid }, options),
  };
}
