// Bodies that are wrong in type, format or shape must be rejected, and the error must point at the field.
// Each mutant starts from one of the spec's own named examples (which is valid), breaks one field, and names
// the JSON pointer of that field.
import { describe, expect, it } from 'vitest';
import {
  describeErrors,
  errorLocations,
  type Json,
  loadBundle,
  makeValidator,
  okSchemaPointer,
  pointer,
  responseSchemaPointer,
} from './support/spec';

const spec = loadBundle();
const validator = makeValidator(spec);

interface Mutant {
  /** What is wrong, in words. */
  what: string;
  /** JSON pointer of the broken field in the body. */
  field: string;
  mutate: (body: Json) => void;
}

interface Target {
  name: string;
  schemaPointer: string;
  base: () => Json;
  mutants: Mutant[];
}

/** A fresh copy of a named example under components/examples. */
const example = (name: string): Json => structuredClone(spec.components.examples[name].value);
const MASKING_BASE = 'MaskingSessionReferencePage';
const VERIFY_BASE = 'VerifySessionReferencePage';

const callLeg = () => ({
  start_time: '2024-05-29 04:47:18 +0000 UTC',
  end_time: '2024-05-29 04:47:49 +0000 UTC',
  first_party_resource_url: 'https://api.plivo.com/v1/Account/MANJUXXVOICEZZAPI908/Call/19e00290',
  second_party_resource_url: 'https://api.plivo.com/v1/Account/MANJUXXVOICEZZAPI908/Call/e6d7a9db',
  type: 'call',
  total_call_amount: 0.025,
  call_billed_duration: 30,
  total_call_count: 2,
  duration: 48,
});

const targets: Target[] = [
  {
    name: 'getMaskingSession 200',
    schemaPointer: okSchemaPointer(spec, 'getMaskingSession'),
    base: () => example(MASKING_BASE),
    mutants: [
      { what: 'api_id missing', field: '/api_id', mutate: (b) => delete b.api_id },
      { what: 'api_id not a UUID', field: '/api_id', mutate: (b) => (b.api_id = 'abc') },
      { what: 'response is null', field: '/response', mutate: (b) => (b.response = null) },
      {
        what: 'session_uuid missing',
        field: '/response/session_uuid',
        mutate: (b) => delete b.response.session_uuid,
      },
      {
        what: 'session_uuid a number',
        field: '/response/session_uuid',
        mutate: (b) => (b.response.session_uuid = 42),
      },
      {
        what: 'status an object',
        field: '/response/status',
        mutate: (b) => (b.response.status = { value: 'active' }),
      },
      {
        what: 'status not a known value',
        field: '/response/status',
        mutate: (b) => (b.response.status = 'Active'),
      },
      {
        what: 'total_call_count a string',
        field: '/response/total_call_count',
        mutate: (b) => (b.response.total_call_count = '0'),
      },
      {
        what: 'duration not an integer',
        field: '/response/duration',
        mutate: (b) => (b.response.duration = 1800.5),
      },
      { what: 'amount a string', field: '/response/amount', mutate: (b) => (b.response.amount = '0') },
      {
        what: 'total_session_amount a string',
        field: '/response/total_session_amount',
        mutate: (b) => (b.response.total_session_amount = '0.025'),
      },
      { what: 'record a string', field: '/response/record', mutate: (b) => (b.response.record = 'false') },
      {
        what: 'pin_retry_wait a string (as the docs show)',
        field: '/response/pin_retry_wait',
        mutate: (b) => (b.response.pin_retry_wait = '5'),
      },
      {
        what: 'pin_retry a string',
        field: '/response/pin_retry',
        mutate: (b) => (b.response.pin_retry = '2'),
      },
      {
        what: 'generate_pin a string',
        field: '/response/generate_pin',
        mutate: (b) => (b.response.generate_pin = 'false'),
      },
      {
        what: 'pin_prompt_play a number',
        field: '/response/pin_prompt_play',
        mutate: (b) => (b.response.pin_prompt_play = 1),
      },
      {
        what: 'created_time in RFC 3339 instead of the masking format',
        field: '/response/created_time',
        mutate: (b) => (b.response.created_time = '2024-01-25T12:00:00Z'),
      },
      {
        what: 'expiry_time without its zone',
        field: '/response/expiry_time',
        mutate: (b) => (b.response.expiry_time = '2024-01-31 14:20:49'),
      },
      {
        what: 'last_interaction_time null',
        field: '/response/last_interaction_time',
        mutate: (b) => (b.response.last_interaction_time = null),
      },
      {
        what: 'last_interaction_time free text',
        field: '/response/last_interaction_time',
        mutate: (b) => (b.response.last_interaction_time = 'never'),
      },
      {
        what: 'interaction a string',
        field: '/response/interaction',
        mutate: (b) => (b.response.interaction = 'none'),
      },
      {
        what: 'interaction missing',
        field: '/response/interaction',
        mutate: (b) => delete b.response.interaction,
      },
      {
        what: 'interaction leg with a string total_call_amount',
        field: '/response/interaction/0/total_call_amount',
        mutate: (b) => (b.response.interaction = [{ ...callLeg(), total_call_amount: '0.025' }]),
      },
      {
        what: 'interaction leg with a non-integer call_billed_duration',
        field: '/response/interaction/0/call_billed_duration',
        mutate: (b) => (b.response.interaction = [{ ...callLeg(), call_billed_duration: 30.5 }]),
      },
      {
        what: 'interaction leg without duration',
        field: '/response/interaction/0/duration',
        mutate: (b) => {
          const { duration: _, ...leg } = callLeg();
          b.response.interaction = [leg];
        },
      },
    ],
  },
  {
    name: 'getVerifySession 200',
    schemaPointer: okSchemaPointer(spec, 'getVerifySession'),
    base: () => example(VERIFY_BASE),
    mutants: [
      { what: 'api_id missing', field: '/api_id', mutate: (b) => delete b.api_id },
      { what: 'session_uuid missing', field: '/session_uuid', mutate: (b) => delete b.session_uuid },
      {
        what: 'session_uuid not a UUID',
        field: '/session_uuid',
        mutate: (b) => (b.session_uuid = 'not-a-uuid'),
      },
      { what: 'app_uuid a number', field: '/app_uuid', mutate: (b) => (b.app_uuid = 7) },
      { what: 'count a string', field: '/count', mutate: (b) => (b.count = '1') },
      { what: 'count negative', field: '/count', mutate: (b) => (b.count = -1) },
      { what: 'status an object', field: '/status', mutate: (b) => (b.status = { code: 'expired' }) },
      { what: 'status null', field: '/status', mutate: (b) => (b.status = null) },
      {
        what: 'created_at in the masking format instead of RFC 3339',
        field: '/created_at',
        mutate: (b) => (b.created_at = '2023-09-06 13:02:46 +0000 UTC'),
      },
      { what: 'updated_at missing', field: '/updated_at', mutate: (b) => delete b.updated_at },
      {
        what: 'destination_network a number',
        field: '/destination_network',
        mutate: (b) => (b.destination_network = 5),
      },
      {
        what: 'destination_country_iso2 lower case',
        field: '/destination_country_iso2',
        mutate: (b) => (b.destination_country_iso2 = 'in'),
      },
      {
        what: 'attempt_details a string',
        field: '/attempt_details',
        mutate: (b) => (b.attempt_details = 'none'),
      },
      {
        what: 'attempt time not a date-time',
        field: '/attempt_details/0/time',
        mutate: (b) => (b.attempt_details[0].time = 'yesterday'),
      },
      {
        what: 'attempt status an object',
        field: '/attempt_details/0/status',
        mutate: (b) => (b.attempt_details[0].status = { value: 'answer' }),
      },
      { what: 'charges missing', field: '/charges', mutate: (b) => delete b.charges },
      { what: 'charges null', field: '/charges', mutate: (b) => (b.charges = null) },
      {
        what: 'total_charge a number',
        field: '/charges/total_charge',
        mutate: (b) => (b.charges.total_charge = 0.006),
      },
      {
        what: 'total_charge not a decimal',
        field: '/charges/total_charge',
        mutate: (b) => (b.charges.total_charge = '0,006'),
      },
      {
        what: 'validation_charge a number',
        field: '/charges/validation_charge',
        mutate: (b) => (b.charges.validation_charge = 0),
      },
      {
        what: 'attempt charge a number',
        field: '/charges/attempt_charges/0/charge',
        mutate: (b) => (b.charges.attempt_charges[0].charge = 0.006),
      },
      {
        what: 'attempt_charges missing',
        field: '/charges/attempt_charges',
        mutate: (b) => delete b.charges.attempt_charges,
      },
      {
        what: 'attempt charge without attempt_uuid',
        field: '/charges/attempt_charges/0/attempt_uuid',
        mutate: (b) => delete b.charges.attempt_charges[0].attempt_uuid,
      },
    ],
  },
  {
    name: 'createMaskingSession 201 (MaskingSessionCreateResponse)',
    schemaPointer: responseSchemaPointer(spec, 'createMaskingSession', '201'),
    base: () => example('MaskingSessionCreatedWithPin'),
    mutants: [
      { what: 'api_id missing', field: '/api_id', mutate: (b) => delete b.api_id },
      { what: 'session_uuid missing', field: '/session_uuid', mutate: (b) => delete b.session_uuid },
      { what: 'session_uuid empty', field: '/session_uuid', mutate: (b) => (b.session_uuid = '') },
      {
        what: 'virtual_number a number',
        field: '/virtual_number',
        mutate: (b) => (b.virtual_number = 916361728680),
      },
      { what: 'message missing', field: '/message', mutate: (b) => delete b.message },
      { what: 'session missing', field: '/session', mutate: (b) => delete b.session },
      { what: 'session null', field: '/session', mutate: (b) => (b.session = null) },
      {
        what: 'session.pin_retry_wait a string',
        field: '/session/pin_retry_wait',
        mutate: (b) => (b.session.pin_retry_wait = '7'),
      },
      {
        what: 'session.virtual_number_cooloff_period a string',
        field: '/session/virtual_number_cooloff_period',
        mutate: (b) => (b.session.virtual_number_cooloff_period = '3500'),
      },
      {
        what: 'session.force_pin_authentication a string',
        field: '/session/force_pin_authentication',
        mutate: (b) => (b.session.force_pin_authentication = 'true'),
      },
      {
        what: 'session.created_time in RFC 3339',
        field: '/session/created_time',
        mutate: (b) => (b.session.created_time = '2024-06-03T10:00:00Z'),
      },
    ],
  },
  {
    name: 'updateMaskingSession 200 (MaskingSessionUpdateResponse)',
    schemaPointer: responseSchemaPointer(spec, 'updateMaskingSession', '200'),
    base: () => example('MaskingSessionUpdatedWithInteraction'),
    mutants: [
      { what: 'api_id missing', field: '/api_id', mutate: (b) => delete b.api_id },
      { what: 'api_id not a UUID', field: '/api_id', mutate: (b) => (b.api_id = 'abc') },
      { what: 'message a number', field: '/message', mutate: (b) => (b.message = 200) },
      { what: 'session missing', field: '/session', mutate: (b) => delete b.session },
      {
        what: 'the session under `response` (the GET wrapper) instead of `session`',
        field: '/session',
        mutate: (b) => {
          b.response = b.session;
          delete b.session;
        },
      },
      {
        what: 'session.status upper case',
        field: '/session/status',
        mutate: (b) => (b.session.status = 'Active'),
      },
      {
        what: 'session.total_session_amount a string',
        field: '/session/total_session_amount',
        mutate: (b) => (b.session.total_session_amount = '0.0375'),
      },
      {
        what: 'interaction leg with a string duration',
        field: '/session/interaction/0/duration',
        mutate: (b) => (b.session.interaction[0].duration = '88'),
      },
    ],
  },
  {
    name: 'deleteMaskingSession 200 (MaskingSessionDeleteResponse)',
    schemaPointer: responseSchemaPointer(spec, 'deleteMaskingSession', '200'),
    base: () => example('MaskingSessionDeleted'),
    mutants: [
      { what: 'api_id missing', field: '/api_id', mutate: (b) => delete b.api_id },
      { what: 'api_id empty', field: '/api_id', mutate: (b) => (b.api_id = '') },
      { what: 'api_id a number', field: '/api_id', mutate: (b) => (b.api_id = 7) },
      { what: 'message missing', field: '/message', mutate: (b) => delete b.message },
      { what: 'message null', field: '/message', mutate: (b) => (b.message = null) },
    ],
  },
  {
    name: 'listMaskingSessions 200 (MaskingSessionList)',
    schemaPointer: responseSchemaPointer(spec, 'listMaskingSessions', '200'),
    base: () => example('MaskingSessionListPage'),
    mutants: [
      { what: 'api_id missing', field: '/api_id', mutate: (b) => delete b.api_id },
      { what: 'response missing', field: '/response', mutate: (b) => delete b.response },
      {
        what: 'the Verify list shape (flat meta and sessions)',
        field: '/response',
        mutate: (b) => {
          b.meta = b.response.meta;
          b.sessions = b.response.objects;
          delete b.response;
        },
      },
      { what: 'meta missing', field: '/response/meta', mutate: (b) => delete b.response.meta },
      { what: 'objects missing', field: '/response/objects', mutate: (b) => delete b.response.objects },
      { what: 'objects null', field: '/response/objects', mutate: (b) => (b.response.objects = null) },
      {
        what: 'meta.total_count missing (the Verify meta)',
        field: '/response/meta/total_count',
        mutate: (b) => delete b.response.meta.total_count,
      },
      {
        what: 'meta.total_count a string',
        field: '/response/meta/total_count',
        mutate: (b) => (b.response.meta.total_count = '2'),
      },
      { what: 'meta.limit 21', field: '/response/meta/limit', mutate: (b) => (b.response.meta.limit = 21) },
      {
        what: 'meta.offset negative',
        field: '/response/meta/offset',
        mutate: (b) => (b.response.meta.offset = -1),
      },
      {
        what: 'meta.next a number',
        field: '/response/meta/next',
        mutate: (b) => (b.response.meta.next = 20),
      },
      {
        what: 'meta.previous missing',
        field: '/response/meta/previous',
        mutate: (b) => delete b.response.meta.previous,
      },
      {
        what: 'an object without resource_uri',
        field: '/response/objects/1/resource_uri',
        mutate: (b) => delete b.response.objects[1].resource_uri,
      },
      {
        what: 'an object with a string duration',
        field: '/response/objects/0/duration',
        mutate: (b) => (b.response.objects[0].duration = '1800'),
      },
      {
        what: 'an object without session_uuid',
        field: '/response/objects/0/session_uuid',
        mutate: (b) => delete b.response.objects[0].session_uuid,
      },
    ],
  },
  {
    name: 'createVerifySession 202 (VerifySessionCreateResponse)',
    schemaPointer: responseSchemaPointer(spec, 'createVerifySession', '202'),
    base: () => example('VerifySessionInitiated'),
    mutants: [
      { what: 'api_id missing', field: '/api_id', mutate: (b) => delete b.api_id },
      { what: 'message missing', field: '/message', mutate: (b) => delete b.message },
      { what: 'session_uuid missing', field: '/session_uuid', mutate: (b) => delete b.session_uuid },
      {
        what: 'session_uuid not a UUID',
        field: '/session_uuid',
        mutate: (b) => (b.session_uuid = 'session-1'),
      },
      { what: 'session_uuid a number', field: '/session_uuid', mutate: (b) => (b.session_uuid = 1) },
    ],
  },
  {
    name: 'listVerifySessions 200 (VerifySessionList)',
    schemaPointer: responseSchemaPointer(spec, 'listVerifySessions', '200'),
    base: () => example('VerifySessionListPage'),
    mutants: [
      { what: 'api_id missing', field: '/api_id', mutate: (b) => delete b.api_id },
      { what: 'meta missing', field: '/meta', mutate: (b) => delete b.meta },
      { what: 'sessions missing', field: '/sessions', mutate: (b) => delete b.sessions },
      { what: 'sessions an object', field: '/sessions', mutate: (b) => (b.sessions = {}) },
      { what: 'meta.limit a string', field: '/meta/limit', mutate: (b) => (b.meta.limit = '2') },
      { what: 'meta.limit 0', field: '/meta/limit', mutate: (b) => (b.meta.limit = 0) },
      { what: 'meta.offset missing', field: '/meta/offset', mutate: (b) => delete b.meta.offset },
      { what: 'meta.next missing', field: '/meta/next', mutate: (b) => delete b.meta.next },
      { what: 'meta.next a number', field: '/meta/next', mutate: (b) => (b.meta.next = 2) },
      { what: 'meta.previous an object', field: '/meta/previous', mutate: (b) => (b.meta.previous = {}) },
      {
        what: 'a session with a numeric total_charge',
        field: '/sessions/0/charges/total_charge',
        mutate: (b) => (b.sessions[0].charges.total_charge = 0.045),
      },
      {
        what: 'a session without app_uuid',
        field: '/sessions/1/app_uuid',
        mutate: (b) => delete b.sessions[1].app_uuid,
      },
      {
        what: 'an attempt with a string dtmf',
        field: '/sessions/1/attempt_details/0/dtmf',
        mutate: (b) => (b.sessions[1].attempt_details[0].dtmf = '4'),
      },
    ],
  },
  {
    name: 'validateVerifySession 200 (VerifySessionValidateResponse)',
    schemaPointer: responseSchemaPointer(spec, 'validateVerifySession', '200'),
    base: () => example('VerifySessionValidated'),
    mutants: [
      { what: 'api_id missing', field: '/api_id', mutate: (b) => delete b.api_id },
      { what: 'message missing', field: '/message', mutate: (b) => delete b.message },
      { what: 'message a boolean', field: '/message', mutate: (b) => (b.message = true) },
      { what: 'session_uuid not a UUID', field: '/session_uuid', mutate: (b) => (b.session_uuid = 'x') },
    ],
  },
  {
    name: 'PlivoError',
    schemaPointer: pointer('components', 'schemas', 'PlivoError'),
    base: () => ({ api_id: 'a59512b2-b659-4b27-bfbe-3c053990e23c', error: 'not found' }),
    mutants: [
      { what: 'error missing', field: '/error', mutate: (b) => delete b.error },
      { what: 'error a number', field: '/error', mutate: (b) => (b.error = 404) },
      { what: 'api_id not a UUID', field: '/api_id', mutate: (b) => (b.api_id = 'request-1') },
    ],
  },
];

for (const { name, schemaPointer, base, mutants } of targets) {
  describe(`${name} rejects broken bodies`, () => {
    const validate = validator.at(schemaPointer);

    it('the unbroken base body is valid', () => {
      expect(validate(base()), describeErrors(validate.errors)).toBe(true);
    });

    it.each(mutants.map((m) => [`${m.field}: ${m.what}`, m] as const))('%s', (_, { field, mutate }) => {
      const body = base();
      mutate(body);
      expect(validate(body), `a body with ${field} broken was accepted`).toBe(false);
      expect(errorLocations(validate.errors), describeErrors(validate.errors)).toContain(field);
    });
  });
}
