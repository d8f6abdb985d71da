import { createPlivoClient } from '@plivo-openapi/client';

// An ES module (it awaits at the top level). Reads your credentials from PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN.
const plivo = createPlivoClient();

// The first page; `for await (const session of plivo.verifySessions.list(...))` walks every page instead.
const page = await plivo.verifySessions.list({ status: 'verified', limit: 20 });
for (const session of page.data) {
  console.log(`${session.session_uuid}: ${session.recipient} over ${session.channel}`);
}
if (page.hasNextPage()) console.log('(more pages follow)');
