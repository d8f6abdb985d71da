/**
 * The check that the token never shows in anything a user could log: an error's message, stack, toJSON(),
 * JSON.stringify, util.inspect (hidden properties, getters and causes included), or anything written to the
 * console.
 */
import { inspect } from 'node:util';
import { AUTH_TOKEN, BASIC_CREDENTIALS } from './credentials.js';

const UNPADDED_CREDENTIALS = BASIC_CREDENTIALS.replace(/=+$/, '');

/**
 * Every form the token travels in: itself, and the Basic credentials the client sends, also without their
 * padding and as base64url. Percent-encoded forms are caught by decoding each rendering (see leaksIn).
 */
export const SECRET_FORMS: readonly string[] = [
  AUTH_TOKEN,
  BASIC_CREDENTIALS,
  UNPADDED_CREDENTIALS,
  UNPADDED_CREDENTIALS.replaceAll('+', '-').replaceAll('/', '_'),
];

/** A text with its `%XX` runs decoded where they are valid UTF-8 and `+` read as a space. */
function decoded(text: string): string {
  return text.replace(/\+/g, ' ').replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** Every text representation of `value` a user might log. */
export function renderings(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const attempt = (label: string, render: () => unknown) => {
    try {
      out[label] = String(render());
    } catch (error) {
      out[label] = `<${label} threw ${String(error)}>`;
    }
  };
  attempt('String()', () => value);
  attempt('util.inspect', () => inspect(value, { depth: Number.POSITIVE_INFINITY }));
  attempt('util.inspect showHidden', () =>
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true }),
  );
  attempt('JSON.stringify', () => JSON.stringify(value));
  if (value instanceof Error) {
    attempt('message', () => value.message);
    attempt('stack', () => value.stack);
  }
  const toJSON = (value as { toJSON?: unknown } | null)?.toJSON;
  if (typeof toJSON === 'function') attempt('toJSON()', () => JSON.stringify(toJSON.call(value)));
  return out;
}

/** Where (which rendering) a secret appears in `value`; empty when it is clean. */
export function leaksIn(value: unknown): string[] {
  const found: string[] = [];
  for (const [label, text] of Object.entries(renderings(value))) {
    if (SECRET_FORMS.some((secret) => text.includes(secret) || decoded(text).includes(secret)))
      found.push(label);
  }
  return found;
}

/**
 * Where a piece of the token (any `minLength` consecutive characters of it) appears in `value`: a cut-off
 * token in a quoted body snippet is still a leak, it only makes guessing the rest easier.
 */
export function partialLeaksIn(value: unknown, minLength = 10): string[] {
  const pieces = Array.from({ length: AUTH_TOKEN.length - minLength + 1 }, (_, i) =>
    AUTH_TOKEN.slice(i, i + minLength),
  );
  return Object.entries(renderings(value))
    .filter(([, text]) => pieces.some((piece) => text.includes(piece)))
    .map(([label]) => label);
}

/** Collects values over a test file and reports every leak at the end, with what leaked where. */
export class LeakCollector {
  readonly seen: { where: string; value: unknown }[] = [];

  add(where: string, value: unknown): void {
    this.seen.push({ where, value });
  }

  leaks(): string[] {
    return this.seen.flatMap(({ where, value }) => leaksIn(value).map((label) => `${where}: ${label}`));
  }

  partialLeaks(): string[] {
    return this.seen.flatMap(({ where, value }) =>
      partialLeaksIn(value).map((label) => `${where}: ${label}`),
    );
  }
}
