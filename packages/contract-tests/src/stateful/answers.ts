import { newApiId } from './ids.js';

/** What the state engine answers to one request: a status and a JSON body of the spec for it. */
export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

export const ok = (status: number, body: Record<string, unknown>): Answer => ({
  status,
  body: { api_id: newApiId(), ...body },
});

/**
 * Plivo's error body, `{api_id, error}`. A refusal of a rule the spec states with no example of its own (a list's
 * `offset` that makes no page, a masking create without a party) has our wording: its status is the operation's documented one, and the spec's
 * PlivoError schema says the wording is not stable.
 */
export const fail = (status: 400 | 404, error: string): Answer => ({
  status,
  body: { api_id: newApiId(), error },
});

/**
 * The wording of the errors the stateful mock answers: each is a named example of the operation's 400/404
 * response in the spec (`ErrorSessionNotFound`, `ErrorSessionAlreadyExpired`, ...).
 */
export const ERRORS = {
  notFound: 'not found',
  /** The spec's generic example (`ErrorBadRequest`), for a value no more specific refusal names. */
  invalidRequest: 'invalid request',
  maskingAlreadyExpired: 'Session already expired',
  partiesNotUpdatable:
    'first_party and second_party can only be updated on a session created with create_session_with_single_party',
  /** D-MS lists these fields as fixed once a session exists; Plivo publishes no message for it. */
  fieldNotUpdatable: (field: string) => `${field} cannot be changed on an existing session`,
  verifyInvalidOtp: 'Invalid OTP',
  verifyExpired: 'Session expired',
  verifyAlreadyVerified: 'Session already verified',
  verifyTooManyAttempts: 'Maximum validation attempts exceeded for this session',
} as const;
