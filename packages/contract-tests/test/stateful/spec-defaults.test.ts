import { describe, expect, it } from 'vitest';
import { requestDefaults } from '../support/spec.js';
import { answerFrom, engineOnVirtualClock, type Json } from './support/engine-on-virtual-clock.js';

// The stateful mock fills what a create leaves out; it must fill it with what the spec says the API assumes,
// so a change to a `default` in the spec fails here until the mock follows it.

const created = (operationId: string, body: Json) => {
  const { engine } = engineOnVirtualClock();
  const answer = answerFrom(engine, operationId, { body });
  const uuid = answer.body.session_uuid as string;
  const getter = operationId === 'createMaskingSession' ? 'getMaskingSession' : 'getVerifySession';
  const got = answerFrom(engine, getter, { sessionUuid: uuid }).body;
  return (got.response ?? got) as Json;
};

/** Compares each stated default with the session field that shows it; every default must be placed. */
function expectDefaultsShown(
  defaults: Record<string, unknown>,
  session: Json,
  notShown: Record<string, string>,
) {
  const shown = Object.keys(defaults).filter((field) => !(field in notShown));
  const fieldOnSession = (field: string) => (field === 'session_expiry' ? 'duration' : field);
  for (const field of shown) expect(session, field).toHaveProperty(fieldOnSession(field));
  expect(Object.fromEntries(shown.map((field) => [field, session[fieldOnSession(field)]]))).toEqual(
    Object.fromEntries(shown.map((field) => [field, defaults[field]])),
  );
}

describe('the stateful mock opens a session with the spec’s defaults', () => {
  const masking = requestDefaults('createMaskingSession');
  const parties = { first_party: '+919003459051', second_party: '918197241073' };
  const pinFields = ['generate_pin', 'generate_pin_length', 'pin_retry', 'pin_retry_wait'];

  it('masking, PIN authentication off (the PIN settings then show as null, as the API gives them)', () => {
    const notShown = {
      geomatch: 'not a field of the session',
      ...Object.fromEntries(pinFields.map((field) => [field, 'null while PIN authentication is off'])),
    };
    expect(Object.keys(masking).length).toBeGreaterThan(Object.keys(notShown).length);
    expectDefaultsShown(masking, created('createMaskingSession', parties), notShown);
  });

  it('masking, PIN authentication on with both PINs given', () => {
    const session = created('createMaskingSession', {
      ...parties,
      is_pin_authentication_required: true,
      first_party_pin: '1234',
      second_party_pin: '5678',
      pin_prompt_play: 'https://example.com/pin.mp3',
    });
    const pinDefaults = Object.fromEntries(pinFields.map((field) => [field, masking[field]]));
    expect(Object.values(pinDefaults)).not.toContain(undefined);
    expectDefaultsShown(pinDefaults, session, {});
  });

  it('Verify', () => {
    const verify = requestDefaults('createVerifySession');
    expectDefaultsShown(verify, created('createVerifySession', { recipient: '+919380013443' }), {
      method: 'the callback method; a session does not show it',
    });
  });
});
