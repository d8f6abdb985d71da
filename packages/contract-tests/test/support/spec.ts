import { createRequire } from 'node:module';
import type { operations } from '@plivo-openapi/client';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);

/** The bundle of the installed @plivo-openapi/spec, the same file startMock() serves by default. */
export const SPEC_PATH = require.resolve('@plivo-openapi/spec/openapi.json');
const spec = require(SPEC_PATH) as Record<string, unknown>;

/** Every operationId of the spec, as our client's generated types know them. */
export type OperationId = keyof operations;

const escapePointer = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');
const unescapePointer = (segment: string) => segment.replaceAll('~1', '/').replaceAll('~0', '~');

/**
 * Walks `segments` from the root of the spec, following local `$ref`s on the way; returns the JSON pointer
 * of what it reaches (for ajv) and the value there.
 */
function locate(segments: string[]): { pointer: string; value: unknown } {
  let pointer = '';
  let value: unknown = spec;
  const follow = () => {
    for (let hops = 0; isRef(value); hops++) {
      if (hops > 20) throw new Error(`$ref cycle at ${pointer}`);
      pointer = value.$ref.slice(1);
      value = pointer
        .split('/')
        .slice(1)
        .map(unescapePointer)
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], spec);
    }
  };
  for (const segment of segments) {
    follow();
    value = (value as Record<string, unknown> | undefined)?.[segment];
    pointer += `/${escapePointer(segment)}`;
  }
  follow();
  return { pointer, value };
}

function isRef(value: unknown): value is { $ref: string } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { $ref?: unknown }).$ref === 'string'
  );
}

function operationLocation(operationId: OperationId): string[] {
  const paths = spec.paths as Record<string, Record<string, { operationId?: string }>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, candidate] of Object.entries(item)) {
      if (candidate.operationId === operationId) return ['paths', path, method];
    }
  }
  throw new Error(`the bundled spec has no operation ${operationId}`);
}

/** The path template of an operation, e.g. /v1/Account/{auth_id}/Verify/Session/{session_uuid}/. */
export const pathTemplate = (operationId: OperationId) => operationLocation(operationId)[1] as string;

/** Every operationId of the bundled spec, in document order. */
export function specOperationIds(): string[] {
  const paths = spec.paths as Record<string, Record<string, { operationId?: string }>>;
  return Object.values(paths).flatMap((item) =>
    Object.values(item).flatMap((candidate) =>
      typeof candidate?.operationId === 'string' ? [candidate.operationId] : [],
    ),
  );
}

/** The HTTP method of an operation, upper case, e.g. 'POST'. */
export const httpMethod = (operationId: OperationId) =>
  (operationLocation(operationId)[2] as string).toUpperCase();

/** Documented status codes of an operation, e.g. ['200', '400', ...]. */
export function statusCodes(operationId: OperationId): string[] {
  return Object.keys(locate([...operationLocation(operationId), 'responses']).value as object);
}

/** The one documented 2xx status of an operation; throws if the spec documents none or several. */
export function successStatus(operationId: OperationId): string {
  const success = statusCodes(operationId).filter((code) => code.startsWith('2'));
  if (success.length !== 1) {
    throw new Error(
      `${operationId} documents ${success.length} success statuses (${success.join(', ')}), expected one`,
    );
  }
  return success[0] as string;
}

/** Named examples of a JSON request body, in spec order; [] for an operation without a body. */
export function requestExamples(operationId: OperationId): [string, unknown][] {
  const media = [...operationLocation(operationId), 'requestBody', 'content', 'application/json'];
  const named = locate([...media, 'examples']).value as Record<string, unknown> | undefined;
  return Object.keys(named ?? {}).map((name) => [name, locate([...media, 'examples', name, 'value']).value]);
}

/** The first named request example of an operation: the body a realistic caller sends. */
export function firstRequestExample(operationId: OperationId): unknown {
  const [first] = requestExamples(operationId);
  if (first === undefined) throw new Error(`the spec has no named request example for ${operationId}`);
  return first[1];
}

/** Named examples of a JSON response, in spec order (Prism serves the first one by default). */
export function examples(operationId: OperationId, status = '200'): [string, unknown][] {
  const media = [...operationLocation(operationId), 'responses', status, 'content', 'application/json'];
  const named = locate([...media, 'examples']).value as Record<string, unknown> | undefined;
  return Object.keys(named ?? {}).map((name) => [name, locate([...media, 'examples', name, 'value']).value]);
}

/** The `default` of every property of an operation's JSON request body that states one, by property name. */
export function requestDefaults(operationId: OperationId): Record<string, unknown> {
  const schema = [...operationLocation(operationId), 'requestBody', 'content', 'application/json', 'schema'];
  const properties = locate([...schema, 'properties']).value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(properties).flatMap((name) => {
      const { value } = locate([...schema, 'properties', name]);
      const stated = (value as { default?: unknown }).default;
      return stated === undefined ? [] : [[name, stated]];
    }),
  );
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ ...spec, $id: 'spec.json' });

/** Validates `body` against the schema of a documented JSON response; returns ajv's errors as text, or ''. */
export function schemaErrors(operationId: OperationId, status: string, body: unknown): string {
  const { pointer } = locate([
    ...operationLocation(operationId),
    'responses',
    status,
    'content',
    'application/json',
    'schema',
  ]);
  const validate = ajv.getSchema(`spec.json#${pointer}`);
  if (validate === undefined) throw new Error(`no schema at spec.json#${pointer}`);
  return validate(body) ? '' : ajv.errorsText(validate.errors);
}

/** The `pattern` of a parameter the spec declares under components, found by its name (e.g. 'auth_id'). */
export function parameterPattern(name: string): string | undefined {
  const parameters = (spec.components as { parameters: Record<string, { name: string; schema?: unknown }> })
    .parameters;
  const found = Object.values(parameters).find((parameter) => parameter.name === name);
  return (found?.schema as { pattern?: string } | undefined)?.pattern;
}
