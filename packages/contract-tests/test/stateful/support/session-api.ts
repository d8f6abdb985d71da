import type { components, PlivoClient } from '@plivo-openapi/client';

type Schemas = components['schemas'];

/** A failed call: the status and the error body, as the mock answered them. */
export class CallFailed extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`the mock answered ${status}: ${JSON.stringify(body)}`);
  }
}

/**
 * The session operations as a flow test calls them, through our client's openapi-fetch `raw` client (typed
 * from the spec; each call sent once). A non-2xx answer throws CallFailed with the mock's status and body.
 */
export function sessionApi(plivo: PlivoClient, authId: string) {
  const auth_id = authId;
  const unwrap = <T>(result: { data?: T; error?: unknown; response: Response }): T => {
    if (!result.response.ok) throw new CallFailed(result.response.status, result.error);
    return result.data as T;
  };
  return {
    masking: {
      create: async (body: Partial<Schemas['MaskingSessionCreateRequest']>) =>
        unwrap(
          await plivo.raw.POST('/v1/Account/{auth_id}/Masking/Session/', {
            params: { path: { auth_id } },
            body: body as Schemas['MaskingSessionCreateRequest'],
          }),
        ),
      get: async (session_uuid: string) =>
        unwrap(
          await plivo.raw.GET('/v1/Account/{auth_id}/Masking/Session/{session_uuid}', {
            params: { path: { auth_id, session_uuid } },
          }),
        ),
      update: async (session_uuid: string, body: Partial<Schemas['MaskingSessionUpdateRequest']>) =>
        unwrap(
          await plivo.raw.POST('/v1/Account/{auth_id}/Masking/Session/{session_uuid}', {
            params: { path: { auth_id, session_uuid } },
            body: body as Schemas['MaskingSessionUpdateRequest'],
          }),
        ),
      delete: async (session_uuid: string) =>
        unwrap(
          await plivo.raw.DELETE('/v1/Account/{auth_id}/Masking/Session/{session_uuid}', {
            params: { path: { auth_id, session_uuid } },
          }),
        ),
      list: async (query: Record<string, string | number> = {}) =>
        unwrap(
          await plivo.raw.GET('/v1/Account/{auth_id}/Masking/Session/', {
            params: { path: { auth_id }, query },
          }),
        ),
    },
    verify: {
      create: async (body: Partial<Schemas['VerifySessionCreateRequest']> & { recipient: string }) =>
        unwrap(
          await plivo.raw.POST('/v1/Account/{auth_id}/Verify/Session/', {
            params: { path: { auth_id } },
            body: body as Schemas['VerifySessionCreateRequest'],
          }),
        ),
      get: async (session_uuid: string) =>
        unwrap(
          await plivo.raw.GET('/v1/Account/{auth_id}/Verify/Session/{session_uuid}/', {
            params: { path: { auth_id, session_uuid } },
          }),
        ),
      list: async (query: Record<string, string | number> = {}) =>
        unwrap(
          await plivo.raw.GET('/v1/Account/{auth_id}/Verify/Session/', {
            params: { path: { auth_id }, query },
          }),
        ),
      validate: async (session_uuid: string, otp: string) =>
        unwrap(
          await plivo.raw.POST('/v1/Account/{auth_id}/Verify/Session/{session_uuid}/', {
            params: { path: { auth_id, session_uuid } },
            body: { otp },
          }),
        ),
    },
  };
}
