import { createPlivoClient } from '@plivo-openapi/client';

// An ES module (it awaits at the top level). Reads your credentials from PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN.
const plivo = createPlivoClient();

// The session is not erased: it is marked expired, and calls to its virtual number are no longer bridged.
const deleted = await plivo.maskingSessions.delete('7f3e2d1c-4b5a-4968-8776-a5b4c3d2e1f0');
console.log(`${deleted.message} (api_id: ${deleted.api_id})`);
