import type { Redact } from './errors.js';

const REDACTED = '[redacted]';

/**
 * A redactor for the given secrets. Any text from outside the client (a server's error message, a body quoted
 * in an error, a network error's message) goes through it when an error is built, so a server or proxy that
 * echoes the Authorization header back cannot leak the token into logs. Successful calls never use it.
 * Escaped echoes (percent-encoded in a redirect's query or a form body, even twice; JSON string escapes; HTML
 * entities) are found by unescaping: when the unescaped text holds a secret, it is what comes back, redacted.
 */
export function createRedactor(secrets: readonly string[]): Redact {
  // Longest first, so a secret that contains another is removed whole. Each secret URL-encoded too: text
  // encoded twice holds that form once decoded.
  const words = [...new Set(secrets.flatMap((secret) => [secret, encodeURIComponent(secret)]))]
    .filter((secret) => secret.length > 0)
    .sort((a, b) => b.length - a.length);
  const redactWords = (text: string) => {
    let result = text;
    for (const word of words) {
      if (result.includes(word)) result = result.split(word).join(REDACTED);
      result = redactCutOffEnd(result, word);
    }
    return result;
  };
  return (text) => {
    let result = redactWords(String(text));
    if (!/[%&\\]/.test(result)) return result;
    // Each escape in turn, so that copies in different escapes all go, then all of them at once, for an escape
    // inside another (`\u0026quot;`).
    for (const undo of [...UNESCAPES, undoAll]) {
      const decoded = undo(result);
      if (decoded === result) continue;
      const again = redactWords(decoded);
      if (again !== decoded) result = again;
    }
    return result;
  };
}

/** The escapes a server may quote a secret in, undone. `+` is a space in form encoding and itself elsewhere. */
const UNESCAPES: readonly ((text: string) => string)[] = [
  percentDecoded,
  (text) => percentDecoded(text.replaceAll('+', ' ')),
  jsonUnescaped,
  htmlUnescaped,
];

const undoAll = (text: string): string => percentDecoded(htmlUnescaped(jsonUnescaped(text)));

/** JSON string escapes of printable ASCII (what a secret is made of): `\"`, `\\`, `\/` and `\u0026`. */
function jsonUnescaped(text: string): string {
  return text.replace(/\\(?:u([0-9a-fA-F]{4})|(["\\/]))/g, (_: string, hex?: string, char?: string) =>
    char === undefined ? String.fromCharCode(Number.parseInt(hex as string, 16)) : char,
  );
}

const NAMED_REFERENCES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** HTML's character references: the named ones of markup characters, and every numeric one. */
function htmlUnescaped(text: string): string {
  return text.replace(
    /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|([a-z]+));/g,
    (reference: string, decimal?: string, hex?: string, name?: string) => {
      if (name !== undefined) return NAMED_REFERENCES.get(name) ?? reference;
      const code = decimal === undefined ? Number.parseInt(hex as string, 16) : Number(decimal);
      return code <= 0x10ffff ? String.fromCodePoint(code) : reference;
    },
  );
}

/** The Basic credentials the client sends. Both parts are validated printable ASCII, so btoa cannot throw. */
export function basicCredentials(authId: string, authToken: string): string {
  return btoa(`${authId}:${authToken}`);
}

/**
 * The redactor of one client: its token, and its Basic credentials and the token's own base64 (a proxy may
 * decode the header and re-encode its password) in every form they are echoed in.
 */
export function credentialRedactor(authId: string, authToken: string): Redact {
  return createRedactor([
    authToken,
    ...base64Forms(basicCredentials(authId, authToken)),
    ...base64Forms(btoa(authToken)),
  ]);
}

/**
 * The forms base64 Basic credentials take when echoed: whole, without their `=` padding (cut or stripped), and
 * in base64url.
 */
export function base64Forms(base64: string): string[] {
  const unpadded = base64.replace(/=+$/, '');
  return [base64, unpadded, unpadded.replaceAll('+', '-').replaceAll('/', '_')];
}

/** Each run of `%XX` escapes decoded where it is valid UTF-8. */
function percentDecoded(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** Below this many characters, a text that ends like the start of a secret is taken as chance, not a leak. */
const MIN_PARTIAL_SECRET = 4;

/**
 * Quoted bodies are cut at a byte limit, so a secret can straddle the cut and survive as its first characters
 * only, which whole-word matching cannot see. A text that ends with the start of a secret loses that end (the
 * longest such start).
 */
function redactCutOffEnd(text: string, secret: string): string {
  for (let length = Math.min(secret.length - 1, text.length); length >= MIN_PARTIAL_SECRET; length -= 1) {
    if (text.endsWith(secret.slice(0, length))) return `${text.slice(0, text.length - length)}${REDACTED}`;
  }
  return text;
}

/** How deep, and how many values, of an error body `redactedJson` copies: a hostile body can be neither. */
const MAX_JSON_DEPTH = 32;
const MAX_JSON_VALUES = 10_000;

/**
 * A copy of parsed JSON with every string in it (keys too) redacted, and every number that holds a secret: the
 * body an error carries. Past `MAX_JSON_DEPTH` levels or `MAX_JSON_VALUES` values it holds `[truncated]`, so a
 * 200,000-deep array cannot overflow the stack nor a body of 400,000 strings hold the thread.
 */
export function redactedJson(value: unknown, redact: Redact): unknown {
  let budget = MAX_JSON_VALUES;
  const copy = (item: unknown, depth: number): unknown => {
    budget -= 1;
    if (budget < 0 || depth > MAX_JSON_DEPTH) return '[truncated]';
    if (typeof item === 'string') return redact(item);
    // A token of digits alone, echoed as a JSON number, is as secret as one echoed in a string.
    if (typeof item === 'number') return redact(String(item)) === String(item) ? item : '[redacted]';
    if (typeof item !== 'object' || item === null) return item;
    if (Array.isArray(item)) return item.map((element) => copy(element, depth + 1));
    return Object.fromEntries(
      Object.entries(item).map(([key, field]) => [redact(key), copy(field, depth + 1)]),
    );
  };
  return copy(value, 0);
}

/** Primitive fields of network errors (Node's and undici's) worth keeping on a copy: they say what failed. */
const DIAGNOSTIC_KEYS = ['code', 'errno', 'syscall', 'address', 'port', 'hostname'] as const;
const MAX_CAUSE_DEPTH = 5;

/**
 * A secret-free copy of an error that came from outside the client (a network failure, or whatever a custom
 * `fetch` threw), to keep as a `cause`. The original may quote the Authorization header in its message or
 * carry the whole request, as ky's, got's and axios' errors do, and util.inspect prints causes in full; the
 * copy keeps only the name, message, stack, the diagnostic fields above and the cause chain, all redacted.
 */
export function redactedCause(cause: unknown, redact: Redact, depth = 0): unknown {
  if (depth >= MAX_CAUSE_DEPTH || cause === undefined || cause === null) return undefined;
  if (typeof cause === 'number' || typeof cause === 'boolean') return cause;
  if (!(cause instanceof Error)) return redact(String(cause));
  const inner = redactedCause(cause.cause, redact, depth + 1);
  const copy = new Error(
    redact(String(cause.message)),
    inner === undefined ? undefined : { cause: inner },
  ) as Error & Record<string, unknown>;
  copy.name = redact(String(cause.name));
  copy.stack = redact(String(cause.stack ?? `${cause.name}: ${cause.message}`));
  for (const key of DIAGNOSTIC_KEYS) {
    const value: unknown = (cause as unknown as Record<string, unknown>)[key];
    if (typeof value === 'string') copy[key] = redact(value);
    else if (typeof value === 'number') copy[key] = value;
  }
  // An AggregateError's reasons are in `errors` (one per address tried), not in its message.
  const { errors } = cause as { errors?: unknown };
  if (Array.isArray(errors)) copy.errors = errors.map((error) => redactedCause(error, redact, depth + 1));
  return copy;
}
