import { createPlivoClient } from '@plivo-openapi/client';

// An ES module (it awaits at the top level). Reads your credentials from PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN.
const plivo = createPlivoClient();

// The body of the first request example, "A new expiry and status callback" (the others change other fields).
// Fields left out are not changed; the new expiry presumably counts from the update (see `session_expiry`).
const updated = await plivo.maskingSessions.update('7f3e2d1c-4b5a-4968-8776-a5b4c3d2e1f0', {
  session_expiry: 600,
  callback_url: 'https://example.com/masking/status-v2',
  callback_method: 'GET',
});
// The session as it is now is under `session`.
console.log(`${updated.message}, expires: ${updated.session.expiry_time}`);
