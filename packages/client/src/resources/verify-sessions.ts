import { describeType, InvalidArgumentError } from '../errors.js';
import { isJsonObject } from '../json-body.js';
import type { Call, Unwrap } from '../operation.js';
import type { RequestOptions } from '../options.js';
import type { PageContent, PagePromise } from '../pagination.js';
import type {
  VerifySession,
  VerifySessionCreateParams,
  VerifySessionCreateResponse,
  VerifySessionListFilters,
  VerifySessionListMeta,
  VerifySessionValidateResponse,
  WithApiId,
} from '../types.js';
import { pagedList } from './list.js';

const SESSIONS = '/v1/Account/{auth_id}/Verify/Session/';
const SESSION = '/v1/Account/{auth_id}/Verify/Session/{session_uuid}/';

export interface VerifySessions {
  /**
   * Sends a one-time password to `params.recipient` (`POST /v1/Account/{auth_id}/Verify/Session/`) and returns
   * `{ api_id, message, session_uuid }`. Sent once: never repeated after a timeout or a 5xx, so a user never
   * gets two codes from one call (see "Retries" in the README).
   * @param params `recipient` and the session's other settings, with their wire names.
   * @param options Per-call `signal`, `timeoutMs`, `maxRetries` and `headers`.
   * @throws {BadRequestError} when Plivo refuses the parameters (400), or another `PlivoApiError`.
   * @example
   * const { session_uuid } = await plivo.verifySessions.create({ recipient: '+14155550100', channel: 'sms' });
   */
  create(params: VerifySessionCreateParams, options?: RequestOptions): Promise<VerifySessionCreateResponse>;
  /**
   * Gets a Verify session (`GET /v1/Account/{auth_id}/Verify/Session/{session_uuid}/`). The answer is flat:
   * the session's fields with the request's `api_id` beside them.
   * @param sessionUuid The session's 36-character UUID (`session_uuid`), checked before anything is sent.
   * @param options Per-call `signal`, `timeoutMs`, `maxRetries` and `headers`.
   * @throws {NotFoundError} when there is no such session (404), or another `PlivoApiError`.
   * @example
   * const session = await plivo.verifySessions.get('4124e518-a8c9-4feb-8cff-d86636ba9234');
   * console.log(session.status, session.charges.total_charge);
   */
  get(sessionUuid: string, options?: RequestOptions): Promise<WithApiId<VerifySession>>;
  /**
   * Lists Verify sessions (`GET /v1/Account/{auth_id}/Verify/Session/`), newest first as Plivo's SDK fixtures
   * show (the order is not documented); without a `session_time` filter, the last 24 hours. Await it for the
   * first page, or `for await` over it for every session of every page. Plivo allows 20 list requests a minute.
   * @param filters Query filters with their wire names (`status`, `recipient`, `session_time__gte`, `limit`, …).
   * @param options Per-call `signal`, `timeoutMs`, `maxRetries` and `headers`.
   * @example
   * for await (const session of plivo.verifySessions.list({ status: 'verified' })) console.log(session.recipient);
   */
  list(
    filters?: VerifySessionListFilters,
    options?: RequestOptions,
  ): PagePromise<VerifySession, VerifySessionListMeta>;
  /**
   * Checks the code the recipient typed (`POST /v1/Account/{auth_id}/Verify/Session/{session_uuid}/`). Resolves
   * with `{ api_id, message, session_uuid? }` when it is right; a wrong code rejects with `BadRequestError`.
   * Plivo allows 10 validations per session.
   * @param sessionUuid The session's 36-character UUID (`session_uuid`), checked before anything is sent.
   * @param otp The code as the recipient typed it, a string (a number would lose its leading zeros).
   * @param options Per-call `signal`, `timeoutMs`, `maxRetries` and `headers`.
   * @throws {BadRequestError} when the code is wrong or the session has expired (400), or another `PlivoApiError`.
   * @example
   * await plivo.verifySessions.validate(sessionUuid, '012345');
   */
  validate(
    sessionUuid: string,
    otp: string,
    options?: RequestOptions,
  ): Promise<VerifySessionValidateResponse>;
}

type Page = PageContent<VerifySession, VerifySessionListMeta>;

const flatPage: Unwrap<Page> = {
  missing: '`meta` and a `sessions` array',
  // `sessions: null` is an empty page (Plivo's Node SDK handles it, as the API writes other empty lists so).
  from: ({ api_id, meta, sessions }) =>
    isJsonObject(meta) && (Array.isArray(sessions) || sessions === null)
      ? ({ data: sessions ?? [], meta, api_id } as Page)
      : undefined,
};

/** JSON would drop an `undefined` code, and a number loses its leading zeros: both are refused here. */
function assertOtp(otp: unknown): void {
  if (typeof otp === 'string' && otp !== '') return;
  const got =
    typeof otp === 'number'
      ? `the number ${otp}`
      : typeof otp === 'string'
        ? 'an empty string'
        : describeType(otp);
  throw new InvalidArgumentError(
    'otp',
    `otp is the code the recipient received, as a non-empty string such as "012345" (a number would lose its leading zeros); got ${got}.`,
  );
}

export function createVerifySessions(call: Call): VerifySessions {
  return {
    create: (params, options) => call({ method: 'POST', path: SESSIONS, body: params }, options),
    get: (sessionUuid, options) => call({ method: 'GET', path: SESSION, sessionUuid }, options),
    list: (filters, options) => pagedList(call, SESSIONS, filters, flatPage, options),
    validate: async (sessionUuid, otp, options) => {
      assertOtp(otp);
      return call({ method: 'POST', path: SESSION, sessionUuid, body: { otp } }, options);
    },
  };
}
