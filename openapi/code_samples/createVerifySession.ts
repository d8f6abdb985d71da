import { createPlivoClient } from '@plivo-openapi/client';

// An ES module (it awaits at the top level). Reads your credentials from PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN.
const plivo = createPlivoClient();

// The body of the first request example, "A code by SMS with the application's settings" (the others add fields).
const sent = await plivo.verifySessions.create({ recipient: '919380013443' });
// Keep the session_uuid: it validates the code the recipient enters.
console.log(`session: ${sent.session_uuid}`);
