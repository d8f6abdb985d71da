import { BadRequestError, createPlivoClient } from '@plivo-openapi/client';

// An ES module (it awaits at the top level). Reads your credentials from PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN.
const plivo = createPlivoClient();

try {
  // The body of the request example, "The code the user entered". The code is a string: keep its leading zeros.
  const result = await plivo.verifySessions.validate('9c8b7a6f-5e4d-4c3b-a2a1-f0e9d8c7b6a5', '123456');
  console.log(`${result.message} (api_id: ${result.api_id})`);
} catch (error) {
  // A wrong code, a session already verified or expired, or more than 10 attempts.
  if (!(error instanceof BadRequestError)) throw error;
  console.error(`not verified: ${error.message}`);
}
