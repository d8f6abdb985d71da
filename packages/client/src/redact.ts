import type { Redact } from './errors.js';

const REDACTED = '[redacted]';

/**
 * A redactor for the given secrets. Any text from outside the client (a server's error message, a body quoted
 * in an error, a network error's message) goes through it before it reaches an error, so a server or proxy
 * that echoes the Authorization header back cannot leak the token into logs.
 */
export function createRedactor(secrets: readonly string[]): Redact {
  // Longest first, so a secret that contains another is removed whole.
  const words = secrets.filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
  return (text) => {
    let result = text;
    for (const word of words) {
      if (result.includes(word)) result = result.split(word).join(REDACTED);
    }
    return result;
  };
}
