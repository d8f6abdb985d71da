/**
 * What the tests take from the bundled spec (the only source of truth): identifier patterns, response schemas
 * for the generators, and its named examples wherever a test needs a realistic body.
 */
import { createRequire } from 'node:module';
import type { JsonSchema } from '../reliability/schema-arbitrary.js';

interface Spec {
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, { schema: { pattern: string } }>;
    examples: Record<string, { value: Record<string, unknown> }>;
  };
}

const require = createRequire(import.meta.url);
export const spec: Spec = require('@plivo-openapi/spec/openapi.json');

const parameterPattern = (name: string): RegExp => {
  const parameter = spec.components.parameters[name];
  if (!parameter) throw new Error(`The bundled spec has no parameter ${name}`);
  return new RegExp(parameter.schema.pattern);
};

export const AUTH_ID_PATTERN = parameterPattern('AuthId');
export const SESSION_UUID_PATTERN = parameterPattern('SessionUuid');

export const example = (name: string): Record<string, unknown> => {
  const found = spec.components.examples[name];
  if (!found) throw new Error(`The bundled spec has no example ${name}`);
  return structuredClone(found.value);
};

/** A masking body `{api_id, response}` whose session carries `sessionUuid`. */
export function maskingBody(sessionUuid: string): Record<string, unknown> {
  const body = example('MaskingSessionReferencePage');
  return { ...body, response: { ...(body.response as object), session_uuid: sessionUuid } };
}

/** A flat Verify body whose session carries `sessionUuid`. */
export function verifyBody(sessionUuid: string): Record<string, unknown> {
  return { ...example('VerifySessionReferencePage'), session_uuid: sessionUuid };
}

/** A valid, distinct session UUID for call number `n` (so the server can count attempts per call). */
export function uuidFor(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `0000feed-0000-4000-8000-${hex}`;
}
