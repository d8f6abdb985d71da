import { createPlivoClient, NotFoundError } from '@plivo-openapi/client';

// An ES module (it awaits at the top level). Reads your credentials from PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN.
const plivo = createPlivoClient();

try {
  const session = await plivo.verifySessions.get('60ea68db-b123-46d9-9eb2-1201d516dbbd');
  console.log(`${session.recipient} over ${session.channel}: ${session.status}`);
  // Charges are decimal strings, so no precision is lost.
  console.log(`attempts: ${session.count}, total charge: ${session.charges.total_charge}`);
} catch (error) {
  if (!(error instanceof NotFoundError)) throw error;
  console.error(`No such Verify session: ${error.message}`);
}
