import { readFileSync } from 'node:fs';

export interface OperationSummary {
  method: string;
  path: string;
  operationId?: string;
  /** The statuses its `responses` list (`'200'`, `'404'`, ...); absent when not known. */
  statuses?: string[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The operations of a JSON OpenAPI document, or none when the file is not JSON (Prism still serves YAML). */
export function listOperations(specPath: string): OperationSummary[] {
  let spec: {
    paths?: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> }>>;
  };
  try {
    spec = JSON.parse(readFileSync(specPath, 'utf8'));
  } catch {
    return [];
  }
  return Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method] !== undefined).map((method) => ({
      method: method.toUpperCase(),
      path,
      ...(item[method]?.operationId === undefined ? {} : { operationId: item[method].operationId }),
      statuses: Object.keys(item[method]?.responses ?? {}),
    })),
  );
}
