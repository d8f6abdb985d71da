import { describeType, InvalidArgumentError, type Redact } from './errors.js';

/**
 * The identifier formats of the spec (`components/parameters/AuthId.yaml`, `SessionUuid.yaml`). A test checks
 * that these equal the patterns in the bundled spec, so they cannot drift apart.
 */
export const AUTH_ID_PATTERN = /^(MA|SA)[A-Z0-9]{18}$/;
export const SESSION_UUID_PATTERN =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Printable ASCII without spaces: what an HTTP Basic password can carry unchanged through `btoa`. */
export const AUTH_TOKEN_PATTERN = /^[\x21-\x7e]+$/;

/** A value cut to a length a message can quote; cut after redaction, which could not see a secret cut short. */
const shortened = (text: string): string => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** Rejects a session UUID that the API could only answer with an error, before any request is made. */
export function assertSessionUuid(value: unknown, redact: Redact): asserts value is string {
  if (typeof value === 'string' && SESSION_UUID_PATTERN.test(value)) return;
  const got = typeof value === 'string' ? JSON.stringify(shortened(redact(value))) : describeType(value);
  throw new InvalidArgumentError(
    'sessionUuid',
    'sessionUuid must be a session UUID: 36 characters, 8-4-4-4-12 hexadecimal digits such as ' +
      `"c28b77d4-21e7-43bd-9447-04bfee92e651"; got ${got}.`,
  );
}
