import { type Answer, ERRORS, fail, ok } from './answers.js';
import { callbackMethod, type EmitCallback } from './callback-event.js';
import type { MockClock } from './clock.js';
import { newUuid, randomDigits, uuidKey } from './ids.js';
import { createRefusal, durationRefusal, singleParty } from './masking-create-rules.js';
import { matchesMaskingFilters, statusProblem } from './masking-filters.js';
import { paginate, readPaging } from './pages.js';
import { filterProblem } from './range-filters.js';
import { maskingTime } from './times.js';

/** A masking session as the API returns it (the `MaskingSession` schema), plus what the mock needs to keep. */
export type MaskingSession = Record<string, unknown> & {
  session_uuid: string;
  status: 'active' | 'expired';
  first_party: string;
  second_party: string;
  virtual_number: string;
  duration: number;
};

export interface StoredMaskingSession {
  session: MaskingSession;
  created: number;
  expires: number;
  singleParty: boolean;
  /** `geomatch` as created (default true): the session object does not show it, but an update may resend it. */
  geomatch: boolean;
  /** The fixed fields as create was sent them: with PIN authentication off the session shows its PIN fields null. */
  sentAtCreate: Record<string, unknown>;
  /** The Auth Token of the request that registered `callback_url`, which signs its callbacks. */
  callbackToken: string | undefined;
  sequence: number;
  cancelExpiry: () => void;
}

type Body = Record<string, unknown>;

// Plivo's reference gives 3600/3600/120, real responses show these: the spec's defaults, which
// spec-defaults.test.ts holds every default the mock fills to. The Go, Java and .NET SDKs send 0 for an unset
// value, so 0 means "the default" here too.
const DEFAULTS = { session_expiry: 1800, call_time_limit: 14_400, ring_timeout: 45 } as const;

// Fields the API refuses to change on an existing session (the spec's MaskingSessionUpdateRequest: D-MS's list,
// the PIN settings, geomatch and subaccount). Sent with a different value, update answers 400; never dropped.
const FIXED_ON_UPDATE = [
  'initiate_call_to_first_party',
  'is_pin_authentication_required',
  'generate_pin',
  'generate_pin_length',
  'first_party_pin',
  'second_party_pin',
  'pin_prompt_play',
  'pin_retry',
  'pin_retry_wait',
  'incorrect_pin_play',
  'force_pin_authentication',
  'unknown_caller_play',
  'geomatch',
  'subaccount',
] as const;

/** Defaults of the PIN settings (the spec's create request): resent while PIN authentication is off, no change. */
const PIN_DEFAULTS: Record<string, unknown> = {
  generate_pin: false,
  generate_pin_length: 4,
  pin_retry: 1,
  pin_retry_wait: 5,
};

/** A PIN setting as create applies it: `0` (what Java sends when unset) below a range means its default. */
const asApplied = (field: string, value: unknown): unknown =>
  value === 0 && (field === 'generate_pin_length' || field === 'pin_retry_wait')
    ? PIN_DEFAULTS[field]
    : value;

/**
 * The fixed text settings, for which empty, `null` and absent all mean none (as the list filter reads an empty
 * `subaccount`): a session created without one takes any of them resent as no change.
 */
const FIXED_TEXT: ReadonlySet<string> = new Set([
  'first_party_pin',
  'second_party_pin',
  'pin_prompt_play',
  'incorrect_pin_play',
  'unknown_caller_play',
  'subaccount',
]);
const isNone = (value: unknown): boolean => value === undefined || value === null || value === '';

const PARTIES = ['first_party', 'second_party'] as const;

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const flag = (value: unknown, fallback: boolean): boolean => (typeof value === 'boolean' ? value : fallback);
/** A positive integer, or the default for absent, 0 or anything else. */
const seconds = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
/** Phone numbers are kept in E.164 form without the `+`, as the API returns them. */
const phone = (value: unknown): string => text(value).replace(/^\+/, '');

/** Masking sessions of every account: create, get, update, delete (expire), list, and expiry on the clock. */
export class MaskingSessions {
  readonly #accounts = new Map<string, Map<string, StoredMaskingSession>>();
  #numbers = 0;

  constructor(
    private readonly clock: MockClock,
    private readonly emit: EmitCallback,
  ) {}

  #account(authId: string): Map<string, StoredMaskingSession> {
    let sessions = this.#accounts.get(authId);
    if (sessions === undefined) {
      sessions = new Map();
      this.#accounts.set(authId, sessions);
    }
    return sessions;
  }

  create(authId: string, body: Body, authToken?: string): Answer {
    const refusal = createRefusal(body);
    if (refusal !== undefined) return fail(400, refusal);
    const now = this.clock.now();
    const expiry = seconds(body.session_expiry, DEFAULTS.session_expiry);
    const uuid = newUuid();
    // One number per session keeps every session's number distinct (Plivo picks from a pool by country).
    const virtualNumber = `9122699${String(40_000 + this.#numbers++).padStart(5, '0')}`;
    const pinRequired = flag(body.is_pin_authentication_required, false);
    const generatePin = pinRequired && flag(body.generate_pin, false);
    const pinLength = seconds(body.generate_pin_length, 4);
    const pins = generatePin
      ? distinctPins(pinLength)
      : [text(body.first_party_pin), text(body.second_party_pin)];
    const session: MaskingSession = {
      first_party: phone(body.first_party),
      second_party: phone(body.second_party),
      virtual_number: virtualNumber,
      status: 'active',
      initiate_call_to_first_party: flag(body.initiate_call_to_first_party, false),
      session_uuid: uuid,
      callback_url: text(body.callback_url),
      callback_method: callbackMethod(body.callback_method),
      created_time: maskingTime(now),
      modified_time: maskingTime(now),
      expiry_time: maskingTime(now + expiry * 1000),
      duration: expiry,
      amount: 0,
      call_time_limit: seconds(body.call_time_limit, DEFAULTS.call_time_limit),
      ring_timeout: seconds(body.ring_timeout, DEFAULTS.ring_timeout),
      first_party_play_url: text(body.first_party_play_url),
      second_party_play_url: text(body.second_party_play_url),
      record: flag(body.record, false),
      record_file_format: text(body.record_file_format, 'mp3'),
      recording_callback_url: text(body.recording_callback_url),
      recording_callback_method: callbackMethod(body.recording_callback_method),
      interaction: null,
      total_call_amount: 0,
      total_call_count: 0,
      total_call_billed_duration: 0,
      total_session_amount: 0,
      last_interaction_time: '',
      is_pin_authentication_required: pinRequired,
      // With PIN authentication off, the API gives every PIN field as null.
      generate_pin: pinRequired ? generatePin : null,
      generate_pin_length: pinRequired ? pinLength : null,
      first_party_pin: pinRequired ? pins[0] || null : null,
      second_party_pin: pinRequired ? pins[1] || null : null,
      pin_prompt_play: pinRequired ? text(body.pin_prompt_play) : null,
      pin_retry: pinRequired ? integer(body.pin_retry, 1) : null,
      pin_retry_wait: pinRequired ? seconds(body.pin_retry_wait, 5) : null,
      incorrect_pin_play: pinRequired ? text(body.incorrect_pin_play) : null,
      unknown_caller_play: text(body.unknown_caller_play),
      force_pin_authentication: flag(body.force_pin_authentication, false),
      virtual_number_cooloff_period: integer(body.virtual_number_cooloff_period, 0),
      create_session_with_single_party: singleParty(body),
      ...(typeof body.subaccount === 'string' ? { subaccount: body.subaccount } : {}),
    };
    const stored: StoredMaskingSession = {
      session,
      created: now,
      expires: now + expiry * 1000,
      singleParty: singleParty(body),
      geomatch: flag(body.geomatch, true),
      sentAtCreate: Object.fromEntries(FIXED_ON_UPDATE.map((field) => [field, body[field]])),
      callbackToken: authToken,
      sequence: 0,
      cancelExpiry: () => {},
    };
    this.#account(authId).set(uuidKey(uuid), stored);
    this.#scheduleExpiry(authId, stored);
    return ok(201, {
      session_uuid: uuid,
      virtual_number: `+${virtualNumber}`,
      message: 'Session created',
      session: { ...session },
    });
  }

  get(authId: string, uuid: string): Answer {
    const stored = this.#account(authId).get(uuidKey(uuid));
    if (stored === undefined) return fail(404, ERRORS.notFound);
    return ok(200, { response: { ...stored.session } });
  }

  update(authId: string, uuid: string, body: Body, authToken?: string): Answer {
    const stored = this.#account(authId).get(uuidKey(uuid));
    if (stored === undefined) return fail(404, ERRORS.notFound);
    const { session } = stored;
    if (session.status === 'expired') return fail(400, ERRORS.maskingAlreadyExpired);
    const outOfRange = durationRefusal(body);
    if (outOfRange !== undefined) return fail(400, outOfRange);
    for (const field of FIXED_ON_UPDATE) {
      const sent = body[field];
      const current = field === 'geomatch' ? stored.geomatch : session[field];
      // A null PIN field (PIN authentication off) is unchanged by what create was sent, else by its default.
      const applied = current === null ? stored.sentAtCreate[field] : current;
      const unchanged =
        sent === current ||
        (current === null && asApplied(field, sent) === asApplied(field, applied ?? PIN_DEFAULTS[field])) ||
        (FIXED_TEXT.has(field) && isNone(sent) && isNone(applied));
      if (sent !== undefined && !unchanged) return fail(400, ERRORS.fieldNotUpdatable(field));
    }
    for (const party of PARTIES) {
      const value = body[party] === undefined ? undefined : phone(body[party]);
      if (value === '') return fail(400, ERRORS.invalidRequest);
      if (value === undefined || value === session[party]) continue;
      // Only a session created with a single party may change its parties (D-MU).
      if (!stored.singleParty) return fail(400, ERRORS.partiesNotUpdatable);
    }

    const now = this.clock.now();
    for (const party of PARTIES) if (body[party] !== undefined) session[party] = phone(body[party]);
    if (seconds(body.session_expiry, 0) > 0) {
      // The new lifetime counts from the update, as the PHP and Python SDK tests' update responses suggest.
      stored.expires = now + seconds(body.session_expiry, 0) * 1000;
      session.expiry_time = maskingTime(stored.expires);
      session.duration = Math.round((stored.expires - stored.created) / 1000);
      this.#scheduleExpiry(authId, stored);
    }
    if (seconds(body.call_time_limit, 0) > 0) session.call_time_limit = body.call_time_limit;
    if (seconds(body.ring_timeout, 0) > 0) session.ring_timeout = body.ring_timeout;
    for (const field of [
      'callback_url',
      'recording_callback_url',
      'first_party_play_url',
      'second_party_play_url',
    ]) {
      if (typeof body[field] === 'string') session[field] = body[field];
    }
    // A new callback_url is signed with the token of the request that registered it.
    if (typeof body.callback_url === 'string') stored.callbackToken = authToken;
    if (body.callback_method !== undefined) session.callback_method = callbackMethod(body.callback_method);
    if (body.recording_callback_method !== undefined) {
      session.recording_callback_method = callbackMethod(body.recording_callback_method);
    }
    if (typeof body.record === 'boolean') session.record = body.record;
    if (typeof body.record_file_format === 'string') session.record_file_format = body.record_file_format;
    session.modified_time = maskingTime(now);
    return ok(200, { message: 'Session updated', session: { ...session } });
  }

  /** DELETE expires the session: nothing is removed (D-MBETA); a second delete is Plivo's 400. */
  delete(authId: string, uuid: string): Answer {
    const stored = this.#account(authId).get(uuidKey(uuid));
    if (stored === undefined) return fail(404, ERRORS.notFound);
    if (stored.session.status === 'expired') return fail(400, ERRORS.maskingAlreadyExpired);
    this.#expire(authId, stored, this.clock.now());
    return ok(200, { message: 'Session expired' });
  }

  list(authId: string, query: URLSearchParams, resourcePath: string): Answer {
    const paging = readPaging(query);
    if (typeof paging === 'string') return fail(400, paging);
    const problem =
      statusProblem(query) ??
      filterProblem(query, 'duration', 'number') ??
      filterProblem(query, 'created_time', 'time') ??
      filterProblem(query, 'expiry_time', 'time');
    if (problem !== undefined) return fail(400, problem);
    const now = this.clock.now();
    const sessions = [...this.#account(authId).values()]
      .filter((stored) => matchesMaskingFilters(stored, query, now))
      .reverse() // newest first (D-MO), the order the real list gives
      .map(({ session }) => ({ ...session, resource_uri: `${resourcePath}${session.session_uuid}/` }));
    const page = paginate(sessions, paging, query, resourcePath);
    return ok(200, {
      response: {
        meta: {
          limit: page.limit,
          next: page.next,
          offset: page.offset,
          previous: page.previous,
          total_count: page.totalCount,
        },
        objects: page.items,
      },
    });
  }

  /** Every stored session of an account, oldest first (for tests and the model). */
  sessions(authId: string): MaskingSession[] {
    return [...this.#account(authId).values()].map(({ session }) => ({ ...session }));
  }

  reset(): void {
    for (const sessions of this.#accounts.values())
      for (const stored of sessions.values()) stored.cancelExpiry();
    this.#accounts.clear();
    // Virtual numbers start over too, so a test after a reset gets the ones it would get first.
    this.#numbers = 0;
  }

  #scheduleExpiry(authId: string, stored: StoredMaskingSession): void {
    stored.cancelExpiry();
    stored.cancelExpiry = this.clock.setTimer(stored.expires - this.clock.now(), () =>
      this.#expire(authId, stored, stored.expires),
    );
  }

  #expire(authId: string, stored: StoredMaskingSession, at: number): void {
    stored.cancelExpiry();
    const { session } = stored;
    session.status = 'expired';
    session.modified_time = maskingTime(at);
    if (at < stored.expires) {
      stored.expires = at;
      session.expiry_time = maskingTime(at);
      session.duration = Math.round((at - stored.created) / 1000);
    }
    // The only session-state event Plivo documents (§10.1); the others are about calls, which the mock does not
    // simulate, and it invents no event names for create or update.
    this.#notify(authId, stored, 'SessionTimeout');
  }

  #notify(authId: string, stored: StoredMaskingSession, eventName: string): void {
    const { session } = stored;
    if (session.callback_url === '') return;
    stored.sequence += 1;
    this.emit({
      authId,
      ...(stored.callbackToken === undefined ? {} : { authToken: stored.callbackToken }),
      url: String(session.callback_url),
      method: callbackMethod(session.callback_method),
      kind: 'masking-status',
      params: {
        EventName: eventName,
        EventTimestamp: maskingTime(this.clock.now()),
        SessionUUID: session.session_uuid,
        VirtualNumber: session.virtual_number,
        FirstParty: session.first_party,
        SecondParty: session.second_party,
        SequenceNumber: String(stored.sequence),
      },
    });
  }
}

const integer = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;

/** Two PINs of `length` digits that differ, as the API requires of a session's PINs. */
function distinctPins(length: number): [string, string] {
  const first = randomDigits(length);
  let second = randomDigits(length);
  while (second === first) second = randomDigits(length);
  return [first, second];
}
