import { randomInt, randomUUID } from 'node:crypto';

/** A request id, as every Plivo answer carries in `api_id`. */
export const newApiId = (): string => randomUUID();
export const newUuid = (): string => randomUUID();
/**
 * The key a session is kept under: UUIDs are case-insensitive (RFC 9562 §4; the spec's SessionUuid allows A-F),
 * so a session is found whatever case its uuid is sent in. Its `session_uuid` stays as created.
 */
export const uuidKey = (uuid: string): string => uuid.toLowerCase();

/** `length` random decimal digits (a PIN or an OTP), the first one may be 0 as in real codes. */
export function randomDigits(length: number): string {
  let digits = '';
  for (let i = 0; i < length; i++) digits += String(randomInt(10));
  return digits;
}
