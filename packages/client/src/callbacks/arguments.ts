import { type CallbackSignatureArgument, CallbackSignatureError } from './errors.js';

/**
 * Quotes text the request chose (an attribute name or value, a URL, a method) for a message: JSON string syntax,
 * plus escapes for the line breaks JSON leaves raw (U+0085, U+2028, U+2029) and other C1 controls, so the text can
 * neither start a forged log line nor pass for the message's own words.
 */
export function quote(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Says what a value is without quoting it (it may be a secret or attacker input). */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value === 'string' ? `a string of ${value.length} characters` : typeof value;
}

const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

/**
 * What is wrong with a header value or other text input, or `undefined` when it is a non-empty string of
 * printable ASCII without spaces. Plivo's nonces, signatures and Auth Tokens are all of that form; anything else
 * (a trailing newline from an env file, a non-ASCII byte) is reported before any hashing. The value itself is
 * never quoted, and for a `secret` not even the code point at fault (it is part of the secret).
 */
export function tokenProblem(name: string, value: unknown, secret: boolean): string | undefined {
  if (typeof value !== 'string') return `${name} must be a string, got ${describeType(value)}.`;
  if (value.length === 0) return `${name} is empty.`;
  if (PRINTABLE_ASCII.test(value)) return undefined;
  const bad = [...value].findIndex((char) => !PRINTABLE_ASCII.test(char));
  const code = value.codePointAt(bad) ?? 0;
  const what = code > 0x7e ? 'a non-ASCII character' : 'a space or control character';
  const which = secret ? '' : ` (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  return `${name} contains ${what}${which} at position ${bad}; Plivo only sends printable ASCII here.`;
}

/** A request's text input (nonce, signature): its value, or a `CallbackSignatureError` naming the argument. */
export function requireToken(argument: CallbackSignatureArgument, value: unknown, hint: string): string {
  const problem = tokenProblem(argument, value, false);
  if (problem !== undefined) throw new CallbackSignatureError(argument, `${problem} ${hint}`);
  return value as string;
}
