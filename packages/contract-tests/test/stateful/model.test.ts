import fc from 'fast-check';
import { expect, it } from 'vitest';
import { type OperationId, schemaErrors } from '../support/spec.js';
import { ACCOUNT_A, ACCOUNT_B, basicAuth } from './support/accounts.js';
import { statefulMockForThisFile } from './support/stateful-mock.js';

// Model-based test: random sequences of masking create/get/update/delete/list and Verify send/get/list/validate
// across two accounts, plus moves of the clock. After every step the mock agrees with the small in-memory model
// below, and every body it answered validates against the spec's schema for that operation and status.

const mock = statefulMockForThisFile();

const ACCOUNTS = [ACCOUNT_A, ACCOUNT_B] as const;
const PARTIES = ['14155550100', '919003459051'];
const RECIPIENTS = ['14155550200', '919380013443'];
const UNKNOWN_UUID = 'c28b77d4-21e7-43bd-9447-04bfee92e651';
const OTP_VALIDITY_MS = 10 * 60_000;

interface MaskingModel {
  uuid: string;
  firstParty: string;
  status: 'active' | 'expired';
  expiresAt: number;
  ringTimeout: number;
}
interface VerifyModel {
  uuid: string;
  recipient: string;
  status: 'in-progress' | 'verified' | 'expired';
  createdAt: number;
  attempts: number;
  validations: number;
}
interface Model {
  now: number;
  masking: Record<string, MaskingModel[]>; // oldest first
  verify: Record<string, VerifyModel[]>;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function http(method: string, path: string, operationId: OperationId, body?: unknown): Promise<Answer> {
  const answer = await fetch(`${mock().url}${path}`, {
    method,
    // The credentials of the account the path names: another account's are refused (401).
    headers: { authorization: basicAuth(path.split('/')[3]), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const parsed = (await answer.json()) as Record<string, unknown>;
  // Every answer is a documented one: the schema of its operation and status.
  expect(schemaErrors(operationId, String(answer.status), parsed), `${operationId} ${answer.status}`).toBe(
    '',
  );
  return { status: answer.status, body: parsed };
}

const accountId = (account: number): string => ACCOUNTS[account] ?? ACCOUNT_A;
const maskingOf = (model: Model, account: number): MaskingModel[] =>
  (model.masking[accountId(account)] ??= []);
const verifyOf = (model: Model, account: number): VerifyModel[] => (model.verify[accountId(account)] ??= []);
const maskingPath = (account: number) => `/v1/Account/${accountId(account)}/Masking/Session/`;
const verifyPath = (account: number) => `/v1/Account/${accountId(account)}/Verify/Session/`;
/** The session a command's index picks among an account's sessions, or an unknown one. */
const pick = <T>(list: T[], index: number): T | undefined =>
  index < 0 || list.length === 0 ? undefined : list[index % list.length];
/** The named fields of each listed session, in order: the whole list compared with the model at once. */
const summaries = (sessions: unknown, fields: string[]) =>
  (sessions as Record<string, unknown>[]).map((session) => fields.map((field) => session[field]));

type Command = fc.AsyncCommand<Model, null>;
const always = () => true;

/** What the mock answers an update or delete of a masking session that has expired. */
const ALREADY_EXPIRED = { status: 400, error: 'Session already expired' };

/**
 * A GET of the account's session at `index`, or of an unknown one when it has none: that must be a 404
 * 'not found' (and gives undefined), the account's own a 200 (and gives the session with the answer's body).
 */
async function getOne<Session extends { uuid: string }>(
  sessions: Session[],
  index: number,
  pathOf: (uuid: string) => string,
  operationId: OperationId,
): Promise<{ session: Session; body: Answer['body'] } | undefined> {
  const session = pick(sessions, index);
  const { status, body } = await http('GET', pathOf(session?.uuid ?? UNKNOWN_UUID), operationId);
  if (session === undefined)
    return void expect({ status, error: body.error }).toEqual({ status: 404, error: 'not found' });
  expect(status).toBe(200);
  return { session, body };
}

const createMasking = (account: number, party: number, expiry: number): Command => ({
  check: always,
  toString: () => `createMasking(${account}, ${PARTIES[party]}, ${expiry})`,
  async run(model) {
    const firstParty = PARTIES[party] as string;
    const { status, body } = await http('POST', maskingPath(account), 'createMaskingSession', {
      first_party: firstParty,
      second_party: '918197241073',
      session_expiry: expiry,
    });
    expect(status).toBe(201);
    const seconds = expiry === 0 ? 1800 : expiry; // 0 means the default, as the Java and Go SDKs send it
    maskingOf(model, account).push({
      uuid: String(body.session_uuid),
      firstParty,
      status: 'active',
      expiresAt: model.now + seconds * 1000,
      ringTimeout: 45,
    });
  },
});

const getMasking = (account: number, index: number): Command => ({
  check: always,
  toString: () => `getMasking(${account}, ${index})`,
  async run(model) {
    const found = await getOne(
      maskingOf(model, account),
      index,
      (uuid) => `${maskingPath(account).slice(0, -1)}/${uuid}`,
      'getMaskingSession',
    );
    if (found === undefined) return;
    const { session, body } = found;
    expect(body.response).toMatchObject({
      session_uuid: session.uuid,
      first_party: session.firstParty,
      status: session.status,
      ring_timeout: session.ringTimeout,
    });
  },
});

const updateMasking = (account: number, index: number, ringTimeout: number, expiry: number): Command => ({
  check: always,
  toString: () => `updateMasking(${account}, ${index}, ring ${ringTimeout}, expiry ${expiry})`,
  async run(model) {
    const session = pick(maskingOf(model, account), index);
    const { status, body } = await http(
      'POST',
      `${maskingPath(account)}${session?.uuid ?? UNKNOWN_UUID}/`, // the form six of Plivo's SDKs send
      'updateMaskingSession',
      { ring_timeout: ringTimeout, session_expiry: expiry },
    );
    if (session === undefined) return void expect(status).toBe(404);
    if (session.status === 'expired') {
      return void expect({ status, error: body.error }).toEqual(ALREADY_EXPIRED);
    }
    expect(status).toBe(200);
    session.ringTimeout = ringTimeout;
    if (expiry > 0) session.expiresAt = model.now + expiry * 1000;
    expect(body.session).toMatchObject({ ring_timeout: ringTimeout, status: 'active' });
  },
});

const deleteMasking = (account: number, index: number): Command => ({
  check: always,
  toString: () => `deleteMasking(${account}, ${index})`,
  async run(model) {
    const session = pick(maskingOf(model, account), index);
    const { status, body } = await http(
      'DELETE',
      `${maskingPath(account).slice(0, -1)}/${session?.uuid ?? UNKNOWN_UUID}`,
      'deleteMaskingSession',
    );
    if (session === undefined) return void expect(status).toBe(404);
    if (session.status === 'expired') {
      return void expect({ status, error: body.error }).toEqual(ALREADY_EXPIRED);
    }
    expect(status).toBe(200);
    session.status = 'expired';
  },
});

const listMasking = (
  account: number,
  filter: 'all' | 'active' | 'expired',
  limit: number,
  offset: number,
): Command => ({
  check: always,
  toString: () => `listMasking(${account}, ${filter}, limit ${limit}, offset ${offset})`,
  async run(model) {
    const query = `status=${filter}&limit=${limit}&offset=${offset}`;
    const { status, body } = await http('GET', `${maskingPath(account)}?${query}`, 'listMaskingSessions');
    expect(status).toBe(200);
    const matching = [...maskingOf(model, account)]
      .reverse()
      .filter((session) => filter === 'all' || session.status === filter);
    const { meta, objects } = body.response as { meta: Record<string, unknown>; objects: unknown };
    expect(summaries(objects, ['session_uuid', 'status', 'first_party', 'ring_timeout'])).toEqual(
      matching.slice(offset, offset + limit).map((s) => [s.uuid, s.status, s.firstParty, s.ringTimeout]),
    );
    const link = (at: number) => `${maskingPath(account)}?status=${filter}&limit=${limit}&offset=${at}`;
    expect(meta).toEqual({
      limit,
      offset,
      total_count: matching.length,
      next: offset + limit >= matching.length ? null : link(offset + limit),
      previous: offset - limit < 0 ? null : link(offset - limit),
    });
  },
});

const sendOtp = (account: number, recipient: number): Command => ({
  check: always,
  toString: () => `sendOtp(${account}, ${RECIPIENTS[recipient]})`,
  async run(model) {
    const to = RECIPIENTS[recipient] as string;
    const { status, body } = await http('POST', verifyPath(account), 'createVerifySession', {
      recipient: to,
    });
    expect(status).toBe(202);
    const sessions = verifyOf(model, account);
    const open = sessions.find((s) => s.recipient === to && s.status === 'in-progress');
    if (open !== undefined) {
      expect(body.session_uuid).toBe(open.uuid); // one more attempt of the open session
      open.attempts += 1;
      return;
    }
    const uuid = String(body.session_uuid);
    expect(sessions.map((s) => s.uuid)).not.toContain(uuid);
    sessions.push({
      uuid,
      recipient: to,
      status: 'in-progress',
      createdAt: model.now,
      attempts: 1,
      validations: 0,
    });
  },
});

const getVerify = (account: number, index: number): Command => ({
  check: always,
  toString: () => `getVerify(${account}, ${index})`,
  async run(model) {
    const found = await getOne(
      verifyOf(model, account),
      index,
      (uuid) => `${verifyPath(account)}${uuid}/`,
      'getVerifySession',
    );
    if (found === undefined) return;
    const { session, body } = found;
    expect(body).toMatchObject({
      session_uuid: session.uuid,
      status: session.status,
      count: session.attempts,
    });
  },
});

const validateOtp = (account: number, index: number, right: boolean): Command => ({
  check: always,
  toString: () => `validateOtp(${account}, ${index}, ${right ? 'right' : 'wrong'})`,
  async run(model) {
    const session = pick(verifyOf(model, account), index);
    const uuid = session?.uuid ?? UNKNOWN_UUID;
    const otp = session === undefined ? '123456' : mock().otp(uuid);
    const sent = right ? otp : otp.startsWith('0') ? `1${otp.slice(1)}` : `0${otp.slice(1)}`;
    const { status, body } = await http('POST', `${verifyPath(account)}${uuid}/`, 'validateVerifySession', {
      otp: sent,
    });
    if (session === undefined) return void expect(status).toBe(404);
    const expected =
      session.status === 'verified'
        ? 'Session already verified'
        : session.status === 'expired'
          ? 'Session expired'
          : session.validations >= 10
            ? 'Maximum validation attempts exceeded for this session'
            : right
              ? undefined
              : 'Invalid OTP';
    if (session.status === 'in-progress' && session.validations < 10) session.validations += 1;
    if (expected !== undefined)
      return void expect({ status, error: body.error }).toEqual({ status: 400, error: expected });
    expect(status).toBe(200);
    session.status = 'verified';
  },
});

/** Several validations in a row, so that sequences reach the 10-attempt limit. */
const validateRepeatedly = (
  account: number,
  index: number,
  times: number,
  rightAtTheEnd: boolean,
): Command => ({
  check: always,
  toString: () =>
    `validateRepeatedly(${account}, ${index}, ${times} wrong${rightAtTheEnd ? ', then right' : ''})`,
  async run(model, real) {
    for (let i = 0; i < times; i++) await validateOtp(account, index, false).run(model, real);
    if (rightAtTheEnd) await validateOtp(account, index, true).run(model, real);
  },
});

const listVerify = (
  account: number,
  filter: 'in-progress' | 'verified' | 'expired' | undefined,
): Command => ({
  check: always,
  toString: () => `listVerify(${account}, ${filter ?? 'any'})`,
  async run(model) {
    const query = filter === undefined ? '' : `?status=${filter}`;
    const { status, body } = await http('GET', `${verifyPath(account)}${query}`, 'listVerifySessions');
    expect(status).toBe(200);
    const matching = [...verifyOf(model, account)]
      .reverse()
      .filter((session) => filter === undefined || session.status === filter);
    expect(summaries(body.sessions, ['session_uuid', 'status', 'count'])).toEqual(
      matching.slice(0, 20).map((s) => [s.uuid, s.status, s.attempts]),
    );
  },
});

const advanceTime = (ms: number): Command => ({
  check: always,
  toString: () => `advanceTime(${ms})`,
  async run(model) {
    mock().advanceTime(ms);
    model.now += ms;
    for (const sessions of Object.values(model.masking)) {
      for (const session of sessions) if (session.expiresAt <= model.now) session.status = 'expired';
    }
    for (const sessions of Object.values(model.verify)) {
      for (const session of sessions) {
        if (session.status === 'in-progress' && session.createdAt + OTP_VALIDITY_MS <= model.now)
          session.status = 'expired';
      }
    }
  },
});

const account = fc.integer({ min: 0, max: 1 });
const index = fc.integer({ min: -1, max: 6 }); // -1: a session the account does not have
const commands = [
  fc
    .tuple(account, fc.nat(PARTIES.length - 1), fc.constantFrom(0, 60, 300, 900))
    .map(([a, p, e]) => createMasking(a, p, e)),
  fc.tuple(account, index).map(([a, i]) => getMasking(a, i)),
  fc
    .tuple(account, index, fc.integer({ min: 10, max: 120 }), fc.constantFrom(0, 120, 600))
    .map(([a, i, r, e]) => updateMasking(a, i, r, e)),
  fc.tuple(account, index).map(([a, i]) => deleteMasking(a, i)),
  fc
    .tuple(
      account,
      fc.constantFrom('all' as const, 'active' as const, 'expired' as const),
      fc.integer({ min: 1, max: 4 }),
      fc.nat(4),
    )
    .map(([a, f, l, o]) => listMasking(a, f, l, o)),
  fc.tuple(account, fc.nat(RECIPIENTS.length - 1)).map(([a, r]) => sendOtp(a, r)),
  fc.tuple(account, index).map(([a, i]) => getVerify(a, i)),
  fc.tuple(account, index, fc.boolean()).map(([a, i, right]) => validateOtp(a, i, right)),
  fc
    .tuple(account, index, fc.integer({ min: 3, max: 11 }), fc.boolean())
    .map(([a, i, times, right]) => validateRepeatedly(a, i, times, right)),
  fc
    .tuple(
      account,
      fc.constantFrom(undefined, 'in-progress' as const, 'verified' as const, 'expired' as const),
    )
    .map(([a, f]) => listVerify(a, f)),
  // Steps that land exactly on the lifetimes in play (60 s ... 30 min, Verify's 10 min), and any step.
  fc
    .oneof(
      fc.constantFrom(1_000, 59_000, 60_000, 120_000, 300_000, 600_000, 1_800_000),
      fc.integer({ min: 1, max: 35 * 60_000 }),
    )
    .map(advanceTime),
];

it('agrees with the model after every step, and every answer is a documented one', async () => {
  await fc.assert(
    fc.asyncProperty(fc.commands(commands, { maxCommands: 50, size: 'max' }), async (sequence) => {
      mock().reset();
      const model: Model = {
        now: 0,
        masking: Object.fromEntries(ACCOUNTS.map((a) => [a, []])),
        verify: Object.fromEntries(ACCOUNTS.map((a) => [a, []])),
      };
      await fc.asyncModelRun(() => ({ model, real: null }), sequence);
    }),
    { numRuns: 50 },
  );
}, 300_000);
