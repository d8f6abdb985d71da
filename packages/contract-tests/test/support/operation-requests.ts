import { AUTH_ID, BASIC_AUTH, SESSION_UUID } from './credentials.js';
import { firstRequestExample, httpMethod, type OperationId, pathTemplate } from './spec.js';

/** A request exactly as `fetch` takes it, to a path relative to the mock's URL. */
export interface OperationRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** The spec's path of an operation, with this suite's Auth ID and session UUID filled in. */
export const operationPath = (operationId: OperationId) =>
  pathTemplate(operationId).replace('{auth_id}', AUTH_ID).replace('{session_uuid}', SESSION_UUID);

/**
 * A valid request for an operation: its method and path as the spec describes them, credentials, and for an
 * operation with a body the spec's first named request example.
 */
export function validRequest(
  operationId: OperationId,
  headers: Record<string, string> = {},
): OperationRequest {
  const method = httpMethod(operationId);
  const request: OperationRequest = {
    method,
    path: operationPath(operationId),
    headers: { authorization: BASIC_AUTH, ...headers },
  };
  if (method !== 'POST') return request;
  return {
    ...request,
    headers: { ...request.headers, 'content-type': 'application/json' },
    body: JSON.stringify(firstRequestExample(operationId)),
  };
}
