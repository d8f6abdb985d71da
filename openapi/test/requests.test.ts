// The requests Plivo's own SDKs send (OPERATIONS.md §3.1, §4, §5, §7, §9 of the reference describe them) must be
// accepted by the spec's request schemas: a mock serving this spec must not refuse a real client. Values out of
// the documented ranges, outside an enum or of the wrong type must be refused, at the field that is wrong.
import { describe, expect, it } from 'vitest';
import {
  describeErrors,
  errorLocations,
  type Json,
  loadBundle,
  makeValidator,
  operationById,
  pointer,
  requestSchemaPointer,
} from './support/spec';

const spec = loadBundle();
const validator = makeValidator(spec);
// Query strings carry text: a server reads `limit=20` as the integer 20, so the parameters are checked that way.
const queryValidator = makeValidator(spec, { coerceTypes: true });

const SESSION_UUID = '7f3e2d1c-4b5a-4968-8776-a5b4c3d2e1f0';

/** Every documented body field of each operation (Plivo's reference, OPERATIONS.md §3.1, §4, §7, §9). */
const DOCUMENTED_FIELDS: Record<string, string[]> = {
  createMaskingSession: [
    'first_party',
    'second_party',
    'geomatch',
    'subaccount',
    'session_expiry',
    'call_time_limit',
    'ring_timeout',
    'initiate_call_to_first_party',
    'callback_url',
    'callback_method',
    'record',
    'recording_callback_url',
    'record_file_format',
    'recording_callback_method',
    'first_party_play_url',
    'second_party_play_url',
    'is_pin_authentication_required',
    'generate_pin',
    'generate_pin_length',
    'first_party_pin',
    'second_party_pin',
    'pin_prompt_play',
    'pin_retry',
    'pin_retry_wait',
    'incorrect_pin_play',
    'unknown_caller_play',
    'force_pin_authentication',
    'create_session_with_single_party',
    'virtual_number_cooloff_period',
  ],
  updateMaskingSession: [
    'session_expiry',
    'call_time_limit',
    'ring_timeout',
    'callback_url',
    'callback_method',
    'record',
    'recording_callback_url',
    'record_file_format',
    'recording_callback_method',
    'first_party_play_url',
    'second_party_play_url',
    'first_party',
    'second_party',
  ],
  createVerifySession: [
    'recipient',
    'app_uuid',
    'channel',
    'url',
    'method',
    'locale',
    'brand_name',
    'app_hash',
    'code_length',
  ],
  validateVerifySession: ['otp'],
};

describe('request bodies', () => {
  it.each(Object.entries(DOCUMENTED_FIELDS))(
    '%s takes a JSON body with every documented field',
    (id, fields) => {
      const { operation } = operationById(spec, id);
      expect(Object.keys(operation.requestBody.content)).toEqual(['application/json']);
      expect(operation.requestBody.required).toBe(true);
      const ref: string = operation.requestBody.content['application/json'].schema.$ref;
      const properties = Object.keys(spec.components.schemas[ref.split('/').pop() as string].properties);
      expect(properties).toEqual(expect.arrayContaining(fields));
    },
  );

  it('deleteMaskingSession takes no body (the Python SDK sends one anyway; it is not needed)', () => {
    expect(operationById(spec, 'deleteMaskingSession').operation.requestBody).toBeUndefined();
  });

  it('no request schema closes itself to extra keys (SDKs send keys Plivo does not document)', () => {
    for (const id of Object.keys(DOCUMENTED_FIELDS)) {
      const ref: string = operationById(spec, id).operation.requestBody.content['application/json'].schema
        .$ref;
      const schema = spec.components.schemas[ref.split('/').pop() as string];
      expect(schema.additionalProperties, id).toBeUndefined();
      expect(schema.unevaluatedProperties, id).toBeUndefined();
    }
  });
});

/** What a real client sends, with where the shape comes from. */
type Accepted = readonly [who: string, body: Json];
/** A body that must be refused, and the JSON pointer of the field the error must name. */
type Rejected = readonly [what: string, field: string, body: Json];

interface RequestCases {
  accepted: Accepted[];
  rejected: Rejected[];
}

/** An https URL of exactly `length` characters (Plivo refuses one of 1000 or more). */
const urlOfLength = (length: number) => {
  const start = 'https://example.com/';
  return start + 'a'.repeat(length - start.length);
};

const PARTIES = { first_party: '917708772011', second_party: '919976106830' };

const CASES: Record<string, RequestCases> = {
  createMaskingSession: {
    accepted: [
      ['the reference: two parties only', PARTIES],
      [
        'JAVA: every unset number as 0, every unset flag as false, geomatch true',
        {
          ...PARTIES,
          session_expiry: 0,
          call_time_limit: 0,
          ring_timeout: 0,
          virtual_number_cooloff_period: 0,
          generate_pin_length: 0,
          pin_retry: 0,
          pin_retry_wait: 0,
          geomatch: true,
          initiate_call_to_first_party: false,
          record: false,
          is_pin_authentication_required: false,
          generate_pin: false,
          force_pin_authentication: false,
          create_session_with_single_party: false,
        },
      ],
      [
        'JAVA: one party, second_party sent empty',
        { first_party: '917708772011', second_party: '', create_session_with_single_party: true },
      ],
      [
        'GO: one party, session_expiry always sent (0), the flag spelled create_session_with_single_Party',
        { first_party: '917708772011', session_expiry: 0, create_session_with_single_Party: true },
      ],
      ['NET: virtual_number_cooloff_period 0', { ...PARTIES, virtual_number_cooloff_period: 0 }],
      ['recording_callback_url of 999 characters', { ...PARTIES, recording_callback_url: urlOfLength(999) }],
      ['PY: session_expiry 0', { ...PARTIES, session_expiry: 0, record: true, record_file_format: 'wav' }],
      [
        'NODE: sub_account and geo_match (its snake_case rewrite)',
        { ...PARTIES, sub_account: 'SA1', geo_match: false },
      ],
      [
        'PIN authentication with every PIN field at its documented bounds',
        {
          ...PARTIES,
          is_pin_authentication_required: true,
          generate_pin: true,
          generate_pin_length: 15,
          first_party_pin: '1234',
          second_party_pin: '123456789012345',
          pin_prompt_play: 'https://example.com/pin.mp3',
          pin_retry: 0,
          pin_retry_wait: 10,
          incorrect_pin_play: 'https://example.com/wrong.mp3',
          unknown_caller_play: 'https://example.com/unknown.wav',
          force_pin_authentication: true,
          virtual_number_cooloff_period: 3600,
        },
      ],
      [
        'the lower bounds, callbacks and methods',
        {
          ...PARTIES,
          generate_pin_length: 4,
          pin_retry: 5,
          pin_retry_wait: 5,
          callback_url: 'https://example.com/status',
          callback_method: 'GET',
          recording_callback_url: 'https://example.com/recording',
          recording_callback_method: 'POST',
          first_party_play_url: 'https://example.com/a.mp3',
          second_party_play_url: 'https://example.com/b.wav',
          session_expiry: 86_400,
          call_time_limit: 14_400,
          ring_timeout: 45,
        },
      ],
    ],
    rejected: [
      ['record_file_format ogg', '/record_file_format', { ...PARTIES, record_file_format: 'ogg' }],
      ['callback_method PUT', '/callback_method', { ...PARTIES, callback_method: 'PUT' }],
      [
        'recording_callback_method in lower case',
        '/recording_callback_method',
        { ...PARTIES, recording_callback_method: 'get' },
      ],
      ['generate_pin_length 3', '/generate_pin_length', { ...PARTIES, generate_pin_length: 3 }],
      ['generate_pin_length -1', '/generate_pin_length', { ...PARTIES, generate_pin_length: -1 }],
      [
        'recording_callback_url of 1000 characters',
        '/recording_callback_url',
        { ...PARTIES, recording_callback_url: urlOfLength(1000) },
      ],
      ['first_party empty', '/first_party', { ...PARTIES, first_party: '' }],
      ['generate_pin_length 16', '/generate_pin_length', { ...PARTIES, generate_pin_length: 16 }],
      ['pin_retry 6', '/pin_retry', { ...PARTIES, pin_retry: 6 }],
      ['pin_retry -1', '/pin_retry', { ...PARTIES, pin_retry: -1 }],
      ['pin_retry_wait 1', '/pin_retry_wait', { ...PARTIES, pin_retry_wait: 1 }],
      ['pin_retry_wait 4', '/pin_retry_wait', { ...PARTIES, pin_retry_wait: 4 }],
      ['pin_retry_wait 11', '/pin_retry_wait', { ...PARTIES, pin_retry_wait: 11 }],
      ['pin_retry_wait a string', '/pin_retry_wait', { ...PARTIES, pin_retry_wait: '5' }],
      [
        'virtual_number_cooloff_period 3601',
        '/virtual_number_cooloff_period',
        { ...PARTIES, virtual_number_cooloff_period: 3601 },
      ],
      [
        'virtual_number_cooloff_period -1',
        '/virtual_number_cooloff_period',
        { ...PARTIES, virtual_number_cooloff_period: -1 },
      ],
      ['session_expiry a string', '/session_expiry', { ...PARTIES, session_expiry: '600' }],
      ['session_expiry not an integer', '/session_expiry', { ...PARTIES, session_expiry: 600.5 }],
      ['session_expiry -1', '/session_expiry', { ...PARTIES, session_expiry: -1 }],
      ['call_time_limit -1', '/call_time_limit', { ...PARTIES, call_time_limit: -1 }],
      ['ring_timeout -1', '/ring_timeout', { ...PARTIES, ring_timeout: -1 }],
      ['ring_timeout null', '/ring_timeout', { ...PARTIES, ring_timeout: null }],
      ['record a string', '/record', { ...PARTIES, record: 'true' }],
      ['geomatch a number', '/geomatch', { ...PARTIES, geomatch: 1 }],
      ['first_party a number', '/first_party', { ...PARTIES, first_party: 917708772011 }],
      ['first_party empty', '/first_party', { ...PARTIES, first_party: '' }],
      ['first_party_pin with a letter', '/first_party_pin', { ...PARTIES, first_party_pin: '12a4' }],
      ['second_party_pin of 3 digits', '/second_party_pin', { ...PARTIES, second_party_pin: '123' }],
      ['first_party_pin a number', '/first_party_pin', { ...PARTIES, first_party_pin: 1234 }],
      ['callback_url not a URL', '/callback_url', { ...PARTIES, callback_url: 'not a url' }],
      ['the body an array', '', [PARTIES]],
    ],
  },
  updateMaskingSession: {
    accepted: [
      ['the reference: a new expiry', { session_expiry: 600 }],
      ['nothing at all (every field is optional)', {}],
      [
        'NODE: session_uuid repeated in the body',
        { session_uuid: SESSION_UUID, callback_url: 'https://example.com/s' },
      ],
      [
        'JAVA: unset numbers as 0, record false, the single-party flag always sent',
        {
          session_expiry: 0,
          call_time_limit: 0,
          ring_timeout: 0,
          record: false,
          create_session_with_single_party: false,
        },
      ],
      [
        'GO: the second party of a single-party session, with geomatch and subaccount',
        {
          second_party: '918220568648',
          create_session_with_single_Party: true,
          geomatch: true,
          subaccount: 'SA1',
        },
      ],
      [
        'PY: subaccount and geomatch',
        { record: true, record_file_format: 'mp3', subaccount: 'SA1', geomatch: false },
      ],
      [
        'every documented field',
        {
          session_expiry: 1200,
          call_time_limit: 600,
          ring_timeout: 30,
          callback_url: 'https://example.com/s',
          callback_method: 'POST',
          record: true,
          recording_callback_url: 'https://example.com/r',
          record_file_format: 'wav',
          recording_callback_method: 'GET',
          first_party_play_url: 'https://example.com/a.mp3',
          second_party_play_url: 'https://example.com/b.mp3',
          first_party: '917708772011',
          second_party: '918220568648',
        },
      ],
    ],
    rejected: [
      ['record_file_format aac', '/record_file_format', { record_file_format: 'aac' }],
      ['callback_method DELETE', '/callback_method', { callback_method: 'DELETE' }],
      ['recording_callback_method null', '/recording_callback_method', { recording_callback_method: null }],
      ['record a string', '/record', { record: 'no' }],
      ['session_expiry a string (what the Ruby SDK sends)', '/session_expiry', { session_expiry: '600' }],
      ['call_time_limit a boolean', '/call_time_limit', { call_time_limit: true }],
      ['session_expiry -1', '/session_expiry', { session_expiry: -1 }],
      ['call_time_limit -1', '/call_time_limit', { call_time_limit: -1 }],
      ['ring_timeout -1', '/ring_timeout', { ring_timeout: -1 }],
      ['second_party empty', '/second_party', { second_party: '' }],
      [
        'recording_callback_url of 1000 characters',
        '/recording_callback_url',
        { recording_callback_url: urlOfLength(1000) },
      ],
      [
        'recording_callback_url not a URL',
        '/recording_callback_url',
        { recording_callback_url: 'recordings' },
      ],
    ],
  },
  createVerifySession: {
    accepted: [
      ['the reference: a recipient only', { recipient: '919380013443' }],
      ['PY and JAVA: method POST always sent', { recipient: '919380013443', channel: 'sms', method: 'POST' }],
      ['PY: a custom otp (not documented)', { recipient: '919380013443', otp: '482913' }],
      ['NET: code_length 0 when none is given', { recipient: '919380013443', code_length: 0 }],
      [
        'RUBY: every option it was not given as null',
        {
          app_uuid: null,
          recipient: '919380013443',
          channel: null,
          url: null,
          method: null,
          locale: null,
          brand_name: null,
          app_hash: null,
        },
      ],
      ['GO: src (not documented)', { recipient: '919380013443', src: '14155550100' }],
      [
        'every documented field, code_length at its bounds',
        {
          recipient: '+14155550123',
          app_uuid: 'ec66515e-86f6-4507-8620-31c039538d7a',
          channel: 'voice',
          url: 'https://example.com/verify',
          method: 'GET',
          locale: 'en_US',
          brand_name: 'Acme',
          app_hash: 'FA+9qCX9VSu',
          code_length: 8,
        },
      ],
      ['code_length 4, locale es', { recipient: '919380013443', code_length: 4, locale: 'es' }],
      [
        'the October 2024 options dtmf and fraud_check',
        { recipient: '919380013443', dtmf: 4, fraud_check: 'disabled' },
      ],
    ],
    rejected: [
      ['no recipient', '/recipient', { channel: 'sms' }],
      ['recipient a number (the Ruby SDK allows one)', '/recipient', { recipient: 919380013443 }],
      ['recipient null', '/recipient', { recipient: null }],
      [
        'code_length null (no SDK sends one)',
        '/code_length',
        { recipient: '919380013443', code_length: null },
      ],
      ['recipient empty', '/recipient', { recipient: '' }],
      ['channel fax', '/channel', { recipient: '919380013443', channel: 'fax' }],
      ['channel in upper case', '/channel', { recipient: '919380013443', channel: 'SMS' }],
      // Plivo's Verify sends by sms or voice only (its Python SDK checks the two values).
      ['channel email', '/channel', { recipient: '919380013443', channel: 'email' }],
      ['channel whatsapp', '/channel', { recipient: '919380013443', channel: 'whatsapp' }],
      ['method PUT', '/method', { recipient: '919380013443', method: 'PUT' }],
      ['code_length 3', '/code_length', { recipient: '919380013443', code_length: 3 }],
      ['code_length 9', '/code_length', { recipient: '919380013443', code_length: 9 }],
      ['code_length a string', '/code_length', { recipient: '919380013443', code_length: '6' }],
      ['code_length -1', '/code_length', { recipient: '919380013443', code_length: -1 }],
      ['locale not a language code', '/locale', { recipient: '919380013443', locale: 'english' }],
      ['app_uuid not a UUID', '/app_uuid', { recipient: '919380013443', app_uuid: 'default' }],
      ['url not a URL', '/url', { recipient: '919380013443', url: 'callback' }],
      ['dtmf a string', '/dtmf', { recipient: '919380013443', dtmf: 'four' }],
    ],
  },
  validateVerifySession: {
    accepted: [
      ['the reference: the code', { otp: '123456' }],
      ['PY: session_uuid repeated in the body', { otp: '123456', session_uuid: SESSION_UUID }],
      ['a code with a leading zero', { otp: '012345' }],
    ],
    rejected: [
      ['no otp', '/otp', {}],
      ['OTP in capitals (an old beta page), so no otp', '/otp', { OTP: '123456' }],
      ['otp a number', '/otp', { otp: 123456 }],
      ['otp empty', '/otp', { otp: '' }],
    ],
  },
};

describe.each(Object.entries(CASES))('%s request body', (operationId, { accepted, rejected }) => {
  const validate = validator.at(requestSchemaPointer(spec, operationId));

  it.each(accepted)('accepts %s', (_, body) => {
    expect(validate(body), describeErrors(validate.errors)).toBe(true);
  });

  it.each(rejected)('refuses %s, at %s', (_, field, body) => {
    expect(validate(body), `${JSON.stringify(body)} was accepted`).toBe(false);
    expect(errorLocations(validate.errors), describeErrors(validate.errors)).toContain(field);
  });
});

/** The schema pointer of an operation's query parameter `name` (operation parameters are `$ref`s). */
function queryParameterPointer(operationId: string, name: string): string {
  const { operation } = operationById(spec, operationId);
  for (const parameter of operation.parameters ?? []) {
    const ref: string = parameter.$ref;
    const componentName = ref.split('/').pop() as string;
    const resolved = spec.components.parameters[componentName];
    if (resolved.name === name) {
      expect(resolved.in).toBe('query');
      return pointer('components', 'parameters', componentName, 'schema');
    }
  }
  throw new Error(`${operationId} has no query parameter ${name}`);
}

/** Query strings as clients send them: every value is text. */
type Query = Record<string, string>;

const QUERIES: Record<
  string,
  { accepted: Array<readonly [string, Query]>; rejected: Array<readonly [string, Query]> }
> = {
  listMaskingSessions: {
    accepted: [
      ['the reference cURL example', { status: 'active' }],
      ['the defaults written out', { status: 'all', limit: '20', offset: '0' }],
      ["the older page's in-progress status", { status: 'in-progress', limit: '1' }],
      [
        'parties, number and time windows to the minute, second and microsecond',
        {
          first_party: '917708772011',
          second_party: '919976106830',
          virtual_number: '916361728680',
          created_time__gte: '2024-06-01 00:00',
          created_time__lt: '2024-06-07 23:59:59',
          expiry_time__lte: '2024-06-07 23:59:59.123456',
          expiry_time__gt: '2024-06-01 00:00:00',
          created_time: '2024-06-03 09:15:02',
          expiry_time: '2024-06-03 09:45',
        },
      ],
      [
        'duration filters (integers)',
        {
          duration: '1800',
          duration__gt: '0',
          duration__gte: '60',
          duration__lt: '3600',
          duration__lte: '3600',
        },
      ],
      ['subaccount (PY, GO, JAVA, RUBY)', { subaccount: 'SAOWRKMGU3YZCTZJXXXY' }],
    ],
    rejected: [
      ['limit 0', { limit: '0' }],
      ['limit 21', { limit: '21' }],
      ['limit not a number', { limit: 'twenty' }],
      ['limit not an integer', { limit: '2.5' }],
      ['offset negative', { offset: '-1' }],
      ['status pending', { status: 'pending' }],
      ['status in upper case', { status: 'ACTIVE' }],
      ['created_time__gte in RFC 3339', { created_time__gte: '2024-06-01T00:00:00Z' }],
      ['expiry_time__lt a date only', { expiry_time__lt: '2024-06-01' }],
      ['expiry_time in the masking response format', { expiry_time: '2024-06-01 00:00:00 +0000 UTC' }],
      ['duration__lt not a number', { duration__lt: 'ten' }],
      ['duration__gt negative', { duration__gt: '-5' }],
      ['duration__gte negative', { duration__gte: '-5' }],
      ['duration__lt negative', { duration__lt: '-5' }],
      ['duration__lte negative', { duration__lte: '-5' }],
      ['duration negative', { duration: '-5' }],
    ],
  },
  listVerifySessions: {
    accepted: [
      ['a status and a page size', { status: 'verified', limit: '20' }],
      ['every status', { status: 'in-progress' }],
      ['expired', { status: 'expired', offset: '40' }],
      [
        'application, recipient, subaccount and a time window',
        {
          app_uuid: 'ec66515e-86f6-4507-8620-31c039538d7a',
          recipient: '919380013443',
          subaccount: 'SAOWRKMGU3YZCTZJXXXY',
          session_time__gte: '2024-06-01 00:00',
          session_time__lt: '2024-06-02 00:00:00',
          session_time__gt: '2024-06-01 00:00:00.5',
          session_time__lte: '2024-06-02 00:00:00.123456',
          session_time: '2024-06-01 12:00:00',
        },
      ],
      ['country and alias (PY, GO, JAVA, RUBY, NET)', { country: 'IN', alias: 'default_app' }],
      ['brand_name and app_hash (D-VS; GO sends them empty)', { brand_name: '', app_hash: '' }],
    ],
    rejected: [
      ['limit 0', { limit: '0' }],
      ['limit 21', { limit: '21' }],
      ['limit a word', { limit: 'all' }],
      ['offset negative', { offset: '-20' }],
      ['status active (a masking status)', { status: 'active' }],
      ["status Expired (the reference page's case)", { status: 'Expired' }],
      ['app_uuid not a UUID', { app_uuid: 'default_app' }],
      ['session_time__gte in RFC 3339', { session_time__gte: '2024-06-01T00:00:00Z' }],
      ['session_time with a seven-digit fraction', { session_time: '2024-06-01 00:00:00.1234567' }],
    ],
  },
};

describe.each(Object.entries(QUERIES))('%s query parameters', (operationId, { accepted, rejected }) => {
  it.each(accepted)('accepts %s', (_, query) => {
    for (const [name, value] of Object.entries(query)) {
      const validate = queryValidator.at(queryParameterPointer(operationId, name));
      expect(validate(value), `${name}=${value}: ${describeErrors(validate.errors)}`).toBe(true);
    }
  });

  it.each(rejected)('refuses %s', (_, query) => {
    const [[name, value]] = Object.entries(query) as [[string, string]];
    const validate = queryValidator.at(queryParameterPointer(operationId, name));
    expect(validate(value), `${name}=${value} was accepted`).toBe(false);
  });

  it('limit is 1 to 20, default 20; offset at least 0, default 0 (the documented pagination)', () => {
    expect(spec.components.parameters.Limit.schema).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 20,
      default: 20,
    });
    expect(spec.components.parameters.Offset.schema).toMatchObject({
      type: 'integer',
      minimum: 0,
      default: 0,
    });
    const names = operationById(spec, operationId).operation.parameters.map((p: Json) => p.$ref);
    expect(names).toEqual(
      expect.arrayContaining(['#/components/parameters/Limit', '#/components/parameters/Offset']),
    );
  });
});

describe('no range where Plivo publishes none and SDKs send 0: only a negative duration is refused', () => {
  it.each(
    ['MaskingSessionCreateRequest', 'MaskingSessionUpdateRequest'].flatMap((request) =>
      ['session_expiry', 'call_time_limit', 'ring_timeout'].map((field) => [request, field]),
    ),
  )('%s.%s', (request, field) => {
    const schema = spec.components.schemas[request].properties[field];
    expect(schema.type).toBe('integer');
    expect(schema.minimum).toBe(0);
    expect(schema).not.toHaveProperty('maximum');
  });
});
