import { describe, expect, it } from 'vitest';
import { requestExamples, schemaErrors } from '../support/spec.js';
import { ACCOUNT_A, basicAuth } from './support/accounts.js';
import { answerFrom, engineOnVirtualClock } from './support/engine-on-virtual-clock.js';
import { statefulMockForThisFile } from './support/stateful-mock.js';

// What the spec's MaskingSessionCreateRequest leaves to the API, which answers 400: a missing party (one is
// enough with create_session_with_single_party), two equal PINs, PIN authentication without PINs to use or
// without pin_prompt_play, a duration that is no whole number of seconds (negative, which the spec refuses too,
// or past 2^53 or Infinity, which its integer check lets through).

const FIRST = '919003459051';
const SECOND = '918197241073';
const PROMPT = 'https://example.com/audio/pin_prompt.mp3';
const PINS = {
  is_pin_authentication_required: true,
  first_party_pin: '1234',
  second_party_pin: '4321',
  pin_prompt_play: PROMPT,
};

const refused: [string, Record<string, unknown>, string][] = [
  [
    'no first_party',
    { second_party: SECOND },
    'first_party is required unless create_session_with_single_party is true',
  ],
  [
    'no second_party',
    { first_party: FIRST },
    'second_party is required unless create_session_with_single_party is true',
  ],
  [
    'an empty second_party without the single-party flag',
    { first_party: FIRST, second_party: '', create_session_with_single_party: false },
    'second_party is required unless create_session_with_single_party is true',
  ],
  [
    'a first_party of a bare `+`, which would be kept as an empty number',
    { first_party: '+', second_party: SECOND },
    'first_party is required unless create_session_with_single_party is true',
  ],
  [
    'no party at all, with the single-party flag',
    { create_session_with_single_Party: true, second_party: '' },
    'first_party or second_party is required, even with create_session_with_single_party',
  ],
  [
    'two equal PINs',
    { first_party: FIRST, second_party: SECOND, ...PINS, second_party_pin: '1234' },
    'first_party_pin and second_party_pin must differ',
  ],
  [
    'PIN authentication with one PIN and no generate_pin',
    {
      first_party: FIRST,
      second_party: SECOND,
      is_pin_authentication_required: true,
      first_party_pin: '1234',
      pin_prompt_play: PROMPT,
    },
    'first_party_pin and second_party_pin are required with is_pin_authentication_required unless generate_pin is true',
  ],
  [
    'PIN authentication with generate_pin false and no PINs',
    {
      first_party: FIRST,
      second_party: SECOND,
      is_pin_authentication_required: true,
      generate_pin: false,
      pin_prompt_play: PROMPT,
    },
    'first_party_pin and second_party_pin are required with is_pin_authentication_required unless generate_pin is true',
  ],
  [
    'PIN authentication with two PINs and no pin_prompt_play (the spec: "Required when PIN authentication is on")',
    {
      first_party: FIRST,
      second_party: SECOND,
      is_pin_authentication_required: true,
      first_party_pin: '1234',
      second_party_pin: '4321',
    },
    'pin_prompt_play is required with is_pin_authentication_required',
  ],
  [
    'PIN authentication with generate_pin and no pin_prompt_play',
    { first_party: FIRST, second_party: SECOND, is_pin_authentication_required: true, generate_pin: true },
    'pin_prompt_play is required with is_pin_authentication_required',
  ],
];

// Negative durations Prism refuses itself (the spec's minimum); the others it lets through to the state.
const negative: typeof refused = [];
for (const field of ['session_expiry', 'call_time_limit', 'ring_timeout']) {
  negative.push([
    `a negative ${field} (no range is published, but Plivo refuses one "outside the allowed range")`,
    { first_party: FIRST, second_party: SECOND, [field]: -5 },
    `${field} is outside the allowed range (-5 seconds)`,
  ]);
  refused.push([
    `${field} 1e400, which JSON parses to Infinity and an integer check lets through`,
    { first_party: FIRST, second_party: SECOND, [field]: JSON.parse('1e400') },
    `${field} is outside the allowed range (Infinity seconds)`,
  ]);
  refused.push([
    `${field} past 2^53, no longer an exact number of seconds`,
    { first_party: FIRST, second_party: SECOND, [field]: 2 ** 53 },
    `${field} is outside the allowed range (9007199254740992 seconds)`,
  ]);
}

const accepted: [string, Record<string, unknown>][] = [
  ...requestExamples('createMaskingSession').map(([name, body]): [string, Record<string, unknown>] => [
    `the spec’s example ${name}`,
    body as Record<string, unknown>,
  ]),
  [
    'one party as Plivo’s Java SDK sends it (second_party "")',
    { first_party: FIRST, second_party: '', create_session_with_single_party: true },
  ],
  [
    'only second_party, with the Go SDK’s flag',
    { second_party: SECOND, create_session_with_single_Party: true },
  ],
  [
    'PIN authentication with generate_pin',
    {
      first_party: FIRST,
      second_party: SECOND,
      is_pin_authentication_required: true,
      generate_pin: true,
      pin_prompt_play: PROMPT,
    },
  ],
  ['PIN authentication with two different PINs', { first_party: FIRST, second_party: SECOND, ...PINS }],
  [
    'equal PINs without PIN authentication',
    { first_party: FIRST, second_party: SECOND, first_party_pin: '1234', second_party_pin: '1234' },
  ],
];

describe('the state engine', () => {
  it.each([...refused, ...negative])(
    'refuses a create with %s: 400 in the spec’s PlivoError shape, no session',
    (_, body, error) => {
      const { engine } = engineOnVirtualClock();
      const answer = answerFrom(engine, 'createMaskingSession', { body });
      expect(answer).toEqual({ status: 400, body: { api_id: expect.any(String), error } });
      expect(schemaErrors('createMaskingSession', '400', answer.body)).toBe('');
      expect(engine.masking.sessions(ACCOUNT_A)).toEqual([]);
    },
  );

  it.each(accepted)('creates a session from %s', (_, body) => {
    const { engine } = engineOnVirtualClock();
    expect(answerFrom(engine, 'createMaskingSession', { body }).status).toBe(201);
  });
});

describe('through Prism', () => {
  const mock = statefulMockForThisFile();

  it.each(refused)(
    'Prism lets a create with %s through and the state answers its 400',
    async (_, body, error) => {
      const answer = await fetch(`${mock().url}/v1/Account/${ACCOUNT_A}/Masking/Session/`, {
        method: 'POST',
        headers: { authorization: basicAuth(), 'content-type': 'application/json' },
        body: jsonWithInfinity(body),
      });
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as { error: string }).error).toBe(error);
    },
  );
});

/** JSON as a client sends it, Infinity written as `1e400` (JSON.stringify would write null). */
function jsonWithInfinity(body: Record<string, unknown>): string {
  const marker = '"(infinity)"';
  return JSON.stringify(body, (_, value) =>
    value === Number.POSITIVE_INFINITY ? JSON.parse(marker) : value,
  ).replaceAll(marker, '1e400');
}
