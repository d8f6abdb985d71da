// Text the request chose (attribute names and values, the URL, parameters in the signed text) is quoted in every
// message, so a receiver that logs an error or explanation cannot be made to write a forged log line: no
// message holds a raw line break or control character, whatever the request sent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCallbackSignature,
  parseMaskingRecordingEvent,
  parseMaskingSessionEvent,
  parseVerifySessionEvent,
} from '../../src/callbacks/index.js';

/** The C0 and C1 controls, DEL and the Unicode line and paragraph separators in `text`, as code points. */
function lineBreaking(text: string | undefined): number[] {
  return [...(text ?? '')]
    .map((char) => char.codePointAt(0) ?? 0)
    .filter((code) => code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029);
}
const FORGED = 'X\n2026-01-01T00:00:00Z INFO payment accepted\u2028\u0085';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error, got none');
}

const PARSERS = [parseMaskingSessionEvent, parseMaskingRecordingEvent, parseVerifySessionEvent];

describe('attribute names in payload errors', () => {
  it('a repeated attribute is named in quotes, its line breaks escaped', () => {
    const body = `EventName=SessionTimeout&SessionUUID=u&${encodeURIComponent(FORGED)}=1&${encodeURIComponent(FORGED)}=2`;
    for (const parse of PARSERS) {
      const message = messageOf(() => parse(body));
      expect(message).toContain(
        'the attribute "X\\n2026-01-01T00:00:00Z INFO payment accepted\\u2028\\u0085" more than once',
      );
      expect(lineBreaking(message)).toEqual([]);
    }
  });

  it('a record attribute of the wrong type is named in quotes', () => {
    const message = messageOf(() => parseMaskingSessionEvent({ [FORGED]: 1 } as never));
    expect(message).toContain(
      'attribute "X\\n2026-01-01T00:00:00Z INFO payment accepted\\u2028\\u0085" must be',
    );
    expect(lineBreaking(message)).toEqual([]);
  });

  it('no payload error holds a raw line break, for any attribute names and values', () => {
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    const payload = fc.oneof(
      fc.array(fc.tuple(text, text), { maxLength: 6 }).map((pairs) => new URLSearchParams(pairs).toString()),
      fc.array(fc.tuple(text, text), { maxLength: 6 }).map((pairs) => {
        const [first] = pairs;
        return new URLSearchParams(first === undefined ? pairs : [...pairs, first]);
      }),
      fc.dictionary(text, fc.oneof(text, fc.integer(), fc.array(text))),
    );
    let refused = 0;
    fc.assert(
      fc.property(payload, (input) => {
        for (const parse of PARSERS) {
          try {
            parse(input as never);
          } catch (error) {
            refused += 1;
            expect(lineBreaking((error as Error).message)).toEqual([]);
          }
        }
      }),
      { numRuns: 2_000 },
    );
    // The property checked something: most such payloads lack what an event needs.
    expect(refused).toBeGreaterThan(100);
  });
});

describe('the mismatch explanation', () => {
  it('quotes the URL and the signed text, whose parameters the request chose', async () => {
    const check = await checkCallbackSignature({
      method: 'POST',
      url: 'https://example.com/cb"?a=1',
      nonce: '12345',
      signature: 'forged=',
      params: { [FORGED]: FORGED },
      authToken: 'my_auth_token',
    });
    expect(check.explanation).toContain('POST "https://example.com/cb\\"?a=1" with 1 parameter name(s)');
    expect(check.explanation).toContain('\\n2026-01-01T00:00:00Z INFO payment accepted\\u2028\\u0085');
    expect(lineBreaking(check.explanation)).toEqual([]);
  });
});
