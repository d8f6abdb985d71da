// What the spec's MaskingSessionCreateRequest leaves to the API (a conditional requirement would make generated
// clients' request type unusable) and the API refuses with 400. The wording is ours: Plivo publishes none.

type Body = Record<string, unknown>;

/** A string field that is absent or empty counts as missing (Plivo's Java SDK sends `second_party: ""`). */
const given = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** A party's number, which a bare `+` is not either: the state keeps numbers without it, and would keep "". */
const givenNumber = (value: unknown): value is string => given(value) && value !== '+';

/** The single-party flag in either spelling (the Go SDK's is `create_session_with_single_Party`). */
export const singleParty = (body: Body): boolean =>
  (body.create_session_with_single_party ?? body.create_session_with_single_Party) === true;

/**
 * A duration no API takes though a schema's `integer` lets it through: JSON's `1e400` parses to Infinity, which
 * passes an integer check, a number past 2^53 is no longer exact, and a spec given to the mock may set no
 * minimum. Plivo lists "outside the allowed range" errors for these fields. `0` stays accepted: SDKs send it for
 * "not set".
 */
export function durationRefusal(body: Body): string | undefined {
  for (const field of ['session_expiry', 'call_time_limit', 'ring_timeout']) {
    const value = body[field];
    if (typeof value === 'number' && !(Number.isSafeInteger(value) && value >= 0))
      return `${field} is outside the allowed range (${value} seconds)`;
  }
  return undefined;
}

/** Why the API refuses this create, or undefined when it does not. */
export function createRefusal(body: Body): string | undefined {
  const outOfRange = durationRefusal(body);
  if (outOfRange !== undefined) return outOfRange;
  if (singleParty(body)) {
    // The other party is added later with an update; one of them is needed now.
    if (!givenNumber(body.first_party) && !givenNumber(body.second_party)) {
      return 'first_party or second_party is required, even with create_session_with_single_party';
    }
  } else {
    for (const party of ['first_party', 'second_party']) {
      if (!givenNumber(body[party]))
        return `${party} is required unless create_session_with_single_party is true`;
    }
  }
  if (body.is_pin_authentication_required !== true) return undefined;
  const pins = [body.first_party_pin, body.second_party_pin];
  if (pins.every(given) && pins[0] === pins[1]) return 'first_party_pin and second_party_pin must differ';
  if (body.generate_pin !== true && !pins.every(given)) {
    return 'first_party_pin and second_party_pin are required with is_pin_authentication_required unless generate_pin is true';
  }
  // The spec's pin_prompt_play: "Required when PIN authentication is on."
  if (!given(body.pin_prompt_play)) return 'pin_prompt_play is required with is_pin_authentication_required';
  return undefined;
}
