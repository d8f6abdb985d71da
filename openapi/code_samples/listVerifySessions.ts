import { createPlivoClient } from '@plivo-openapi/client';

// An ES module (it awaits at the top level). Reads your credentials from PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN.
const plivo = createPlivoClient();

// Without a session_time filter only the last 24 hours are listed: set the window's ends to dates of your own
// (Plivo keeps 90 days). Two sessions a page here, to show paging (up to 20).
const page = await plivo.verifySessions.list({
  session_time__gte: '2024-06-01 00:00',
  session_time__lt: '2024-07-01 00:00',
  limit: 2,
});
for (const session of page.data) {
  console.log(`${session.session_uuid}: ${session.recipient} over ${session.channel}, ${session.status}`);
}
// `for await (const session of plivo.verifySessions.list(...))` walks every page instead.
if (page.hasNextPage()) console.log('(more pages follow)');
