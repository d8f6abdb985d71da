// What callers see at compile time. Checked by tsc as part of `vitest run` (typecheck is on).
import { describe, expectTypeOf, it } from 'vitest';
import {
  createPlivoClient,
  type MaskingInteraction,
  type MaskingSession,
  type PlivoApiError,
  type PlivoClient,
  type PlivoError,
  type VerifyAttempt,
  type VerifyAttemptCharge,
  type VerifySession,
  type VerifySessionResponse,
  type WithApiId,
} from '../../src/index.js';

declare const client: PlivoClient;
const uuid = 'fc145a33-778a-461f-af09-39438ca10fcf';
const authId = 'MANJUXXVOICEZZAPI908';

describe('schema types', () => {
  it('pin_retry_wait is an integer or null, and may be absent', () => {
    expectTypeOf<MaskingSession['pin_retry_wait']>().toEqualTypeOf<number | null | undefined>();
  });

  it('Verify charges are decimal strings, not numbers', () => {
    expectTypeOf<VerifySession['charges']['total_charge']>().toEqualTypeOf<string>();
    expectTypeOf<VerifySession['charges']['validation_charge']>().toEqualTypeOf<string>();
    expectTypeOf<VerifyAttemptCharge['charge']>().toEqualTypeOf<string>();
  });

  it('masking money is a number', () => {
    expectTypeOf<MaskingSession['amount']>().toEqualTypeOf<number>();
  });

  it('interaction, attempt_details and attempt_charges are arrays or null', () => {
    expectTypeOf<MaskingSession['interaction']>().toEqualTypeOf<MaskingInteraction[] | null>();
    expectTypeOf<VerifySession['attempt_details']>().toEqualTypeOf<VerifyAttempt[] | null>();
    expectTypeOf<VerifySession['charges']['attempt_charges']>().toEqualTypeOf<VerifyAttemptCharge[] | null>();
  });

  it('masking status is the documented union', () => {
    expectTypeOf<MaskingSession['status']>().toEqualTypeOf<'active' | 'in-progress' | 'expired'>();
  });

  it('the error body has a required message and an optional api_id', () => {
    expectTypeOf<PlivoError['error']>().toEqualTypeOf<string>();
    expectTypeOf<PlivoError['api_id']>().toEqualTypeOf<string | undefined>();
  });
});

describe('convenience methods', () => {
  it('maskingSessions.get returns the unwrapped session with api_id', () => {
    expectTypeOf(client.maskingSessions.get(uuid)).resolves.toEqualTypeOf<WithApiId<MaskingSession>>();
    expectTypeOf(client.maskingSessions.get(uuid)).resolves.toHaveProperty('api_id').toEqualTypeOf<string>();
    expectTypeOf(client.maskingSessions.get(uuid)).resolves.not.toHaveProperty('response');
  });

  it('verifySessions.get returns the flat session, assignable to the response type', () => {
    expectTypeOf(client.verifySessions.get(uuid)).resolves.toEqualTypeOf<WithApiId<VerifySession>>();
    expectTypeOf(client.verifySessions.get(uuid)).resolves.toExtend<VerifySessionResponse>();
  });

  it('take a signal and nothing unknown', () => {
    client.verifySessions.get(uuid, { signal: AbortSignal.timeout(1000) });
    // @ts-expect-error not an option of a call
    client.verifySessions.get(uuid, { timeout: 5 });
    // @ts-expect-error the session UUID is required
    client.verifySessions.get();
  });
});

describe('raw client', () => {
  it('is typed for every path in the spec', async () => {
    const masking = await client.raw.GET('/v1/Account/{auth_id}/Masking/Session/{session_uuid}', {
      params: { path: { auth_id: authId, session_uuid: uuid } },
    });
    expectTypeOf(masking.data).toEqualTypeOf<{ api_id: string; response: MaskingSession } | undefined>();
    if (masking.error) expectTypeOf(masking.error).toEqualTypeOf<PlivoError>();

    const verify = await client.raw.GET('/v1/Account/{auth_id}/Verify/Session/{session_uuid}/', {
      params: { path: { auth_id: authId, session_uuid: uuid } },
    });
    // openapi-fetch maps the body type through its Readable<> helper, so compare by shape.
    expectTypeOf(verify.data).toExtend<VerifySessionResponse | undefined>();
    expectTypeOf<NonNullable<typeof verify.data>['api_id']>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<typeof verify.data>['charges']['total_charge']>().toEqualTypeOf<string>();
  });

  it('refuses an unknown path, a path without its trailing slash, and a method the spec lacks', () => {
    // @ts-expect-error not a path of the spec
    client.raw.GET('/v1/Account/{auth_id}/Call/', { params: { path: { auth_id: authId } } });
    // @ts-expect-error the Verify path ends in a slash
    client.raw.GET('/v1/Account/{auth_id}/Verify/Session/{session_uuid}', {
      params: { path: { auth_id: authId, session_uuid: uuid } },
    });
    // @ts-expect-error the spec has no PATCH
    client.raw.PATCH('/v1/Account/{auth_id}/Masking/Session/{session_uuid}', {
      params: { path: { auth_id: authId, session_uuid: uuid } },
    });
  });

  it('requires the path parameters', () => {
    const masking = '/v1/Account/{auth_id}/Masking/Session/{session_uuid}';
    const withoutSessionUuid = { path: { auth_id: authId } };
    // @ts-expect-error session_uuid is missing
    client.raw.GET(masking, { params: withoutSessionUuid });
  });
});

describe('options and errors', () => {
  it('options are typed', () => {
    createPlivoClient({ timeoutMs: 5000, maxRetries: 0, headers: { 'X-Trace': '1' }, userAgent: 'app/1' });
    // @ts-expect-error timeoutMs is a number
    createPlivoClient({ timeoutMs: '5000' });
    // @ts-expect-error unknown option
    createPlivoClient({ apiKey: 'x' });
  });

  it('errors carry their fields', () => {
    expectTypeOf<PlivoApiError['status']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<PlivoApiError['apiId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<PlivoApiError['error']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<PlivoApiError['url']>().toEqualTypeOf<string>();
  });
});
