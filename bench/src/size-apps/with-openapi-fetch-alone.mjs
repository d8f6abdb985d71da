// The same app written against openapi-fetch alone: the least a typed fetch client can weigh.
import createClient from 'openapi-fetch';

const authId = 'MANJUXXVOICEZZAPI908';
// A JSDoc type only, so the paths are checked without adding anything to the bundle.
const client = /** @type {import('openapi-fetch').Client<import('@plivo-openapi/client').paths>} */ (
  createClient({
    baseUrl: 'https://api.plivo.com',
    headers: { Authorization: `Basic ${btoa(`${authId}:not-a-real-token`)}` },
  })
);
const path = { auth_id: authId, session_uuid: '4124e518-a8c9-4feb-8cff-d86636ba9234' };
console.log(
  await client.GET('/v1/Account/{auth_id}/Verify/Session/{session_uuid}/', { params: { path } }),
  await client.GET('/v1/Account/{auth_id}/Masking/Session/{session_uuid}', { params: { path } }),
);
