import { createPlivoClient } from '@plivo-openapi/client';

// An ES module (it awaits at the top level). Reads your credentials from PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN.
const plivo = createPlivoClient();

// Without a time filter (created_time or expiry_time) only the last 7 days are listed. A window spans at most 30
// days, within the last 90: set both ends to dates of your own. The next page is fetched only when it is needed.
const june = { created_time__gte: '2024-06-01 00:00', created_time__lt: '2024-07-01 00:00' };
for await (const session of plivo.maskingSessions.list({ ...june, limit: 20 })) {
  console.log(`${session.session_uuid}: ${session.status}, expires ${session.expiry_time}`);
}
