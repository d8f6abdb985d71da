import { example } from './spec.js';

/**
 * Realistic bodies for the two GETs: the spec's own named examples (openapi/dist/openapi.json), each shaped
 * after a real response. The first of each list is the session of MASKING_UUID / VERIFY_UUID.
 */
export const MASKING_EXAMPLES = [
  'MaskingSessionReferencePage',
  'MaskingSessionPinDisabled',
  'MaskingSessionPinFieldsAbsent',
  'MaskingSessionWithInteraction',
].map((name) => ({ name, body: example(name) as { api_id: string; response: Record<string, unknown> } }));

export const VERIFY_EXAMPLES = [
  'VerifySessionNoAttempts',
  'VerifySessionReferencePage',
  'VerifySessionSingleAttempt',
  'VerifySessionVerified',
].map((name) => ({
  name,
  body: example(name) as { api_id: string; session_uuid: string } & Record<string, unknown>,
}));
