import { AttributeReader, type CallbackPayloadInput, definedOnly, readAttributes } from './payload.js';

/**
 * Status events of a masking session's `callback_url`. Plivo publishes three different lists (the Session API
 * page, the "Session status callback" page and an older copy of it); this is their union. The set stays open:
 * an event Plivo adds later parses as its plain string.
 */
export const MASKING_SESSION_EVENT_NAMES = [
  'SessionFirstPartyAnswer',
  'SessionSecondPartyRing',
  'SessionSecondPartyAnswer',
  'SessionFirstPartyHangup',
  'SessionSecondPartyHangup',
  'SessionPinAuthenticationStatus',
  'SessionTimeout',
  'SessionPartiesHangup',
  'SessionVirtualNumberReplaced',
  'SessionFirstPartyInitiated',
  'SessionFirstPartyRinging',
  'SessionFirstPartyComplete',
  'SessionFirstPartyFailed',
  'SessionSecondPartyInitiated',
  'SessionSecondPartyComplete',
  'SessionSecondPartyFailed',
  'SessionVirtualNumberAnswer',
] as const;
export type KnownMaskingSessionEventName = (typeof MASKING_SESSION_EVENT_NAMES)[number];
/** A known event name, or any other string (autocompletion for the known ones, no break on new ones). */
export type MaskingSessionEventName = KnownMaskingSessionEventName | (string & {});

/** Events of a masking session's `recording_callback_url`. */
export const MASKING_RECORDING_EVENT_NAMES = [
  'SessionRecordingInitiated',
  'SessionRecordingCompleted',
  'SessionRecordingFailed',
] as const;
export type KnownMaskingRecordingEventName = (typeof MASKING_RECORDING_EVENT_NAMES)[number];
export type MaskingRecordingEventName = KnownMaskingRecordingEventName | (string & {});

/** `PinAuthenticationStatus` values Plivo documents. */
export type PinAuthenticationStatus = 'success' | 'failed' | 'AuthorizedCaller' | (string & {});

/**
 * A masking session status callback. Attribute names are Plivo's, as sent. Types are the documented ones:
 * `PinRetryCounter` and `PlivoHangupCauseCode` are integers, everything else (amounts and durations too) is a
 * string as Plivo documents it. Plivo does not say which attributes come with each event: any but `EventName`
 * and `SessionUUID` may be absent.
 */
export interface MaskingSessionEvent {
  readonly EventName: MaskingSessionEventName;
  readonly SessionUUID: string;
  /** UTC time of the event. */
  readonly EventTimestamp?: string;
  /** The real number calling. */
  readonly From?: string;
  /** The real number dialled out. */
  readonly To?: string;
  readonly VirtualNumber?: string;
  /** Sent by the older event list. */
  readonly FirstParty?: string;
  /** Sent by the older event list. */
  readonly SecondParty?: string;
  readonly PinAuthenticationStatus?: PinAuthenticationStatus;
  /** Wrong PIN attempts so far. */
  readonly PinRetryCounter?: number;
  /** Call charge. */
  readonly Amount?: string;
  /** Billed seconds. */
  readonly BilledDuration?: string;
  /** Call seconds. */
  readonly Duration?: string;
  readonly PlivoHangupCause?: string;
  readonly PlivoHangupCauseCode?: number;
  /** Orders callbacks that may arrive out of order. */
  readonly SequenceNumber?: string;
  /** Attributes this version does not know, exactly as sent. */
  readonly otherAttributes: Readonly<Record<string, string>>;
}

/** A masking session recording callback; every attribute is a string, as documented. */
export interface MaskingRecordingEvent {
  readonly EventName: MaskingRecordingEventName;
  readonly SessionUUID: string;
  readonly EventTimestamp?: string;
  readonly From?: string;
  readonly To?: string;
  readonly VirtualNumber?: string;
  readonly RecordingUUID?: string;
  readonly RecordingURL?: string;
  readonly RecordingResourceURL?: string;
  /** Seconds. */
  readonly RecordingDuration?: string;
  readonly RecordingStartTime?: string;
  readonly RecordingEndTime?: string;
  /** `.mp3` or `.wav`. */
  readonly RecordingFormat?: string;
  readonly SequenceNumber?: string;
  readonly otherAttributes: Readonly<Record<string, string>>;
}

/**
 * Parses a masking session status callback (the form body of a POST or the query of a GET). Throws a
 * `CallbackPayloadError` for a payload that is not form/query encoded, lacks `EventName` or `SessionUUID`,
 * repeats an attribute, or has a non-integer `PinRetryCounter` / `PlivoHangupCauseCode`.
 * Check the signature first: parsing proves nothing about who sent it.
 */
export function parseMaskingSessionEvent(formOrQuery: CallbackPayloadInput): MaskingSessionEvent {
  const kind = 'masking session status callback';
  const read = new AttributeReader(readAttributes(formOrQuery, kind), kind);
  const event = definedOnly({
    EventName: read.required('EventName'),
    SessionUUID: read.required('SessionUUID'),
    EventTimestamp: read.optional('EventTimestamp'),
    From: read.optional('From'),
    To: read.optional('To'),
    VirtualNumber: read.optional('VirtualNumber'),
    FirstParty: read.optional('FirstParty'),
    SecondParty: read.optional('SecondParty'),
    PinAuthenticationStatus: read.optional('PinAuthenticationStatus'),
    PinRetryCounter: read.integer('PinRetryCounter'),
    Amount: read.optional('Amount'),
    BilledDuration: read.optional('BilledDuration'),
    Duration: read.optional('Duration'),
    PlivoHangupCause: read.optional('PlivoHangupCause'),
    PlivoHangupCauseCode: read.integer('PlivoHangupCauseCode'),
    SequenceNumber: read.optional('SequenceNumber'),
  });
  return { ...event, otherAttributes: read.rest() };
}

/** Parses a masking session recording callback; errors as `parseMaskingSessionEvent`. */
export function parseMaskingRecordingEvent(formOrQuery: CallbackPayloadInput): MaskingRecordingEvent {
  const kind = 'masking recording callback';
  const read = new AttributeReader(readAttributes(formOrQuery, kind), kind);
  const event = definedOnly({
    EventName: read.required('EventName'),
    SessionUUID: read.required('SessionUUID'),
    EventTimestamp: read.optional('EventTimestamp'),
    From: read.optional('From'),
    To: read.optional('To'),
    VirtualNumber: read.optional('VirtualNumber'),
    RecordingUUID: read.optional('RecordingUUID'),
    RecordingURL: read.optional('RecordingURL'),
    RecordingResourceURL: read.optional('RecordingResourceURL'),
    RecordingDuration: read.optional('RecordingDuration'),
    RecordingStartTime: read.optional('RecordingStartTime'),
    RecordingEndTime: read.optional('RecordingEndTime'),
    RecordingFormat: read.optional('RecordingFormat'),
    SequenceNumber: read.optional('SequenceNumber'),
  });
  return { ...event, otherAttributes: read.rest() };
}
