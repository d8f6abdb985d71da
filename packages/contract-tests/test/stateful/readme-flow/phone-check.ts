import { BadRequestError, type PlivoClient } from '@plivo-openapi/client';

/** Your code: text a code to a phone number; returns the session to check the code against. */
export async function sendCode(plivo: PlivoClient, phoneNumber: string): Promise<string> {
  const { session_uuid } = await plivo.verifySessions.create({ recipient: phoneNumber, channel: 'sms' });
  return session_uuid;
}

/** Your code: is this the code that was sent? A refused code (wrong, expired, used up) is a no. */
export async function checkCode(plivo: PlivoClient, sessionUuid: string, code: string): Promise<boolean> {
  try {
    await plivo.verifySessions.validate(sessionUuid, code);
    return true;
  } catch (error) {
    if (error instanceof BadRequestError) return false;
    throw error;
  }
}
