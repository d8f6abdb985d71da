import { describeType, quote } from './arguments.js';
import { CallbackPayloadError } from './errors.js';
import { FORM_HINT, objectShape } from './records.js';
import { decodeQueryComponent } from './signing-url.js';

/**
 * A callback payload as a receiver has it: the body of a form-encoded POST or the query of a GET, as a string
 * (a leading `?` is fine), as `URLSearchParams`, or as a record of strings a framework already decoded. The
 * record's type also takes what `node:querystring` gives (`ParsedUrlQuery`): its arrays, a repeated attribute,
 * are refused when parsed.
 */
export type CallbackPayloadInput =
  | URLSearchParams
  | string
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Characters a form body or query string may hold unencoded: printable ASCII. RFC 3986 wants `|[]{}^` and a few
 * more percent-encoded, but servers hand them over raw (node:http's `req.url` does) and `URLSearchParams` reads
 * them, so they are read too. A space, a control or a non-ASCII character means decoded text, not form text.
 */
const FORM_TEXT = /^[\x21-\x7e]*$/;

/** Why `text` looks like a URL or a request path rather than a query string, or `undefined`. */
function urlLike(text: string): string | undefined {
  if (/^https?:\/\//i.test(text)) return `starts with ${quote(text.slice(0, text.indexOf('//') + 2))}`;
  if (text.startsWith('/')) return 'starts with "/"';
  const question = text.indexOf('?');
  if (question !== -1 && (text.indexOf('=') === -1 || question < text.indexOf('='))) {
    return 'has a "?" before any "="';
  }
  return undefined;
}

function fromText(text: string, kind: string): Array<[string, string]> {
  const body = text.startsWith('?') ? text.slice(1) : text;
  if (/^\s*[[{]/.test(body)) {
    throw new CallbackPayloadError(
      `The ${kind} payload looks like JSON. Plivo sends it form-encoded in a POST body ` +
        '(application/x-www-form-urlencoded) or as the query string of a GET: pass the raw body or query string.',
    );
  }
  const url = urlLike(body);
  if (url !== undefined) {
    throw new CallbackPayloadError(
      `The ${kind} payload looks like a URL or a request path, not a query string: it ${url}. Pass the query ` +
        'string (what follows the "?" of `req.url`, or `new URL(url).search`), the parsed parameters ' +
        '(`new URL(url).searchParams`), or the body of a POST.',
    );
  }
  if (!FORM_TEXT.test(body)) {
    const bad = [...body].find((char) => !FORM_TEXT.test(char)) ?? '';
    throw new CallbackPayloadError(
      `The ${kind} payload is neither form-encoded nor a query string: it contains ${quote(bad)}, ` +
        'which such text always percent-encodes. Pass the raw body of the POST or the query string of the GET.',
    );
  }
  const pairs: Array<[string, string]> = [];
  for (const piece of body.split('&')) {
    if (piece === '') continue;
    const equals = piece.indexOf('=');
    const [key, value] = equals === -1 ? [piece, ''] : [piece.slice(0, equals), piece.slice(equals + 1)];
    pairs.push([decodeQueryComponent(key), decodeQueryComponent(value)]);
  }
  return pairs;
}

function fromRecord(record: object, kind: string): Array<[string, string]> {
  return Object.entries(record).map(([key, value]): [string, string] => {
    if (typeof value !== 'string') {
      throw new CallbackPayloadError(
        `The ${kind} payload's attribute ${quote(key)} must be a string, got ${describeType(value)}` +
          `${Array.isArray(value) ? ' (the attribute was repeated)' : ''}.`,
        key,
      );
    }
    return [key, value];
  });
}

function readPairs(input: unknown, kind: string): Array<[string, string]> {
  if (typeof input === 'string') return fromText(input, kind);
  if (typeof input !== 'object' || input === null || Array.isArray(input) || ArrayBuffer.isView(input)) {
    throw new CallbackPayloadError(
      `The ${kind} payload must be URLSearchParams, a form-encoded or query string, or a record of strings; ` +
        `got ${describeType(input)}${ArrayBuffer.isView(input) ? ' (bytes: decode them as UTF-8 text first)' : ''}.`,
    );
  }
  const shape = objectShape(input);
  if (shape.kind === 'URLSearchParams') return [...(input as URLSearchParams)];
  if (shape.kind === 'record') return fromRecord(input, kind);
  throw new CallbackPayloadError(
    `The ${kind} payload is ${shape.what}, whose fields cannot be read as a record: ${FORM_HINT}.`,
  );
}

/**
 * The payload's attributes by name. Throws a `CallbackPayloadError` for input that is not a form/query payload,
 * for a nameless attribute and for a repeated one (Plivo sends each attribute once; guessing which value counts
 * would hide a forged or broken request).
 */
export function readAttributes(input: unknown, kind: string): Map<string, string> {
  const pairs = readPairs(input, kind);
  const attributes = new Map<string, string>();
  for (const [key, value] of pairs) {
    if (key === '') {
      throw new CallbackPayloadError(`The ${kind} payload has an attribute without a name.`, key);
    }
    if (attributes.has(key)) {
      throw new CallbackPayloadError(
        `The ${kind} payload has the attribute ${quote(key)} more than once.`,
        key,
      );
    }
    attributes.set(key, value);
  }
  return attributes;
}

/** Takes documented attributes out of the map, each typed; what remains afterwards is unknown to this version. */
export class AttributeReader {
  readonly #attributes: Map<string, string>;
  readonly #kind: string;

  constructor(attributes: Map<string, string>, kind: string) {
    this.#attributes = new Map(attributes);
    this.#kind = kind;
  }

  required(name: string): string {
    const value = this.#attributes.get(name);
    if (value === undefined || value === '') {
      // A key in another case (`eventname`) is the likeliest slip of a hand-made payload: named, if there is one.
      const near = [...this.#attributes.keys()].find((key) => key.toLowerCase() === name.toLowerCase());
      const found =
        value === '' ? `an empty ${name}` : near === undefined ? `no ${name}` : `no ${name} (it has ${near})`;
      throw new CallbackPayloadError(
        `The ${this.#kind} payload has ${found}; Plivo sends it, not empty, with every such callback.`,
        name,
      );
    }
    this.#attributes.delete(name);
    return value;
  }

  optional(name: string): string | undefined {
    const value = this.#attributes.get(name);
    this.#attributes.delete(name);
    return value;
  }

  /** An integer attribute; an empty value (Plivo's way of saying "not applicable") is `undefined`. */
  integer(name: string): number | undefined {
    const value = this.optional(name);
    if (value === undefined || value === '') return undefined;
    if (!/^-?\d{1,15}$/.test(value)) {
      throw new CallbackPayloadError(
        `The ${this.#kind} payload's ${name} must be an integer (as Plivo documents it), got ${quote(value)}.`,
        name,
      );
    }
    return Number(value);
  }

  /** The attributes not taken, as sent. */
  rest(): Readonly<Record<string, string>> {
    return Object.fromEntries(this.#attributes);
  }
}

/** `T` with every property that may be undefined made optional instead (absent, never present as undefined). */
export type DefinedOnly<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** Copies the defined entries only, so a parsed event has no keys for attributes that were not sent. */
export function definedOnly<T extends object>(value: T): DefinedOnly<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as DefinedOnly<T>;
}
