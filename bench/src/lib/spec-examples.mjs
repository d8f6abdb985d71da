// @ts-check
// The bodies the bench's servers answer with and its clients send: the spec's own named examples, read from
// the bundle of @plivo-openapi/spec (openapi/dist/openapi.json), so every figure is about a documented answer.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @typedef {{ method: string, path: string, operation: Record<string, any> }} Operation */

/** The bundled spec as JSON. */
export function loadSpec() {
  const file = require.resolve('@plivo-openapi/spec/openapi.json');
  return { file, spec: JSON.parse(readFileSync(file, 'utf8')) };
}

/**
 * Follows local `$ref`s (`#/components/...`) until the object itself.
 * @param {Record<string, any>} spec
 * @param {any} node
 */
function resolve(spec, node) {
  let current = node;
  for (let hops = 0; typeof current?.$ref === 'string'; hops++) {
    if (hops > 20 || !current.$ref.startsWith('#/')) throw new Error(`cannot follow $ref ${current.$ref}`);
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce(
        (/** @type {any} */ parent, /** @type {string} */ key) =>
          parent?.[key.replace(/~1/g, '/').replace(/~0/g, '~')],
        spec,
      );
  }
  return current;
}

/**
 * @param {Record<string, any>} spec
 * @param {string} operationId
 * @returns {Operation}
 */
export function findOperation(spec, operationId) {
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const [method, operation] of Object.entries(item ?? {})) {
      if (operation?.operationId === operationId) return { method: method.toUpperCase(), path, operation };
    }
  }
  throw new Error(
    `the bundled spec has no operation ${operationId}; run \`pnpm --filter @plivo-openapi/spec build\` if it was added recently`,
  );
}

/**
 * The first named example of a media type's `examples` (what Prism answers by default), or its `example`.
 * @param {Record<string, any>} spec
 * @param {Record<string, any> | undefined} media
 * @returns {{ name: string, value: unknown } | undefined}
 */
function firstExample(spec, media) {
  const [name, example] = Object.entries(media?.examples ?? {})[0] ?? [];
  if (name !== undefined) return { name, value: resolve(spec, example).value };
  return media?.example === undefined ? undefined : { name: 'example', value: media.example };
}

/**
 * The operation's success status (its first 2xx response) and the first named example of that response.
 * @param {Record<string, any>} spec
 * @param {string} operationId
 */
export function successExample(spec, operationId) {
  const { method, path, operation } = findOperation(spec, operationId);
  const [status, response] =
    Object.entries(operation.responses ?? {}).find(([code]) => /^2\d\d$/.test(code)) ?? [];
  if (status === undefined) throw new Error(`${operationId} documents no 2xx response`);
  const example = firstExample(spec, resolve(spec, response).content?.['application/json']);
  if (example === undefined) throw new Error(`${operationId}'s ${status} response has no JSON example`);
  return { method, path, status: Number(status), exampleName: example.name, body: example.value };
}

/**
 * The first named example of the operation's JSON request body, if it documents one.
 * @param {Record<string, any>} spec
 * @param {string} operationId
 */
export function requestExample(spec, operationId) {
  const { operation } = findOperation(spec, operationId);
  return firstExample(spec, resolve(spec, operation.requestBody)?.content?.['application/json'])?.value;
}

/**
 * A path of the spec with its parameters filled in, e.g. `/v1/Account/{auth_id}/...` → `/v1/Account/MA.../...`.
 * @param {string} path
 * @param {Record<string, string>} values
 */
export function fillPath(path, values) {
  return path.replace(/\{(\w+)\}/g, (_, name) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return encodeURIComponent(value);
  });
}
