import { createPlivoClient } from '@plivo-openapi/client';

// An ES module (it awaits at the top level). Reads your credentials from PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN.
const plivo = createPlivoClient();

// Iterates over every session of every page, fetching the next page only when it is needed.
for await (const session of plivo.maskingSessions.list({ status: 'active', limit: 20 })) {
  console.log(`${session.session_uuid}: ${session.status}, expires ${session.expiry_time}`);
}
