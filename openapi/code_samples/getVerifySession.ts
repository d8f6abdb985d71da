import { createPlivoClient, NotFoundError } from '@plivo-openapi/client';

// Reads your credentials from PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN.
const plivo = createPlivoClient();

try {
  const session = await plivo.verifySessions.get('c28b77d4-21e7-43bd-9447-04bfee92e651');
  console.log(`${session.recipient} over ${session.channel}: ${session.status}`);
  // Charges are decimal strings, so no precision is lost.
  console.log(`attempts: ${session.count}, total charge: ${session.charges.total_charge}`);
} catch (error) {
  if (!(error instanceof NotFoundError)) throw error;
  console.error(`No such Verify session (api_id ${error.apiId})`);
}
