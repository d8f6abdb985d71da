// The callbacks entry and the spec describe the same payloads: the same known event names and statuses, the
// same attributes, integers where the spec has integers, and the spec's own examples parse.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
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
  examples?: Record<string, unknown>[];
}
const spec = createRequire(import.meta.url)('@plivo-openapi/spec/openapi.json') as {
  components: { schemas: Record<string, Schema> };
};
const schema = (name: string): Schema => {
  const found = spec.components.schemas[name];
  if (found === undefined) throw new Error(`the spec has no schema ${name}`);
  return found;
};
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
      expect(property?.anyOf).toContainEqual(expect.objectContaining({ type: 'string' }));
      expect(property?.anyOf?.find((branch) => branch.type === 'string')?.enum).toBeUndefined();
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
    for (const example of schema(name).examples ?? []) {
      const form = new URLSearchParams(Object.entries(example).map(([key, value]) => [key, String(value)]));
      expect(parse(form.toString())).toMatchObject({ ...example, otherAttributes: {} });
    }
  });
});
