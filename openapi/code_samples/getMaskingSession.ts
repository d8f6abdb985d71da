import { createPlivoClient, NotFoundError } from '@plivo-openapi/client';

// An ES module (it awaits at the top level). Reads your credentials from PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN.
const plivo = createPlivoClient();

try {
  // Returns the session unwrapped from `{ api_id, response }`; `session.api_id` is still there.
  const session = await plivo.maskingSessions.get('c28b77d4-21e7-43bd-9447-04bfee92e651');
  console.log(`${session.first_party} <-> ${session.second_party} via ${session.virtual_number}`);
  console.log(`status: ${session.status}, expires: ${session.expiry_time}`);
} catch (error) {
  if (!(error instanceof NotFoundError)) throw error;
  console.error(`No such masking session: ${error.message}`);
}
