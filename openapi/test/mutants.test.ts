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
    name: 'Error',
    schemaPointer: pointer('components', 'schemas', 'Error'),
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
