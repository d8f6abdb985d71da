import { type Answer, ERRORS, fail, ok } from './answers.js';
import { callbackMethod, type EmitCallback } from './callback-event.js';
import type { MockClock } from './clock.js';
import { newUuid, randomDigits, uuidKey } from './ids.js';
import { paginate, readPaging } from './pages.js';
import { filterProblem, hasFilter, matchesTimeFilters } from './range-filters.js';
import { verifyTime } from './times.js';

/** A Verify session as the API returns it (the `VerifySession` schema). */
export type VerifySession = Record<string, unknown> & {
  session_uuid: string;
  app_uuid: string;
  recipient: string;
  status: 'in-progress' | 'verified' | 'expired';
  count: number;
};

interface Attempt {
  attempt_uuid: string;
  channel: string;
  status: string;
  time: string;
  charge: number;
}

interface Stored {
  authId: string;
  session: VerifySession;
  otp: string;
  created: number;
  attempts: Attempt[];
  /** Validation attempts so far; the API allows 10 per session (D-VS). */
  validations: number;
  /** Filters the list takes that the session object does not show. */
  brandName: string;
  appHash: string;
  /** The URL to notify, and the Auth Token of the request that registered it (which signs its callbacks). */
  callback?: { url: string; method: 'GET' | 'POST'; authToken: string | undefined };
  cancelExpiry: () => void;
}

type Body = Record<string, unknown>;

/**
 * How long a code stays valid. Plivo sets it per Verify application in the console and publishes no default;
 * ten minutes is the mock's choice (README: "Testing a flow").
 */
export const OTP_VALIDITY_MS = 10 * 60 * 1000;
/** D-VS: at most 10 validation attempts per session. */
export const MAX_VALIDATIONS = 10;
const DEFAULT_CODE_LENGTH = 6;
// D-VS/D-VL: without a session_time filter the list covers the last 24 hours.
const DEFAULT_WINDOW_MS = 24 * 3600 * 1000;
// Charges in units of 0.00001, written as the API writes them: attempt charges with 5 decimals.
const ATTEMPT_CHARGE = { sms: 500, voice: 600 } as Record<string, number>;
const VALIDATION_CHARGE = '0.05';
const NO_VALIDATION_CHARGE = '0.0000';
// The recipient's country from its calling code, for `destination_country_iso2` (empty when unknown).
const COUNTRY_CODES: [string, string][] = [
  ['91', 'IN'],
  ['44', 'GB'],
  ['1', 'US'],
];

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const decimal = (units: number): string => (units / 100_000).toFixed(5);

/** Verify sessions of every account: send (create), get, list, validate, and expiry on the clock. */
export class VerifySessions {
  readonly #accounts = new Map<string, Map<string, Stored>>();
  readonly #apps = new Map<string, string>();

  constructor(
    private readonly clock: MockClock,
    private readonly emit: EmitCallback,
    /** The OTP every session gets (`stateful: { otp }`); random digits of `code_length` when undefined. */
    private readonly fixedOtp: string | undefined,
  ) {}

  #account(authId: string): Map<string, Stored> {
    let sessions = this.#accounts.get(authId);
    if (sessions === undefined) {
      sessions = new Map();
      this.#accounts.set(authId, sessions);
    }
    return sessions;
  }

  /** Each account has one default Verify application, used when a request names none. */
  #defaultApp(authId: string): string {
    let app = this.#apps.get(authId);
    if (app === undefined) {
      app = newUuid();
      this.#apps.set(authId, app);
    }
    return app;
  }

  /** Sends a code: a new session, or one more attempt of the recipient's open session (D-VS). */
  create(authId: string, body: Body, requestorIp: string, authToken?: string): Answer {
    const now = this.clock.now();
    const recipient = text(body.recipient).replace(/^\+/, '');
    // A bare `+` (Prism lets any non-empty string through) is no number to send a code to.
    if (recipient === '') return fail(400, ERRORS.invalidRequest);
    const appUuid = text(body.app_uuid) || this.#defaultApp(authId);
    const channel = text(body.channel, 'sms');
    let stored = [...this.#account(authId).values()].find(
      ({ session }) =>
        session.recipient === recipient && session.app_uuid === appUuid && session.status === 'in-progress',
    );
    if (stored === undefined) {
      stored = this.#open(authId, body, { recipient, appUuid, channel, requestorIp, now });
    }
    if (typeof body.url === 'string' && body.url !== '') {
      stored.callback = { url: body.url, method: callbackMethod(body.method), authToken };
    }
    const attempt: Attempt = {
      attempt_uuid: newUuid(),
      channel,
      // What the carrier reports once the code is out: `delivered` for an SMS, `answer` for a call.
      status: channel === 'voice' ? 'answer' : 'delivered',
      time: verifyTime(now),
      charge: ATTEMPT_CHARGE[channel] ?? ATTEMPT_CHARGE.sms ?? 0,
    };
    stored.attempts.push(attempt);
    stored.session.channel = channel;
    stored.session.updated_at = attempt.time;
    this.#render(stored);
    this.#notify(stored, attempt);
    return ok(202, { message: 'Session initiated', session_uuid: stored.session.session_uuid });
  }

  get(authId: string, uuid: string): Answer {
    const stored = this.#account(authId).get(uuidKey(uuid));
    if (stored === undefined) return fail(404, ERRORS.notFound);
    return ok(200, structuredClone(stored.session));
  }

  list(authId: string, query: URLSearchParams, resourcePath: string): Answer {
    const paging = readPaging(query);
    if (typeof paging === 'string') return fail(400, paging);
    // An empty filter value does not filter: Go's SDK sends `BrandName=` and `AppHash=` on every list.
    const filters = new URLSearchParams([...query].filter(([, value]) => value !== ''));
    const problem = filterProblem(filters, 'session_time', 'time');
    if (problem !== undefined) return fail(400, problem);
    const now = this.clock.now();
    const sessions = [...this.#account(authId).values()]
      .filter((stored) => matchesVerifyFilters(stored, filters, now))
      .reverse() // newest first
      .map(({ session }) => structuredClone(session));
    const page = paginate(sessions, paging, query, resourcePath);
    return ok(200, {
      meta: { limit: page.limit, offset: page.offset, next: page.next, previous: page.previous },
      sessions: page.items,
    });
  }

  validate(authId: string, uuid: string, body: Body): Answer {
    const stored = this.#account(authId).get(uuidKey(uuid));
    if (stored === undefined) return fail(404, ERRORS.notFound);
    const { session } = stored;
    if (session.status === 'verified') return fail(400, ERRORS.verifyAlreadyVerified);
    if (session.status === 'expired') return fail(400, ERRORS.verifyExpired);
    if (stored.validations >= MAX_VALIDATIONS) return fail(400, ERRORS.verifyTooManyAttempts);
    stored.validations += 1;
    if (text(body.otp) !== stored.otp) return fail(400, ERRORS.verifyInvalidOtp);

    stored.cancelExpiry();
    session.status = 'verified';
    session.updated_at = verifyTime(this.clock.now());
    this.#render(stored);
    this.#notify(stored, stored.attempts.at(-1));
    return ok(200, { message: 'session validated successfully.', session_uuid: session.session_uuid });
  }

  /** The code of a session, whatever account it belongs to; undefined for an unknown session. */
  otp(uuid: string): string | undefined {
    for (const sessions of this.#accounts.values()) {
      const stored = sessions.get(uuidKey(uuid));
      if (stored !== undefined) return stored.otp;
    }
    return undefined;
  }

  /** Validation attempts made on a session so far (for tests and the model). */
  validations(authId: string, uuid: string): number | undefined {
    return this.#account(authId).get(uuidKey(uuid))?.validations;
  }

  reset(): void {
    for (const sessions of this.#accounts.values())
      for (const stored of sessions.values()) stored.cancelExpiry();
    this.#accounts.clear();
    this.#apps.clear();
  }

  #open(
    authId: string,
    body: Body,
    {
      recipient,
      appUuid,
      channel,
      requestorIp,
      now,
    }: { recipient: string; appUuid: string; channel: string; requestorIp: string; now: number },
  ): Stored {
    const codeLength =
      typeof body.code_length === 'number' && body.code_length > 0 ? body.code_length : DEFAULT_CODE_LENGTH;
    // Plivo's Python SDK can send its own code (`otp`); otherwise the mock's fixed code, otherwise random.
    const otp =
      typeof body.otp === 'string' && body.otp !== ''
        ? body.otp
        : (this.fixedOtp ?? randomDigits(codeLength));
    const uuid = newUuid();
    const session: VerifySession = {
      session_uuid: uuid,
      app_uuid: appUuid,
      alias: appUuid === this.#apps.get(authId) ? 'default_app' : '',
      recipient,
      channel,
      status: 'in-progress',
      count: 0,
      requestor_ip: requestorIp,
      destination_country_iso2: COUNTRY_CODES.find(([code]) => recipient.startsWith(code))?.[1] ?? '',
      destination_network: null,
      locale: text(body.locale, 'en'),
      attempt_details: null,
      charges: { total_charge: '0', validation_charge: NO_VALIDATION_CHARGE, attempt_charges: null },
      created_at: verifyTime(now),
      updated_at: verifyTime(now),
    };
    const stored: Stored = {
      authId,
      session,
      otp,
      created: now,
      attempts: [],
      validations: 0,
      brandName: text(body.brand_name),
      appHash: text(body.app_hash),
      cancelExpiry: () => {},
    };
    stored.cancelExpiry = this.clock.setTimer(OTP_VALIDITY_MS, () => {
      if (session.status !== 'in-progress') return;
      session.status = 'expired';
      session.updated_at = verifyTime(this.clock.now());
      this.#notify(stored, stored.attempts.at(-1));
    });
    this.#account(authId).set(uuidKey(uuid), stored);
    return stored;
  }

  /** Brings `count`, `attempt_details` and `charges` in line with the attempts, as a real session shows them. */
  #render(stored: Stored): void {
    const { session, attempts } = stored;
    const validation = session.status === 'verified' ? VALIDATION_CHARGE : NO_VALIDATION_CHARGE;
    const total =
      attempts.reduce((sum, { charge }) => sum + charge, 0) + Math.round(Number(validation) * 100_000);
    session.count = attempts.length;
    session.attempt_details = attempts.map(({ charge: _, ...attempt }) => ({ ...attempt }));
    session.charges = {
      total_charge: decimal(total),
      validation_charge: validation,
      attempt_charges: attempts.map(({ attempt_uuid, channel, charge }) => ({
        attempt_uuid,
        channel,
        charge: decimal(charge),
      })),
    };
  }

  /** The Verify status callback (D-VCB) for the session's state and its latest attempt. */
  #notify(stored: Stored, attempt: Attempt | undefined): void {
    if (stored.callback === undefined || attempt === undefined) return;
    const { session } = stored;
    this.emit({
      authId: stored.authId,
      ...(stored.callback.authToken === undefined ? {} : { authToken: stored.callback.authToken }),
      url: stored.callback.url,
      method: stored.callback.method,
      kind: 'verify-status',
      params: {
        SessionUUID: session.session_uuid,
        SessionStatus: session.status,
        AttemptUUID: attempt.attempt_uuid,
        AttemptSequence: String(stored.attempts.indexOf(attempt) + 1),
        Channel: attempt.channel,
        ChannelStatus: attempt.channel === 'voice' ? 'completed' : 'delivered',
        ChannelErrorCode: '',
        Recipient: session.recipient,
        RequestTime: attempt.time,
      },
    });
  }
}

const EXACT: [string, (stored: Stored) => unknown][] = [
  ['app_uuid', ({ session }) => session.app_uuid],
  ['status', ({ session }) => session.status],
  ['recipient', ({ session }) => session.recipient],
  ['country', ({ session }) => session.destination_country_iso2],
  ['alias', ({ session }) => session.alias],
  ['brand_name', ({ brandName }) => brandName],
  ['app_hash', ({ appHash }) => appHash],
];

/**
 * Whether a Verify session passes the list's filters (D-VS, D-VL), empty ones taken out. `subaccount` is
 * accepted and matches every session: the mock keeps no subaccounts.
 */
function matchesVerifyFilters(stored: Stored, query: URLSearchParams, now: number): boolean {
  for (const [name, read] of EXACT) {
    const wanted = query.get(name);
    if (wanted === null) continue;
    const actual = String(read(stored) ?? '');
    if (name === 'recipient' ? wanted.replace(/^\+/, '') !== actual : wanted !== actual) return false;
  }
  if (!hasFilter(query, 'session_time') && stored.created < now - DEFAULT_WINDOW_MS) return false;
  return matchesTimeFilters(query, 'session_time', stored.created);
}
