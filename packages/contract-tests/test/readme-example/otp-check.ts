import { NotFoundError, type PlivoClient } from '@plivo-openapi/client';

/** Your code: may this user go on? Only once their OTP session is verified; an unknown session is a no. */
export async function hasVerifiedOtp(plivo: PlivoClient, sessionUuid: string): Promise<boolean> {
  try {
    const session = await plivo.verifySessions.get(sessionUuid);
    return session.status.toLowerCase() === 'verified';
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}
