/**
 * `@plivo-openapi/client/callbacks`: everything a callback receiver needs, and nothing of the API client.
 * Signature checks (V3 and Verify's V2) and typed parsers for the masking and Verify callbacks; Web Crypto only,
 * so it runs on Node 20+, Deno, Bun, edge runtimes and in browsers.
 */
export {
  CallbackConfigurationError,
  CallbackPayloadError,
  type CallbackSignatureArgument,
  CallbackSignatureError,
} from './errors.js';
export { CALLBACK_SIGNATURE_HEADERS, type CallbackSignatureVersion } from './headers.js';
export {
  type KnownMaskingRecordingEventName,
  type KnownMaskingSessionEventName,
  MASKING_RECORDING_EVENT_NAMES,
  MASKING_SESSION_EVENT_NAMES,
  type MaskingRecordingEvent,
  type MaskingRecordingEventName,
  type MaskingSessionEvent,
  type MaskingSessionEventName,
  type PinAuthenticationStatus,
  parseMaskingRecordingEvent,
  parseMaskingSessionEvent,
} from './masking-events.js';
export type { CallbackPayloadInput } from './payload.js';
export {
  type CallbackSignatureCheck,
  checkCallbackSignature,
  computeSignatureV2,
  computeSignatureV3,
  type HeaderValue,
  type SignatureV2Input,
  type SignatureV3Input,
  type VerifyCallbackSignatureInput,
  type VerifyCallbackSignatureV2Input,
  type VerifyCallbackSignatureV3Input,
  verifyCallbackSignature,
} from './signature.js';
export type { CallbackParams } from './signing-params.js';
export {
  type KnownVerifySessionStatus,
  parseVerifySessionEvent,
  VERIFY_CHANNEL_STATUSES,
  VERIFY_SESSION_STATUSES,
  type VerifyChannelStatus,
  type VerifySessionEvent,
  type VerifySessionStatus,
} from './verify-events.js';
