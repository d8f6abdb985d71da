// Shared helpers for the spec's tests: where things are, the bundled document, and an Ajv (JSON Schema 2020-12)
// instance that resolves `#/...` references inside the bundle.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export const specDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const repoRoot = path.resolve(specDir, '..');
export const bundlePath = path.join(specDir, 'dist/openapi.json');

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked generically.
export type Json = any;

export function readJson(file: string): Json {
  return JSON.parse(readFileSync(file, 'utf8'));
}

export function loadBundle(): Json {
  try {
    return readJson(bundlePath);
  } catch (error) {
    throw new Error(
      `cannot read ${bundlePath}: run the spec's build (pnpm --filter @plivo-openapi/spec build) first`,
      {
        cause: error,
      },
    );
  }
}

const SPEC_ID = 'https://plivo-openapi.test/openapi.json';

/** A JSON pointer (`#/a/b~1c`) to a location in the bundle, URI-encoded so Ajv can resolve it. */
export function pointer(...segments: string[]): string {
  return `#/${segments.map((s) => encodeURIComponent(s.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/')}`;
}

export interface SpecValidator {
  /** A validator for the schema found at `ptr` (from `pointer()` or a bundle `$ref`) inside the bundle. */
  at(ptr: string): ValidateFunction;
}

export interface ValidatorOptions {
  /** Coerce strings to the schema's type first, as a server does with query parameters (`"20"` to `20`). */
  coerceTypes?: boolean;
}

export function makeValidator(spec: Json, { coerceTypes = false }: ValidatorOptions = {}): SpecValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, coerceTypes });
  addFormats(ajv);
  // Ajv compiles the document's root when it resolves a pointer into it: declare the root's OpenAPI fields as
  // (inert) keywords so strict mode still rejects unknown keywords inside the schemas themselves.
  ajv.addVocabulary(Object.keys(spec).filter((key) => !ajv.getKeyword(key)));
  ajv.addSchema({ ...spec, $id: SPEC_ID });
  const cache = new Map<string, ValidateFunction>();
  return {
    at(ptr) {
      let validate = cache.get(ptr);
      if (!validate) {
        validate = ajv.compile({ $ref: `${SPEC_ID}${ptr}` });
        cache.set(ptr, validate);
      }
      return validate;
    },
  };
}

/** Where each Ajv error points: the instance path, plus the missing property for `required` errors. */
export function errorLocations(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) =>
    e.keyword === 'required' ? `${e.instancePath}/${e.params.missingProperty}` : e.instancePath,
  );
}

export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message}`).join('; ');
}

export interface Operation {
  path: string;
  method: string;
  operation: Json;
}

export function operationById(spec: Json, operationId: string): Operation {
  for (const [p, item] of Object.entries<Json>(spec.paths)) {
    for (const [method, operation] of Object.entries<Json>(item)) {
      if (operation && typeof operation === 'object' && operation.operationId === operationId) {
        return { path: p, method, operation };
      }
    }
  }
  throw new Error(`no operation ${operationId} in the bundle`);
}

/** Pointer to the JSON schema of an operation's 200 `application/json` response. */
export function okSchemaPointer(spec: Json, operationId: string): string {
  const { path: p, method } = operationById(spec, operationId);
  return pointer('paths', p, method, 'responses', '200', 'content', 'application/json', 'schema');
}

/** The operation's success status: its one `2xx` response (`200`, `201` or `202`). */
export function successStatus(spec: Json, operationId: string): string {
  const { operation } = operationById(spec, operationId);
  const codes = Object.keys(operation.responses).filter((code) => /^2\d\d$/.test(code));
  if (codes.length !== 1) throw new Error(`${operationId} has ${codes.length} success responses: ${codes}`);
  return codes[0] as string;
}

/**
 * Pointer to the JSON schema of an operation's `application/json` response with this status, wherever it lives
 * (inline, or in components/responses through a `$ref`).
 */
export function responseSchemaPointer(spec: Json, operationId: string, status: string): string {
  const { path: p, method, operation } = operationById(spec, operationId);
  const response = operation.responses[status];
  if (!response) throw new Error(`${operationId} has no ${status} response`);
  const at = response.$ref
    ? (response.$ref as string)
        .replace(/^#\//, '')
        .split('/')
        .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    : ['paths', p, method, 'responses', status];
  return pointer(...at, 'content', 'application/json', 'schema');
}

/** Pointer to the JSON schema of an operation's `application/json` request body. */
export function requestSchemaPointer(spec: Json, operationId: string): string {
  const { path: p, method } = operationById(spec, operationId);
  return pointer('paths', p, method, 'requestBody', 'content', 'application/json', 'schema');
}

/** Follows a local `$ref` (`#/components/...`) inside the bundle. */
export function deref(spec: Json, ref: string): Json {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((node, key) => node?.[key], spec);
}
