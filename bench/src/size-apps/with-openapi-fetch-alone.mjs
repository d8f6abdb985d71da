// The same app written against openapi-fetch alone: the same requests and page loops, the least a typed fetch
// client can weigh (test/smoke.test.ts checks that it requests every operation of the spec).
import createClient from 'openapi-fetch';

const authId = 'MANJUXXVOICEZZAPI908';
// A JSDoc type only, so the paths are checked without adding anything to the bundle.
const client = /** @type {import('openapi-fetch').Client<import('@plivo-openapi/client').paths>} */ (
  createClient({
    baseUrl: 'https://api.plivo.com',
    headers: { Authorization: `Basic ${btoa(`${authId}:not-a-real-token`)}` },
  })
);
const account = { auth_id: authId };
const path = { ...account, session_uuid: '4124e518-a8c9-4feb-8cff-d86636ba9234' };

console.log(
  await client.POST('/v1/Account/{auth_id}/Masking/Session/', {
    params: { path: account },
    body: { first_party: '+14155550100', second_party: '+14155550101' },
  }),
  await client.GET('/v1/Account/{auth_id}/Masking/Session/{session_uuid}', { params: { path } }),
  await client.GET('/v1/Account/{auth_id}/Masking/Session/', {
    params: { path: account, query: { limit: 20 } },
  }),
  await client.POST('/v1/Account/{auth_id}/Masking/Session/{session_uuid}', {
    params: { path },
    body: { session_expiry: 600 },
  }),
  await client.DELETE('/v1/Account/{auth_id}/Masking/Session/{session_uuid}', { params: { path } }),
  await client.POST('/v1/Account/{auth_id}/Verify/Session/', {
    params: { path: account },
    body: { recipient: '+14155550100' },
  }),
  await client.GET('/v1/Account/{auth_id}/Verify/Session/{session_uuid}/', { params: { path } }),
  await client.GET('/v1/Account/{auth_id}/Verify/Session/', {
    params: { path: account, query: { limit: 20 } },
  }),
  await client.POST('/v1/Account/{auth_id}/Verify/Session/{session_uuid}/', {
    params: { path },
    body: { otp: '123456' },
  }),
);
// Every page of a filtered list, as the client's iterators walk them: `offset` on until a page has no `next`.
for (let offset = 0; ; offset += 20) {
  const { data } = await client.GET('/v1/Account/{auth_id}/Masking/Session/', {
    params: { path: account, query: { status: 'active', limit: 20, offset } },
  });
  for (const session of data?.response.objects ?? []) console.log(session);
  if (!data?.response.meta.next) break;
}
for (let offset = 0; ; offset += 20) {
  const { data } = await client.GET('/v1/Account/{auth_id}/Verify/Session/', {
    params: { path: account, query: { status: 'verified', limit: 20, offset } },
  });
  for (const session of data?.sessions ?? []) console.log(session);
  if (!data?.meta.next) break;
}
