import { readSpecDocument } from './spec-document.js';

export interface OperationSummary {
  method: string;
  path: string;
  operationId?: string;
  /** The statuses its `responses` list (`'200'`, `'404'`, ...); absent when not known. */
  statuses?: string[];
  /** The names of each status's JSON examples (what `Prefer: code=..., example=...` can pick). */
  examples?: Record<string, string[]>;
  /** The media types its `requestBody` takes (`[]` without one). */
  bodyTypes?: string[];
}

interface Response {
  $ref?: string;
  content?: Record<string, { examples?: Record<string, unknown> }>;
}

interface Operation {
  operationId?: string;
  responses?: Record<string, Response>;
  requestBody?: { $ref?: string; content?: Record<string, unknown> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The operations of an OpenAPI file (JSON or YAML), or none when it is neither. */
export function listOperations(specPath: string): OperationSummary[] {
  const read = readSpecDocument(specPath);
  if ('problem' in read) return [];
  const spec = read.document as {
    paths?: Record<string, Record<string, Operation>>;
    components?: {
      responses?: Record<string, Response>;
      requestBodies?: Record<string, Operation['requestBody']>;
    };
  };
  // A bundled spec keeps shared parts under components: only those local references occur.
  const requestBody = (operation: Operation | undefined) => {
    const name = operation?.requestBody?.$ref?.replace('#/components/requestBodies/', '');
    return name === undefined ? operation?.requestBody : spec.components?.requestBodies?.[name];
  };
  return Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method] !== undefined).map((method) => ({
      method: method.toUpperCase(),
      path,
      ...(item[method]?.operationId === undefined ? {} : { operationId: item[method].operationId }),
      statuses: Object.keys(item[method]?.responses ?? {}),
      examples: Object.fromEntries(
        Object.entries(item[method]?.responses ?? {}).map(([status, response]) => {
          const name = response.$ref?.replace('#/components/responses/', '');
          const resolved = name === undefined ? response : spec.components?.responses?.[name];
          return [status, Object.keys(resolved?.content?.['application/json']?.examples ?? {})];
        }),
      ),
      bodyTypes: Object.keys(requestBody(item[method])?.content ?? {}),
    })),
  );
}
