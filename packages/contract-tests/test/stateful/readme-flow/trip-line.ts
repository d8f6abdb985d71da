import type { PlivoClient } from '@plivo-openapi/client';

/** Your code: a masked line between rider and driver for one trip; both see only its number. */
export async function openTripLine(plivo: PlivoClient, rider: string, driver: string, minutes: number) {
  const { session_uuid, virtual_number } = await plivo.maskingSessions.create({
    first_party: rider,
    second_party: driver,
    session_expiry: minutes * 60,
  });
  return { sessionUuid: session_uuid, number: virtual_number };
}

/** Your code: the trip is over, the line closes. */
export async function closeTripLine(plivo: PlivoClient, sessionUuid: string): Promise<void> {
  await plivo.maskingSessions.delete(sessionUuid);
}
