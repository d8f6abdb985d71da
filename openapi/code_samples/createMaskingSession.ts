import { createPlivoClient } from '@plivo-openapi/client';

// An ES module (it awaits at the top level). Reads your credentials from PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN.
const plivo = createPlivoClient();

// The body of the first request example, "Two parties, everything else default" (the others set more, or one
// party only).
const created = await plivo.maskingSessions.create({
  first_party: '917708772011',
  second_party: '919976106830',
});
// Both parties call the virtual number; neither sees the other's real number.
console.log(`session: ${created.session_uuid}`);
console.log(`virtual number: ${created.virtual_number}`);
