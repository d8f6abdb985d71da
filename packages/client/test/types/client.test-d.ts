// What callers see at compile time. Checked by tsc as part of `vitest run` (typecheck is on).
import { describe, expectTypeOf, it } from 'vitest';
import {
  type AbortError,
  createPlivoClient,
  type InvalidResponseError,
  type MaskingInteraction,
  type MaskingSession,
  type MaskingSessionCreateResponse,
  type MaskingSessionDeleteResponse,
  type MaskingSessionListItem,
  type MaskingSessionListMeta,
  type MaskingSessionResponse,
  type MaskingSessionUpdateResponse,
  type NotFoundError,
  type operations,
  type Page,
  type PagePromise,
  type PlivoApiError,
  type PlivoClient,
  type PlivoError,
  type RateLimitError,
  type ServerError,
  type TimeoutError,
  type VerifyAttempt,
  type VerifyAttemptCharge,
  type VerifyCharges,
  type VerifySession,
  type VerifySessionCreateResponse,
  type VerifySessionListMeta,
  type VerifySessionResponse,
  type VerifySessionValidateResponse,
  type WithApiId,
  type WithHiddenApiId,
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

  it('a string the spec leaves open completes its known values and takes any other', () => {
    type Open<Known extends string> = Known | (string & {});
    expectTypeOf<VerifySession['status']>().toEqualTypeOf<Open<'in-progress' | 'verified' | 'expired'>>();
    expectTypeOf<VerifySession['channel']>().toEqualTypeOf<Open<'sms' | 'voice'>>();
    expectTypeOf<VerifyAttempt['channel']>().toEqualTypeOf<Open<'sms' | 'voice'>>();
    expectTypeOf<MaskingSession['callback_method']>().toEqualTypeOf<Open<'GET' | 'POST'>>();
    expectTypeOf<MaskingSession['recording_callback_method']>().toEqualTypeOf<Open<'GET' | 'POST'>>();
    expectTypeOf<MaskingSession['record_file_format']>().toEqualTypeOf<Open<'mp3' | 'wav'>>();
    expectTypeOf<MaskingSessionListItem['callback_method']>().toEqualTypeOf<Open<'GET' | 'POST'>>();
  });

  it('nested objects are the named types, so hovers and errors name them', () => {
    expectTypeOf<MaskingSessionCreateResponse['session']>().toEqualTypeOf<MaskingSession>();
    expectTypeOf<MaskingSessionUpdateResponse['session']>().toEqualTypeOf<MaskingSession>();
    expectTypeOf<MaskingSessionResponse['response']>().toEqualTypeOf<MaskingSession>();
    expectTypeOf<MaskingSessionListItem['interaction']>().toEqualTypeOf<MaskingInteraction[] | null>();
    expectTypeOf<VerifySessionResponse['charges']>().toEqualTypeOf<VerifyCharges>();
    expectTypeOf<VerifySessionResponse['attempt_details']>().toEqualTypeOf<VerifyAttempt[] | null>();
    // The list item keeps its own required resource_uri (optional on a fetched session).
    expectTypeOf<MaskingSessionListItem['resource_uri']>().toEqualTypeOf<string>();
  });

  it('the error body has a required message and an optional api_id', () => {
    expectTypeOf<PlivoError['error']>().toEqualTypeOf<string>();
    expectTypeOf<PlivoError['api_id']>().toEqualTypeOf<string | undefined>();
  });
});

describe('convenience methods', () => {
  it('maskingSessions.get returns the unwrapped session with api_id', () => {
    expectTypeOf(client.maskingSessions.get(uuid)).resolves.toEqualTypeOf<WithHiddenApiId<MaskingSession>>();
    expectTypeOf(client.maskingSessions.get(uuid)).resolves.toHaveProperty('api_id').toEqualTypeOf<string>();
    expectTypeOf(client.maskingSessions.get(uuid)).resolves.not.toHaveProperty('response');
  });

  it("maskingSessions.get's api_id is not in a spread copy's type, as it is not in the copy (non-enumerable)", async () => {
    const session = await client.maskingSessions.get(uuid);
    const copy = { ...session };
    expectTypeOf(copy).not.toHaveProperty('api_id');
    expectTypeOf(copy).toHaveProperty('status').toEqualTypeOf<MaskingSession['status']>();
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

describe('create, update, delete and validate', () => {
  it('take params with the wire names and resolve to the whole answer, api_id included', () => {
    const created = client.maskingSessions.create({
      first_party: '1',
      second_party: '2',
      session_expiry: 600,
    });
    expectTypeOf(created).resolves.toEqualTypeOf<MaskingSessionCreateResponse>();
    expectTypeOf(created).resolves.toHaveProperty('api_id').toEqualTypeOf<string>();
    expectTypeOf(created).resolves.toHaveProperty('session').toEqualTypeOf<MaskingSession>();
    expectTypeOf(
      client.maskingSessions.update(uuid, { record: true }),
    ).resolves.toEqualTypeOf<MaskingSessionUpdateResponse>();
    expectTypeOf(client.maskingSessions.delete(uuid)).resolves.toEqualTypeOf<MaskingSessionDeleteResponse>();
    expectTypeOf(client.maskingSessions.delete(uuid))
      .resolves.toHaveProperty('api_id')
      .toEqualTypeOf<string>();
    const sent = client.verifySessions.create({ recipient: '+919380013443', channel: 'voice' });
    expectTypeOf(sent).resolves.toEqualTypeOf<VerifySessionCreateResponse>();
    expectTypeOf(sent).resolves.toHaveProperty('session_uuid').toEqualTypeOf<string>();
    const validated = client.verifySessions.validate(uuid, '123456');
    expectTypeOf(validated).resolves.toEqualTypeOf<VerifySessionValidateResponse>();
    expectTypeOf(validated).resolves.toHaveProperty('api_id').toEqualTypeOf<string>();
  });

  it('refuse camelCase names, unknown enum values and missing required params', () => {
    // @ts-expect-error the wire name is first_party
    client.maskingSessions.create({ firstParty: '1', second_party: '2' });
    // @ts-expect-error record_file_format is mp3 or wav
    client.maskingSessions.create({ first_party: '1', second_party: '2', record_file_format: 'ogg' });
    // @ts-expect-error channel is sms or voice
    client.verifySessions.create({ recipient: '1', channel: 'fax' });
    // @ts-expect-error recipient is required
    client.verifySessions.create({ channel: 'sms' });
    // @ts-expect-error the code is a string (leading zeros matter)
    client.verifySessions.validate(uuid, 123456);
    // @ts-expect-error update takes the session UUID first
    client.maskingSessions.update({ record: true });
  });

  it('take per-call options', () => {
    client.maskingSessions.create(
      { first_party: '1', second_party: '2' },
      { maxRetries: 0, timeoutMs: 5000 },
    );
    client.verifySessions.validate(uuid, '1234', { signal: AbortSignal.timeout(1000) });
    client.verifySessions.get(uuid, { headers: { Prefer: 'code=404' } });
    client.maskingSessions.list({ status: 'active' }, { headers: [['Prefer', 'example=listPage']] });
    // @ts-expect-error a header value is a string
    client.verifySessions.get(uuid, { headers: { 'X-Count': 1 } });
  });
});

describe('optional fields set to undefined (left out of the request)', () => {
  it('are accepted in params and filters, as in the options of a call', () => {
    const maybe = undefined as string | undefined;
    client.maskingSessions.create({ first_party: '+1', second_party: '+2', callback_url: maybe });
    client.maskingSessions.update(uuid, { callback_url: maybe });
    client.verifySessions.create({ recipient: '+1', channel: undefined });
    client.verifySessions.list({ recipient: maybe });
    client.maskingSessions.list({ status: undefined });
    // @ts-expect-error a required field is still required
    client.verifySessions.create({ recipient: maybe });
  });
});

describe('list', () => {
  it('returns a page promise: awaited, the first page; iterated, every item', async () => {
    const masking = client.maskingSessions.list({ status: 'active', limit: 20, duration__gte: 60 });
    expectTypeOf(masking).toEqualTypeOf<PagePromise<MaskingSessionListItem, MaskingSessionListMeta>>();
    const page = await masking;
    expectTypeOf(page).toEqualTypeOf<Page<MaskingSessionListItem, MaskingSessionListMeta>>();
    expectTypeOf(page.data).toEqualTypeOf<MaskingSessionListItem[]>();
    expectTypeOf(page.meta.total_count).toEqualTypeOf<number>();
    expectTypeOf(page.api_id).toEqualTypeOf<string>();
    expectTypeOf(page.hasNextPage()).toEqualTypeOf<boolean>();
    expectTypeOf(page.nextPage()).resolves.toEqualTypeOf<
      Page<MaskingSessionListItem, MaskingSessionListMeta>
    >();
    for await (const session of client.maskingSessions.list()) {
      expectTypeOf(session).toEqualTypeOf<MaskingSessionListItem>();
      expectTypeOf(session.resource_uri).toEqualTypeOf<string>();
    }
    const verify = await client.verifySessions.list({
      status: 'verified',
      session_time__gte: '2024-01-01 00:00',
    });
    expectTypeOf(verify.data).toEqualTypeOf<VerifySession[]>();
    expectTypeOf(verify.meta).toEqualTypeOf<VerifySessionListMeta>();
    for await (const session of client.verifySessions.list()) {
      expectTypeOf(session).toEqualTypeOf<VerifySession>();
    }
  });

  it('can be faked by any promise of a page that is also async iterable (a test double needs no cast)', () => {
    const fakeList: PlivoClient['maskingSessions']['list'] = () =>
      Object.assign(Promise.resolve({} as Page<MaskingSessionListItem, MaskingSessionListMeta>), {
        async *[Symbol.asyncIterator]() {
          yield* [] as MaskingSessionListItem[];
        },
      });
    expectTypeOf(fakeList).returns.toExtend<PagePromise<MaskingSessionListItem, MaskingSessionListMeta>>();
    // Its iterator is an async generator, as before it was an interface: `return()` is there to call.
    expectTypeOf(client.maskingSessions.list()[Symbol.asyncIterator]().return).toBeFunction();
    // And the other way: it can be passed where a Promise of its first page is taken.
    expectTypeOf(client.maskingSessions.list()).toExtend<
      Promise<Page<MaskingSessionListItem, MaskingSessionListMeta>>
    >();
  });

  it('refuses filters the API does not have and values it does not take', () => {
    // @ts-expect-error not a masking list filter
    client.maskingSessions.list({ recipient: '1' });
    // @ts-expect-error masking status is active, in-progress, expired or all
    client.maskingSessions.list({ status: 'verified' });
    // @ts-expect-error limit is a number
    client.verifySessions.list({ limit: '20' });
  });
});

describe('raw client', () => {
  it('is typed for every path in the spec', async () => {
    const masking = await client.raw.GET('/v1/Account/{auth_id}/Masking/Session/{session_uuid}', {
      params: { path: { auth_id: authId, session_uuid: uuid } },
    });
    expectTypeOf<
      Same<typeof masking.data, { api_id: string; response: MaskingSession } | undefined>
    >().toEqualTypeOf<true>();
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
    expectTypeOf<PlivoApiError['mayHaveBeenProcessed']>().toEqualTypeOf<boolean>();
  });

  it("a class's status is the one it stands for, or undefined when no answer arrived", () => {
    expectTypeOf<NotFoundError['status']>().toEqualTypeOf<404>();
    expectTypeOf<RateLimitError['status']>().toEqualTypeOf<429>();
    expectTypeOf<ServerError['status']>().toEqualTypeOf<number>();
    expectTypeOf<InvalidResponseError['status']>().toEqualTypeOf<number>();
    expectTypeOf<TimeoutError['status']>().toEqualTypeOf<undefined>();
    expectTypeOf<AbortError['status']>().toEqualTypeOf<undefined>();
  });
});

// The friendly types name schemas; these tie each method to its operation instead, so that a spec change that
// points an operation at another schema fails here rather than compiling against the old one.
type Json<Content> = Content extends { content: { 'application/json': infer Body } } ? Body : never;
type Success<Op extends keyof operations> = Json<
  operations[Op]['responses'][Extract<keyof operations[Op]['responses'], 200 | 201 | 202>]
>;
type RequestBody<Op extends keyof operations> = Json<NonNullable<operations[Op]['requestBody']>>;
type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;
type Resolved<Method extends (...args: never[]) => unknown> = Awaited<ReturnType<Method>>;
type Arg<Method extends (...args: never[]) => unknown, Index extends number> = NonNullable<
  Parameters<Method>[Index]
>;
/** Each assignable to the other (an interface and the schema it names are not "identical" to the compiler). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type RequiredKeys<T> = { [K in keyof T]-?: Partial<Pick<T, K>> extends Pick<T, K> ? never : K }[keyof T];
/** The same fields, required where the spec requires them, and every body the spec allows accepted. */
type SameFields<Given, Body> = [
  Same<keyof Given, keyof Body>,
  Same<RequiredKeys<Given>, RequiredKeys<Body>>,
  Body extends Given ? true : false,
];
type AllTrue = [true, true, true];
type Masking = PlivoClient['maskingSessions'];
type Verify = PlivoClient['verifySessions'];

describe("each method's types are its operation's", () => {
  it('results: the success body, or the part of it the method unwraps', () => {
    // Where the method adds to the body's type (a readonly api_id, a page), both ways assignable, and not any.
    expectTypeOf<Resolved<Masking['get']>>().not.toBeAny();
    expectTypeOf<Resolved<Verify['get']>>().not.toBeAny();
    expectTypeOf<Resolved<Masking['create']>>().not.toBeAny();
    expectTypeOf<Resolved<Masking['update']>>().not.toBeAny();
    expectTypeOf<Same<Resolved<Masking['create']>, Success<'createMaskingSession'>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Resolved<Masking['update']>, Success<'updateMaskingSession'>>>().toEqualTypeOf<true>();
    expectTypeOf<Resolved<Masking['delete']>>().toEqualTypeOf<Success<'deleteMaskingSession'>>();
    expectTypeOf<
      Same<Omit<Resolved<Masking['get']>, 'api_id'>, Success<'getMaskingSession'>['response']>
    >().toEqualTypeOf<true>();
    expectTypeOf<Resolved<Verify['create']>>().toEqualTypeOf<Success<'createVerifySession'>>();
    expectTypeOf<Same<Resolved<Verify['get']>, Success<'getVerifySession'>>>().toEqualTypeOf<true>();
    expectTypeOf<Resolved<Verify['validate']>>().toEqualTypeOf<Success<'validateVerifySession'>>();
  });

  it('list items and meta: those of the list body (a Verify page of `sessions: null` is empty)', () => {
    type MaskingPage = Resolved<Masking['list']>;
    type VerifyPage = Resolved<Verify['list']>;
    type MaskingBody = Success<'listMaskingSessions'>['response'];
    type VerifyBody = Success<'listVerifySessions'>;
    expectTypeOf<Same<MaskingPage['data'], MaskingBody['objects']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<MaskingPage['meta'], MaskingBody['meta']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<VerifyPage['data'], NonNullable<VerifyBody['sessions']>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<VerifyPage['meta'], VerifyBody['meta']>>().toEqualTypeOf<true>();
  });

  it('params and filters: the fields of the request body or query, required where the spec requires them', () => {
    expectTypeOf<
      SameFields<Arg<Masking['create'], 0>, RequestBody<'createMaskingSession'>>
    >().toEqualTypeOf<AllTrue>();
    expectTypeOf<
      SameFields<Arg<Masking['update'], 1>, RequestBody<'updateMaskingSession'>>
    >().toEqualTypeOf<AllTrue>();
    expectTypeOf<
      SameFields<Arg<Verify['create'], 0>, RequestBody<'createVerifySession'>>
    >().toEqualTypeOf<AllTrue>();
    expectTypeOf<Arg<Verify['validate'], 1>>().toEqualTypeOf<RequestBody<'validateVerifySession'>['otp']>();
    expectTypeOf<
      SameFields<Arg<Masking['list'], 0>, Query<'listMaskingSessions'>>
    >().toEqualTypeOf<AllTrue>();
    expectTypeOf<SameFields<Arg<Verify['list'], 0>, Query<'listVerifySessions'>>>().toEqualTypeOf<AllTrue>();
  });
});
