// Every real response body in Plivo's SDK fixtures must validate against the bundled spec.
import { describe, expect, it } from 'vitest';
import { listFixtureFiles, readFixture, referenceAvailable } from './support/reference';
import {
  describeErrors,
  type Json,
  loadBundle,
  makeValidator,
  okSchemaPointer,
  pointer,
} from './support/spec';

const hasReference = referenceAvailable(
  "openapi/test/fixtures.test.ts (Plivo's real responses against the spec)",
);
const spec = loadBundle();
const validator = makeValidator(spec);

// The GET fixtures, each with the operation whose 200 response it is. Add new ones here.
const GET_FIXTURES: ReadonlyArray<readonly [file: string, operationId: string]> = [
  ['plivo-go/getMaskingSessionResponse.json', 'getMaskingSession'],
  ['plivo-java/maskingSessionGetResponse.json', 'getMaskingSession'],
  ['plivo-php/maskingSessionGetResponse.json', 'getMaskingSession'],
  ['plivo-python/maskingSessionGetResponse.json', 'getMaskingSession'],
  ['plivo-go/verifySessionGetResponse.json', 'getVerifySession'],
  ['plivo-java/getSession.json', 'getVerifySession'],
  ['plivo-php/verifySessionGetResponse.json', 'getVerifySession'],
  ['plivo-python/sessionGetResponse.json', 'getVerifySession'],
];

// A GET fixture is named `*Get*` or `get*` (e.g. `maskingSessionGetResponse.json`, `getSession.json`).
const isGetFixture = (file: string) => /Get|^get/.test(file.slice(file.lastIndexOf('/') + 1));

describe.skipIf(!hasReference)('GET fixtures', () => {
  it('every *Get* fixture on disk is in the table (none forgotten), and every table entry exists', () => {
    const onDisk = listFixtureFiles().filter(isGetFixture);
    expect(onDisk).toEqual(GET_FIXTURES.map(([file]) => file).sort());
  });

  it.each(GET_FIXTURES)('%s validates against the 200 schema of %s', (file, operationId) => {
    const validate = validator.at(okSchemaPointer(spec, operationId));
    const valid = validate(readFixture(file));
    expect(valid, describeErrors(validate.errors)).toBe(true);
  });
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

    it('VerifySessionResponse (the GET body): VerifySession plus api_id', () => {
      const extra = schema('VerifySessionResponse').allOf.flatMap((part: Json) => part.required ?? []);
      expect([...requiredOf('VerifySession'), ...extra].sort()).toEqual(keysInEvery(samples.verifyGetBodies));
    });
  },
);
