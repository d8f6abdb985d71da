import { tokenProblem } from './arguments.js';
import { CallbackConfigurationError } from './errors.js';

const TOKEN_HINT =
  'Pass the Auth Token of the Plivo account (or of the main account for an -Ma- header), with no surrounding ' +
  'whitespace. This is a setting of the receiver (is PLIVO_AUTH_TOKEN set?), not a fault of the request: answer ' +
  '500 (a failed delivery, which Plivo retries for Verify callbacks) and fix the setting.';

/** The Auth Token, or a `CallbackConfigurationError` saying what is wrong with it without quoting any of it. */
export function requireAuthToken(value: unknown): string {
  const problem = tokenProblem('authToken', value, true);
  if (problem !== undefined) throw new CallbackConfigurationError(`${problem} ${TOKEN_HINT}`);
  return value as string;
}
