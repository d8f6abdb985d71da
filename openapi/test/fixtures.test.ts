// Every real response body in Plivo's SDK fixtures must validate against the bundled spec.
import { describe, expect, it } from 'vitest';
import { listFixtureFiles, readFixture, referenceAvailable } from './support/reference';
import {
  describeErrors,
  type Json,
  loadBundle,
  makeValidator,
  pointer,
  responseSchemaPointer,
  successStatus,
} from './support/spec';

const hasReference = referenceAvailable(
  "openapi/test/fixtures.test.ts (Plivo's real responses against the spec)",
);
const spec = loadBundle();
const validator = makeValidator(spec);

// Every fixture file, with the operation and status whose response it is (OPERATIONS.md maps them). Add new
// files here: the first test fails while a fixture on disk is missing from this table.
const FIXTURES: ReadonlyArray<readonly [file: string, operationId: string, status: string]> = [
  ['plivo-go/getMaskingSessionResponse.json', 'getMaskingSession', '200'],
  ['plivo-java/maskingSessionGetResponse.json', 'getMaskingSession', '200'],
  ['plivo-php/maskingSessionGetResponse.json', 'getMaskingSession', '200'],
  ['plivo-python/maskingSessionGetResponse.json', 'getMaskingSession', '200'],
  ['plivo-go/createMaskingSessionResponse.json', 'createMaskingSession', '201'],
  ['plivo-java/maskingSessionCreateResponse.json', 'createMaskingSession', '201'],
  ['plivo-php/maskingSessionCreateResponse.json', 'createMaskingSession', '201'],
  ['plivo-python/maskingSessionCreateResponse.json', 'createMaskingSession', '201'],
  ['plivo-go/listMaskingSessionResponse.json', 'listMaskingSessions', '200'],
  ['plivo-java/maskingSessionListResponse.json', 'listMaskingSessions', '200'],
  ['plivo-php/maskingSessionListResponse.json', 'listMaskingSessions', '200'],
  ['plivo-python/maskingSessionListResponse.json', 'listMaskingSessions', '200'],
  ['plivo-go/updateMaskingSessionResponse.json', 'updateMaskingSession', '200'],
  ['plivo-java/maskingSessionUpdateResponse.json', 'updateMaskingSession', '200'],
  ['plivo-php/maskingSessionUpdateResponse.json', 'updateMaskingSession', '200'],
  ['plivo-python/maskingSessionUpdateResponse.json', 'updateMaskingSession', '200'],
  ['plivo-go/deleteMaskingSessionResponse.json', 'deleteMaskingSession', '200'],
  // Not a success: Plivo's answer to expiring a session that has already expired (`Session already expired`).
  ['plivo-java/maskingSessionDeleteResponse.json', 'deleteMaskingSession', '400'],
  ['plivo-php/maskingSessionDeleteResponse.json', 'deleteMaskingSession', '200'],
  ['plivo-python/maskingSessionDeleteResponse.json', 'deleteMaskingSession', '200'],
  ['plivo-go/verifySessionSendResponse.json', 'createVerifySession', '202'],
  ['plivo-java/createSession.json', 'createVerifySession', '202'],
  ['plivo-php/verifySessionCreateResponse.json', 'createVerifySession', '202'],
  ['plivo-go/verifySessionGetResponse.json', 'getVerifySession', '200'],
  ['plivo-java/getSession.json', 'getVerifySession', '200'],
  ['plivo-php/verifySessionGetResponse.json', 'getVerifySession', '200'],
  ['plivo-python/sessionGetResponse.json', 'getVerifySession', '200'],
  ['plivo-go/verifySessionListResponse.json', 'listVerifySessions', '200'],
  ['plivo-java/listSession.json', 'listVerifySessions', '200'],
  ['plivo-php/verifySessionListResponse.json', 'listVerifySessions', '200'],
  ['plivo-python/sessionListResponse.json', 'listVerifySessions', '200'],
  ['plivo-go/verifySessionValidateResponse.json', 'validateVerifySession', '200'],
  ['plivo-php/verifySessionValidateResponse.json', 'validateVerifySession', '200'],
];

/** The fixtures of one operation and status. */
const fixturesOf = (operationId: string, status: string): string[] =>
  FIXTURES.filter(([, id, code]) => id === operationId && code === status).map(([file]) => file);

describe.skipIf(!hasReference)('every real response validates against its operation', () => {
  it('every fixture on disk is in the table (none forgotten), and every table entry exists', () => {
    expect(listFixtureFiles()).toEqual(FIXTURES.map(([file]) => file).sort());
  });

  it('every operation of the spec has real success responses in the table', () => {
    const operationIds = Object.values<Json>(spec.paths).flatMap((item) =>
      Object.values<Json>(item)
        .map((operation) => operation?.operationId)
        .filter(Boolean),
    );
    expect(operationIds).toHaveLength(9);
    for (const operationId of operationIds) {
      expect(fixturesOf(operationId, successStatus(spec, operationId)), operationId).not.toEqual([]);
    }
  });

  it.each(FIXTURES)('%s validates against the %s %s response', (file, operationId, status) => {
    const validate = validator.at(responseSchemaPointer(spec, operationId, status));
    expect(validate(readFixture(file)), describeErrors(validate.errors)).toBe(true);
  });

  it.each(FIXTURES.filter(([, , status]) => status.startsWith('2')))(
    '%s, a success, carries no `error`',
    (file) => {
      expect(readFixture(file)).not.toHaveProperty('error');
    },
  );
});

// The same resources appear in the list, create and update fixtures. They are not GET bodies, but the session
// objects inside them are the same schema, and `required` is computed over all of them.
interface Samples {
  maskingGetBodies: Json[];
  maskingSessions: Array<[string, Json]>;
  interactions: Json[];
  verifyGetBodies: Json[];
  verifySessions: Array<[string, Json]>;
  attempts: Json[];
  charges: Json[];
  attemptCharges: Json[];
}

function collectSamples(files: string[]): Samples {
  const s: Samples = {
    maskingGetBodies: [],
    maskingSessions: [],
    interactions: [],
    verifyGetBodies: [],
    verifySessions: [],
    attempts: [],
    charges: [],
    attemptCharges: [],
  };
  for (const file of files) {
    const body = readFixture(file);
    if (/masking/i.test(file)) {
      const sessions: Json[] = [];
      if (Array.isArray(body.response?.objects)) sessions.push(...body.response.objects);
      else if (body.response?.session_uuid !== undefined) {
        sessions.push(body.response);
        s.maskingGetBodies.push(body);
      }
      if (body.session) sessions.push(body.session);
      for (const [i, session] of sessions.entries()) {
        s.maskingSessions.push([`${file} #${i}`, session]);
        s.interactions.push(...(session.interaction ?? []));
      }
    } else {
      const sessions: Json[] = [];
      if (Array.isArray(body.sessions)) sessions.push(...body.sessions);
      else if (body.app_uuid !== undefined) {
        sessions.push(body);
        s.verifyGetBodies.push(body);
      }
      for (const [i, session] of sessions.entries()) {
        s.verifySessions.push([`${file} #${i}`, session]);
        s.attempts.push(...(session.attempt_details ?? []));
        s.charges.push(session.charges);
        s.attemptCharges.push(...(session.charges?.attempt_charges ?? []));
      }
    }
  }
  return s;
}

const samples = collectSamples(hasReference ? listFixtureFiles() : []);

/** The keys that every one of `objects` carries, sorted. */
function keysInEvery(objects: Json[]): string[] {
  expect(objects.length).toBeGreaterThan(0);
  const [first, ...rest] = objects;
  return Object.keys(first)
    .filter((key) => rest.every((o) => Object.hasOwn(o, key)))
    .sort();
}

const schema = (name: string): Json => spec.components.schemas[name];
const requiredOf = (name: string): string[] => [...(schema(name).required ?? [])].sort();

describe.skipIf(!hasReference)('session objects in every fixture (GET, list, create, update)', () => {
  it.each(samples.maskingSessions)('masking session in %s validates against MaskingSession', (_, session) => {
    const validate = validator.at(pointer('components', 'schemas', 'MaskingSession'));
    expect(validate(session), describeErrors(validate.errors)).toBe(true);
  });

  it.each(samples.verifySessions)('verify session in %s validates against VerifySession', (_, session) => {
    const validate = validator.at(pointer('components', 'schemas', 'VerifySession'));
    expect(validate(session), describeErrors(validate.errors)).toBe(true);
  });
});

describe.skipIf(!hasReference)(
  '`required` is exactly the set of fields that every real object carries',
  () => {
    it.each([
      ['MaskingSessionResponse', () => samples.maskingGetBodies],
      ['MaskingSession', () => samples.maskingSessions.map(([, o]) => o)],
      ['VerifySession', () => samples.verifySessions.map(([, o]) => o)],
      ['VerifyAttempt', () => samples.attempts],
      ['VerifyCharges', () => samples.charges],
      ['VerifyAttemptCharge', () => samples.attemptCharges],
    ] as const)('%s', (name, objects) => {
      expect(requiredOf(name)).toEqual(keysInEvery(objects()));
    });

    // The reference says most call-leg fields are optional, and only one real interaction exists; so here
    // `required` is a deliberate subset of what that interaction carries (see MaskingInteraction.yaml).
    it('MaskingInteraction requires only fields every real interaction carries', () => {
      const carried = keysInEvery(samples.interactions);
      expect(requiredOf('MaskingInteraction')).toEqual(['duration', 'total_call_count']);
      for (const field of requiredOf('MaskingInteraction')) expect(carried).toContain(field);
    });

    // The bodies of the other operations: each named schema requires what every real body of its operation has.
    const bodies = (operationId: string, status: string) =>
      fixturesOf(operationId, status).map((file) => readFixture(file));
    it.each([
      ['MaskingSessionCreateResponse', () => bodies('createMaskingSession', '201')],
      ['MaskingSessionUpdateResponse', () => bodies('updateMaskingSession', '200')],
      ['MaskingSessionDeleteResponse', () => bodies('deleteMaskingSession', '200')],
      ['MaskingSessionList', () => bodies('listMaskingSessions', '200')],
      ['MaskingSessionListMeta', () => bodies('listMaskingSessions', '200').map((b) => b.response.meta)],
      ['VerifySessionCreateResponse', () => bodies('createVerifySession', '202')],
      ['VerifySessionValidateResponse', () => bodies('validateVerifySession', '200')],
      ['VerifySessionList', () => bodies('listVerifySessions', '200')],
      ['VerifySessionListMeta', () => bodies('listVerifySessions', '200').map((b) => b.meta)],
    ] as const)('%s', (name, objects) => {
      expect(requiredOf(name)).toEqual(keysInEvery(objects()));
    });

    it('MaskingSessionList `response`: meta and objects; list items: MaskingSession plus resource_uri', () => {
      const lists = bodies('listMaskingSessions', '200');
      const page = schema('MaskingSessionList').properties.response;
      expect([...page.required].sort()).toEqual(keysInEvery(lists.map((b) => b.response)));
      const items = lists.flatMap((b) => b.response.objects);
      const extra = schema('MaskingSessionListItem').allOf.flatMap((part: Json) => part.required ?? []);
      expect(extra).toEqual(['resource_uri']);
      expect(keysInEvery(items)).toEqual(expect.arrayContaining([...requiredOf('MaskingSession'), ...extra]));
    });

    it('VerifySessionResponse (the GET body): VerifySession plus api_id', () => {
      const extra = schema('VerifySessionResponse').allOf.flatMap((part: Json) => part.required ?? []);
      expect([...requiredOf('VerifySession'), ...extra].sort()).toEqual(keysInEvery(samples.verifyGetBodies));
    });
  },
);
