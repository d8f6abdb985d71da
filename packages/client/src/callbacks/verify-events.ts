import { AttributeReader, type CallbackPayloadInput, definedOnly, readAttributes } from './payload.js';

/**
 * `SessionStatus` values. Plivo documents `in-progress` and `expired` for callbacks; `verified` is the session
 * object's own status after a correct OTP, listed so a receiver can handle it (our mock sends it). Open set.
 */
export const VERIFY_SESSION_STATUSES = ['in-progress', 'expired', 'verified'] as const;
export type KnownVerifySessionStatus = (typeof VERIFY_SESSION_STATUSES)[number];
export type VerifySessionStatus = KnownVerifySessionStatus | (string & {});

/** `ChannelStatus` values: sms `queued`, `sent`, `delivered`, `failed`, `undelivered`; voice `in-progress`, `completed`, `ringing`. */
export const VERIFY_CHANNEL_STATUSES = [
  'queued',
  'sent',
  'delivered',
  'failed',
  'undelivered',
  'in-progress',
  'completed',
  'ringing',
] as const;
export type VerifyChannelStatus = (typeof VERIFY_CHANNEL_STATUSES)[number] | (string & {});

/** A Verify status callback (sent to the session's `url` on every status change). Every attribute is a string, as documented. */
export interface VerifySessionEvent {
  /** The 36-character session UUID. */
  readonly SessionUUID: string;
  readonly SessionStatus: VerifySessionStatus;
  /** The SMS or call attempt this change is about. */
  readonly AttemptUUID?: string;
  /** Ordinal of the attempt, as a string (as documented). */
  readonly AttemptSequence?: string;
  readonly Channel?: 'sms' | 'voice' | (string & {});
  readonly ChannelStatus?: VerifyChannelStatus;
  readonly ChannelErrorCode?: string;
  /** Destination number. */
  readonly Recipient?: string;
  /** UTC time the attempt was created. */
  readonly RequestTime?: string;
  /** Attributes this version does not know, exactly as sent. */
  readonly otherAttributes: Readonly<Record<string, string>>;
}

/**
 * Parses a Verify status callback (form body of a POST, query of a GET). Throws a `CallbackPayloadError` for a
 * payload that is not form/query encoded, lacks `SessionUUID` or `SessionStatus`, or repeats an attribute.
 * Check the signature first: parsing proves nothing about who sent it.
 */
export function parseVerifySessionEvent(formOrQuery: CallbackPayloadInput): VerifySessionEvent {
  const kind = 'Verify status callback';
  const read = new AttributeReader(readAttributes(formOrQuery, kind), kind);
  const event = definedOnly({
    SessionUUID: read.required('SessionUUID'),
    SessionStatus: read.required('SessionStatus'),
    AttemptUUID: read.optional('AttemptUUID'),
    AttemptSequence: read.optional('AttemptSequence'),
    Channel: read.optional('Channel'),
    ChannelStatus: read.optional('ChannelStatus'),
    ChannelErrorCode: read.optional('ChannelErrorCode'),
    Recipient: read.optional('Recipient'),
    RequestTime: read.optional('RequestTime'),
  });
  return { ...event, otherAttributes: read.rest() };
}
