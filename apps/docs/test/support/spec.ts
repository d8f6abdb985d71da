// What the tests expect the page and the samples to show, read from the bundled spec itself.
import { readSpecBundle } from '../../src/spec-bundle.mjs';

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

export interface DocumentedResponse {
  code: string;
  /** The response's first JSON example: the one Redoc shows first and Prism serves by default. */
  firstExample: unknown;
}

export interface DocumentedOperation {
  method: string;
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  responses: DocumentedResponse[];
  codeSamples: CodeSample[];
  /** The request body's named JSON examples: summary and value. */
  requestExamples: { summary: string; value: unknown }[];
  /** The spec's example value of the `auth_id` path parameter (one that fits its pattern). */
  authIdExample: string;
  /** Its callbacks sent by POST, with the named examples of their form bodies. */
  postCallbacks: DocumentedCallback[];
}

export interface DocumentedCallback {
  summary: string;
  examples: { summary: string; value: Record<string, unknown> }[];
}

// biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document
type Json = any;

/** Follows a local `$ref` such as `#/components/examples/VerifySessionVerified`. */
function deref(document: Json, node: Json): Json {
  if (typeof node?.$ref !== 'string') return node;
  const target = node.$ref
    .slice(2)
    .split('/')
    .reduce(
      (parent: Json, key: string) => parent?.[key.replaceAll('~1', '/').replaceAll('~0', '~')],
      document,
    );
  return deref(document, target);
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/**
 * Every operation of the bundled spec, in document order (paths, then each path's methods as written): the
 * order in which Redoc lists them under their tag.
 */
export function documentedOperations(): DocumentedOperation[] {
  const document = readSpecBundle();
  return Object.entries<Json>(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => HTTP_METHODS.has(method))
      .map((method) => {
        const operation = item[method];
        const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p: Json) =>
          deref(document, p),
        );
        const authId = parameters.find((p: Json) => p.name === 'auth_id')?.schema?.examples?.[0];
        if (typeof authId !== 'string') throw new Error(`${path}: the spec gives no example for auth_id`);
        return {
          method: method.toUpperCase(),
          path,
          operationId: operation.operationId,
          summary: operation.summary,
          tag: operation.tags?.[0],
          responses: Object.entries<Json>(operation.responses).map(([code, response]) => {
            const examples = deref(document, response)?.content?.['application/json']?.examples ?? {};
            return { code, firstExample: deref(document, Object.values<Json>(examples)[0])?.value };
          }),
          codeSamples: operation['x-codeSamples'] ?? [],
          requestExamples: Object.values<Json>(
            deref(document, operation.requestBody)?.content?.['application/json']?.examples ?? {},
          ).map((example) => {
            const { summary, value } = deref(document, example);
            return { summary, value };
          }),
          authIdExample: authId,
          postCallbacks: Object.values<Json>(operation.callbacks ?? {}).flatMap((callback) =>
            Object.values<Json>(deref(document, callback)).flatMap((item: Json) => {
              const post = item.post;
              if (post === undefined) return [];
              const body = post.requestBody?.content?.['application/x-www-form-urlencoded'];
              return [
                {
                  summary: post.summary,
                  examples: Object.values<Json>(body?.examples ?? {}).map((example) => {
                    const { summary, value } = deref(document, example);
                    return { summary, value };
                  }),
                },
              ];
            }),
          ),
        };
      }),
  );
}

/** The operation's success response (its one `2xx`: `200`, `201` or `202`). */
export function successResponse(operation: DocumentedOperation): DocumentedResponse {
  const ok = operation.responses.filter(({ code }) => /^2\d\d$/.test(code));
  if (ok.length !== 1) throw new Error(`${operation.operationId}: ${ok.length} success responses`);
  return ok[0] as DocumentedResponse;
}

/** The success response's first example: the body the mock answers with by default. */
export function successExample(operation: DocumentedOperation): unknown {
  const ok = successResponse(operation);
  if (ok.firstExample === undefined)
    throw new Error(`${operation.operationId}: no example for the ${ok.code} response`);
  return ok.firstExample;
}
