// openapi-fetch's types of what `raw` returns and takes: so that an app's declarations can name them where
// openapi-fetch is not the app's own dependency (pnpm), which otherwise stops tsc with TS2742.
export type {
  ClientMethod,
  FetchOptions,
  FetchResponse,
  Middleware,
  MiddlewareCallbackParams,
} from 'openapi-fetch';
export { createPlivoClient, type PlivoClient } from './client.js';
export {
  AbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InvalidArgumentError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  PlivoApiError,
  type PlivoApiErrorDetails,
  RateLimitError,
  type RequestTarget,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
} from './errors.js';
export type { components, operations, paths } from './generated/schema.js';
export {
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type FetchFunction,
  type HeadersInput,
  type PlivoClientOptions,
  type RequestOptions,
} from './options.js';
export type { Page, PageMeta, PagePromise } from './pagination.js';
export type { PlivoRawClient } from './raw-client.js';
export type { MaskingSessions } from './resources/masking-sessions.js';
export type { VerifySessions } from './resources/verify-sessions.js';
export { RETRYABLE_STATUSES } from './retry.js';
export type {
  ApiId,
  DecimalString,
  MaskingInteraction,
  MaskingSession,
  MaskingSessionCreateParams,
  MaskingSessionCreateResponse,
  MaskingSessionDeleteResponse,
  MaskingSessionListFilters,
  MaskingSessionListItem,
  MaskingSessionListMeta,
  MaskingSessionResponse,
  MaskingSessionStatus,
  MaskingSessionUpdateParams,
  MaskingSessionUpdateResponse,
  PlivoError,
  PlivoTime,
  VerifyAttempt,
  VerifyAttemptCharge,
  VerifyCharges,
  VerifySession,
  VerifySessionCreateParams,
  VerifySessionCreateResponse,
  VerifySessionListFilters,
  VerifySessionListMeta,
  VerifySessionResponse,
  VerifySessionValidateResponse,
  WithApiId,
  WithHiddenApiId,
} from './types.js';
export { VERSION } from './version.js';
