// The callbacks entry and the spec describe the same payloads: the same known event names and statuses, the
// same attributes, integers where the spec has integers, and the spec's own examples parse.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  computeSignatureV3,
  MASKING_RECORDING_EVENT_NAMES,
  MASKING_SESSION_EVENT_NAMES,
  parseMaskingRecordingEvent,
  parseMaskingSessionEvent,
  parseVerifySessionEvent,
  VERIFY_CHANNEL_STATUSES,
  VERIFY_SESSION_STATUSES,
} from '../../src/callbacks/index.js';

interface Schema {
  type?: string;
  anyOf?: Schema[];
  enum?: string[];
  properties?: Record<string, Schema>;
  required?: string[];
}
interface FormBody {
  schema: { $ref: string };
  examples?: Record<string, { $ref: string }>;
}
const spec = createRequire(import.meta.url)('@plivo-openapi/spec/openapi.json') as {
  components: {
    schemas: Record<string, Schema>;
    callbacks: Record<
      string,
      Record<string, { post: { requestBody: { content: Record<string, FormBody> } } }>
    >;
    examples: Record<string, { value: Record<string, unknown> }>;
  };
};
const schema = (name: string): Schema => {
  const found = spec.components.schemas[name];
  if (found === undefined) throw new Error(`the spec has no schema ${name}`);
  return found;
};
/** The named examples of every callback whose POST body is the schema `name`. */
const callbackExamples = (name: string): Record<string, unknown>[] =>
  Object.values(spec.components.callbacks)
    .flatMap((callback) => Object.values(callback))
    .map((item) => item.post.requestBody.content['application/x-www-form-urlencoded'])
    .filter((body) => body?.schema.$ref === `#/components/schemas/${name}`)
    .flatMap((body) => Object.values(body?.examples ?? {}))
    .map(({ $ref }) => {
      const found = spec.components.examples[$ref.replace('#/components/examples/', '')];
      if (found === undefined) throw new Error(`the spec has no example ${$ref}`);
      return found.value;
    });
const AUTH_TOKEN = 'MzY2Y2EwYjZkYjc2NGIyNjYwMzUzNjNlZjIzMDRi';
const knownValues = (property: Schema | undefined) => property?.anyOf?.find((branch) => branch.enum)?.enum;

const PAYLOADS = [
  ['MaskingSessionStatusCallback', parseMaskingSessionEvent],
  ['MaskingRecordingCallback', parseMaskingRecordingEvent],
  ['VerifySessionStatusCallback', parseVerifySessionEvent],
] as const;

describe('the spec and the parsers', () => {
  it('list the same known values, and keep them open', () => {
    const masking = schema('MaskingSessionStatusCallback').properties;
    const verify = schema('VerifySessionStatusCallback').properties;
    expect(knownValues(masking?.EventName)).toEqual([...MASKING_SESSION_EVENT_NAMES]);
    expect(knownValues(schema('MaskingRecordingCallback').properties?.EventName)).toEqual([
      ...MASKING_RECORDING_EVENT_NAMES,
    ]);
    expect(knownValues(verify?.SessionStatus)).toEqual([...VERIFY_SESSION_STATUSES]);
    expect(knownValues(verify?.ChannelStatus)).toEqual([...VERIFY_CHANNEL_STATUSES]);
    for (const property of [masking?.EventName, verify?.SessionStatus, verify?.ChannelStatus]) {
      // Open: besides the known values, a branch of any other string.
      expect(property?.anyOf?.some((branch) => branch.type === 'string' && branch.enum === undefined)).toBe(
        true,
      );
    }
  });

  it.each(PAYLOADS)('%s: every documented attribute is a typed field, integers as numbers', (name, parse) => {
    const { properties = {}, required = [] } = schema(name);
    const wire = Object.fromEntries(
      Object.entries(properties).map(([key, property]) => [
        key,
        property.type === 'integer' ? '7' : `v-${key}`,
      ]),
    );
    const event = parse(wire) as unknown as Record<string, unknown>;
    expect(event.otherAttributes).toEqual({});
    for (const [key, property] of Object.entries(properties)) {
      expect(event[key], key).toBe(property.type === 'integer' ? 7 : `v-${key}`);
    }
    for (const key of required) {
      const { [key]: _dropped, ...without } = wire;
      expect(() => parse(without), key).toThrow(`has no ${key}`);
    }
  });

  it.each(PAYLOADS)('%s: the spec examples parse, sent as a form body', (name, parse) => {
    const examples = callbackExamples(name);
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      const form = new URLSearchParams(Object.entries(example).map(([key, value]) => [key, String(value)]));
      expect(parse(form.toString())).toMatchObject({ ...example, otherAttributes: {} });
    }
  });
});

describe("the spec's V3 signature recipe", () => {
  const parameters = createRequire(import.meta.url)('@plivo-openapi/spec/openapi.json').components
    .parameters as Record<string, { description?: string }>;
  const recipe = parameters.CallbackSignatureV3?.description ?? '';
  const nonce = /with the nonce `([^`]+)`/.exec(recipe)?.[1];
  const post = /a POST to `([^`]+)` with the form\s+parameters `([^`]+)` signs `([^`]+)`/.exec(recipe);
  const gets = [...recipe.matchAll(/a GET of\s+`([^`]+)` signs `([^`]+)`/g)];
  const hmac = async (text: string) => {
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(AUTH_TOKEN),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text));
    return btoa(String.fromCharCode(...new Uint8Array(mac)));
  };

  it('gives a worked POST example, which the signer agrees with', async () => {
    expect(nonce).toBeDefined();
    expect(post).not.toBeNull();
    const [, postUrl = '', form = '', postText = ''] = post ?? [];
    const params = Object.fromEntries(new URLSearchParams(form));
    await expect(
      computeSignatureV3({ method: 'POST', url: postUrl, params, nonce: nonce ?? '', authToken: AUTH_TOKEN }),
    ).resolves.toBe(await hmac(postText));
  });

  it('gives GET examples, one of them with escapes it signs decoded, which the signer agrees with', async () => {
    expect(gets.map(([, url]) => url)).toContainEqual(
      expect.stringMatching(/%[0-9A-F]{2}.*\+|\+.*%[0-9A-F]{2}/),
    );
    for (const [, getUrl = '', getText = ''] of gets) {
      await expect(
        computeSignatureV3({ method: 'GET', url: getUrl, nonce: nonce ?? '', authToken: AUTH_TOKEN }),
      ).resolves.toBe(await hmac(getText));
    }
  });
});
