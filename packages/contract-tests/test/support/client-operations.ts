import type { PlivoClient } from '@plivo-openapi/client';
import { SESSION_UUID } from './credentials.js';
import { firstRequestExample, type OperationId, requestExamples } from './spec.js';

// biome-ignore lint/suspicious/noExplicitAny: a spec example, shaped as its operation's schema says.
export type Body = any;

export interface ClientOperation {
  /** The operation, called through our client the way a user would; `request` is a request example. */
  call(client: PlivoClient, request: Body): Promise<unknown>;
  /** What the client gives back for a success body (its `api_id` is checked on its own, for every row). */
  expected(body: Body): unknown;
  /** The part of the client's result that `expected` describes; the result itself when absent. */
  received?(result: Body): unknown;
}

const page = {
  received: (result: Body) => ({ data: result.data, meta: result.meta }),
};

/**
 * Every operation of the spec as a user calls it through our client, one row each; the suites that drive our
 * client against the mock (client-contract, dynamic) run every row.
 */
export const CLIENT_OPERATIONS: Record<OperationId, ClientOperation> = {
  createMaskingSession: {
    call: (client, request) => client.maskingSessions.create(request),
    expected: (body) => body,
  },
  getMaskingSession: {
    call: (client) => client.maskingSessions.get(SESSION_UUID),
    // The session, unwrapped from `response`.
    expected: (body) => body.response,
  },
  listMaskingSessions: {
    call: (client) => client.maskingSessions.list({ status: 'active', limit: 20 }),
    expected: (body) => ({ data: body.response.objects, meta: body.response.meta }),
    ...page,
  },
  updateMaskingSession: {
    call: (client, request) => client.maskingSessions.update(SESSION_UUID, request),
    expected: (body) => body,
  },
  deleteMaskingSession: {
    call: (client) => client.maskingSessions.delete(SESSION_UUID),
    expected: (body) => body,
  },
  createVerifySession: {
    call: (client, request) => client.verifySessions.create(request),
    expected: (body) => body,
  },
  getVerifySession: {
    call: (client) => client.verifySessions.get(SESSION_UUID),
    expected: (body) => body,
  },
  listVerifySessions: {
    call: (client) => client.verifySessions.list({ status: 'verified', limit: 20 }),
    expected: (body) => ({ data: body.sessions, meta: body.meta }),
    ...page,
  },
  validateVerifySession: {
    call: (client, request) => client.verifySessions.validate(SESSION_UUID, request.otp),
    expected: (body) => body,
  },
};

/** The request example a call sends: the spec's first one for an operation with a body. */
export const requestFor = (operationId: OperationId) =>
  requestExamples(operationId).length === 0 ? undefined : firstRequestExample(operationId);
