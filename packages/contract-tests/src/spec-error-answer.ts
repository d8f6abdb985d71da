import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { parsedJson } from './parsed-json.js';
import { PREFER_HEADER } from './prefer.js';
import type { PathOperation, Routes } from './routes.js';
import { CONTROL_PREFIX } from './stateful/control-paths.js';

// Prism answers some refusals with bodies of its own that no operation of the spec describes: RFC 9457
// `application/problem+json` for a method a path does not take (405), a path the spec does not have (404), a
// `Prefer` header it cannot honour (404, which the mock makes 500: see `preferUnmet`), and, should it ever
// happen, 406, 415 or 422 (unlisted statuses); its HTTP framework (micri) answers a body it cannot parse with
// `{"error": {"code": "invalid_json", ...}}`. The spec says every error is `application/json` with its Error
// schema (`{api_id?, error: string}`), and every operation lists 400, 401, 403, 404, 405, 409, 429 and 500. So
// the mock answers those refusals in that shape, with a status the operation lists, and keeps what Prism said in
// the `sl-violations` header, as Prism does for the requests it refuses with a spec example. An answer already
// in the spec's shape is left exactly as Prism gave it.

/** An error answer as Prism gave it. */
export interface PrismErrorAnswer {
  status: number;
  contentType: string | undefined;
  body: string;
  /** Prism's `sl-violations` header, when it set one. */
  violations: string | undefined;
}

/** The answer the mock gives instead. */
export interface SpecErrorAnswer {
  status: number;
  /** Headers that replace Prism's of the same name: content-type, content-length, sl-violations, and allow for a 405. */
  headers: Record<string, string>;
  body: string;
}

// How the spec's own examples word each status (components/responses/*.yaml); a message starts with it.
const WORDING: Record<number, string> = {
  400: 'invalid request',
  401: 'authentication failed',
  403: 'forbidden',
  404: 'not found',
  405: 'method not allowed',
  409: 'conflict',
  429: 'too many requests',
  500: 'internal server error',
};

const wordingOf = (status: number) => WORDING[status] ?? (STATUS_CODES[status] ?? 'error').toLowerCase();

// Prism's limit for its own `sl-violations` header (prism-http-server's MAX_SAFE_HEADER_LENGTH).
const MAX_HEADER_LENGTH = 8 * 1024 - 100;
// How much of Prism's own body the diagnostics keep.
const MAX_BODY_IN_VIOLATION = 2_000;

interface Violation {
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

const mediaType = (contentType: string | undefined) =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A body of the spec's PlivoError schema: `error` a string, `api_id` (when there) a string. */
function isSpecError(body: unknown): boolean {
  return (
    isObject(body) &&
    typeof body.error === 'string' &&
    (body.api_id === undefined || typeof body.api_id === 'string')
  );
}

/** Whether `statuses` (an operation's `responses` keys) list `status`, as itself, its range or `default`. */
export const lists = (statuses: readonly string[], status: number): boolean =>
  statuses.includes(String(status)) ||
  statuses.includes(`${String(status)[0]}XX`) ||
  statuses.includes('default');

/**
 * The status to answer: Prism's when the operation lists it; else the operation's 400 for a refusal (Plivo answers
 * a missing or invalid parameter with 400, says the spec's description) or its 500 for a failure; Prism's when the
 * spec has no operation there to judge by.
 */
function listedStatus(status: number, statuses: readonly string[] | undefined): number {
  if (statuses === undefined || lists(statuses, status)) return status;
  const fallback = status < 500 ? 400 : 500;
  return lists(statuses, fallback) ? fallback : status;
}

/** The statuses every operation at the path lists: what an unknown method there may be answered with. */
function commonStatuses(all: (readonly string[])[]): string[] {
  const [first = [], ...others] = all;
  return first.filter((status) => others.every((statuses) => statuses.includes(status)));
}

const withoutPeriod = (text: string) => text.trim().replace(/\.+$/, '');

interface Reading {
  /** What went wrong, in a few words after the status's wording. */
  reason: string;
  /** The code of the violation that keeps Prism's own answer. */
  code: string | number;
  /** Prism's own violations inside its body (a 422's or a `--errors` 500's `validation`). */
  inner: Violation[];
  /**
   * The `Prefer` header asks for a response the operation does not have: a mistake in the test's setup. Prism
   * says 404, which a client takes for "no such session", so a test could pass for the wrong reason; the mock
   * answers 500, which no caller mistakes for an outcome.
   */
  preferUnmet?: boolean;
  /** The status to answer instead of Prism's (before it is mapped to one the operation lists). */
  status?: number;
}

/** A method the path does not take: what it takes instead, in words. */
function notAllowed(method: string, path: string, routes: Routes): string {
  const methods = routes.operationsAt(path).map((operation) => operation.method);
  const last = methods.pop();
  const takes = methods.length === 0 ? last : `${methods.join(', ')} and ${last}`;
  return `${path} takes ${takes}, not ${method.toUpperCase()}`;
}

/**
 * What `Prefer` can pick at an operation (`200: "a", "b"; 404: "c"`), and, when the operation has the example
 * asked for under another status than Prism looked in (the first success unless `code` names one), the header
 * that picks it. `detail` is Prism's, which names the example asked for.
 */
function describeExamples(operation: PathOperation, detail: string): string {
  const listed = Object.entries(operation.examples).filter(([, names]) => names.length > 0);
  if (listed.length === 0) return '';
  const each = listed.map(([status, names]) => `${status}: ${names.map((n) => `"${n}"`).join(', ')}`);
  const asked = /exampleKey: (.+) does not exist/.exec(detail)?.[1];
  const [status] = listed.find(([, names]) => asked !== undefined && names.includes(asked)) ?? [];
  const hint =
    status === undefined
      ? ''
      : `; "${asked}" is a ${status} example: ask for it with "Prefer: code=${status}, example=${asked}"`;
  return `. Its examples by status are ${each.join('; ')}${hint}`;
}

/** What Prism's (or micri's) answer says, in words a client's developer can act on. */
function read(
  method: string,
  path: string,
  answer: PrismErrorAnswer,
  routes: Routes,
  own: PathOperation | undefined,
  preferenceOf: () => string,
): Reading {
  const body = parsedJson(answer.body);
  if (mediaType(answer.contentType) === 'application/problem+json' && isObject(body)) {
    const type = String(body.type ?? '')
      .split('#')
      .pop();
    const title = typeof body.title === 'string' ? withoutPeriod(body.title) : '';
    const detail = typeof body.detail === 'string' ? withoutPeriod(body.detail) : '';
    const inner = Array.isArray(body.validation) ? (body.validation as Violation[]) : [];
    const code = type || answer.status;
    if (type === 'NO_METHOD_MATCHED_ERROR') return { reason: notAllowed(method, path, routes), code, inner };
    if (type === 'NO_PATH_MATCHED_ERROR') {
      const other = path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
      const hint =
        routes.operationsAt(other).length > 0
          ? ` (it has ${other})`
          : path.startsWith(CONTROL_PREFIX)
            ? ` (the ${CONTROL_PREFIX} controls exist only when the mock is stateful: \`plivo-mock --stateful\` or \`startMock({ stateful: true })\`)`
            : '';
      return { reason: `the spec has no path ${path}${hint}`, code, inner };
    }
    if (type === 'NOT_FOUND') {
      return {
        reason: `no response of the spec matches ${preferenceOf()}: ${detail}${own === undefined ? '' : describeExamples(own, detail)}`,
        code,
        inner,
        preferUnmet: true,
      };
    }
    // A status it has but not the example asked for under it: Prism then tries the default response and fails.
    if (type === 'UNKNOWN' && title.includes('#NOT_FOUND')) {
      return {
        reason: `no response of the spec matches ${preferenceOf()}: the status it names has no example of that name${own === undefined ? '' : describeExamples(own, detail)}`,
        code,
        inner,
        preferUnmet: true,
      };
    }
    // Prism decodes the Prefer header's values (`code=abc`, an empty `example=`; or its `__code`-style query
    // parameters) before anything else.
    const unreadable = [...detail.matchAll(/optional property "(code|example|dynamic|seed)"\n\W*([^\n]*)/g)];
    if (
      type === 'UNPROCESSABLE_ENTITY' &&
      inner.length === 0 &&
      unreadable.length > 0 &&
      /^optional property "/.test(detail)
    ) {
      const problems = unreadable.map(([, name, why]) => `\`${name}\` (${why})`).join(', ');
      return {
        reason: `${preferenceOf()} cannot be read: Prism cannot decode its ${problems}. Write it as "Prefer: code=404", "Prefer: example=<name>" or "Prefer: code=400, example=<name>"${own === undefined ? '' : describeExamples(own, '')}`,
        code,
        inner,
        preferUnmet: true,
      };
    }
    return {
      reason: [title, detail].filter(Boolean).join(': ') || `Prism answered ${answer.status}`,
      code,
      inner,
    };
  }
  // micri, Prism's HTTP framework, on a body it cannot read: {"error": {"code": "invalid_json", "message": ...}}.
  if (isObject(body) && isObject(body.error)) {
    const code = typeof body.error.code === 'string' ? body.error.code : answer.status;
    const message = typeof body.error.message === 'string' ? withoutPeriod(body.error.message) : '';
    const reason =
      code === 'invalid_json' ? 'the body is not valid JSON' : message || `Prism answered ${answer.status}`;
    return { reason, code, inner: [] };
  }
  const text = answer.body.trim();
  return {
    reason:
      text === '' ? `Prism answered ${answer.status} ${STATUS_CODES[answer.status] ?? ''}`.trim() : text,
    code: answer.status,
    inner: [],
  };
}

/** JSON as a header value: non-ASCII escaped (still JSON), cut as Prism cuts its own. */
function headerValue(violations: Violation[]): string {
  const value = JSON.stringify(violations).replace(
    /[^\x20-\x7e]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return value.length > MAX_HEADER_LENGTH
    ? `Too many violations! ${value.slice(0, MAX_HEADER_LENGTH)}`
    : value;
}

/** Prism's own `sl-violations`, when it set some and they are JSON. */
function earlier(violations: string | undefined): Violation[] {
  const list = violations === undefined ? undefined : parsedJson(violations);
  return Array.isArray(list) ? (list as Violation[]) : [];
}

/**
 * The spec's answer for an error answer of Prism's to `method` `path` (the spec's form, without query), or
 * undefined when Prism's answer is already one the spec describes (a listed status, `application/json`, the Error
 * schema), or not an error.
 */
export function specErrorAnswer(
  method: string,
  path: string,
  answer: PrismErrorAnswer,
  routes: Routes,
  preferenceOf: () => string = () => PREFER_HEADER,
): SpecErrorAnswer | undefined {
  if (answer.status < 400) return undefined;
  const operations = operationsOf(method, path, routes);
  const { own, statuses } = operations;
  // Prism can take a method for another path's: `DELETE .../Session/` as `.../Session/{session_uuid}` with an
  // empty uuid, answered with that operation's 400. The path as the spec has it does not take that method.
  if (own === undefined && operations.operations.length > 0 && answer.status < 500) {
    const reading = read(method, path, answer, routes, own, preferenceOf);
    return assemble(answer, operations, {
      ...reading,
      reason: notAllowed(method, path, routes),
      status: 405,
    });
  }
  // Checked before Prism's answer is read: Prism's own refusals (an unmet Prefer among them) are never this.
  if (
    listedStatus(answer.status, statuses) === answer.status &&
    mediaType(answer.contentType) === 'application/json' &&
    isSpecError(parsedJson(answer.body))
  ) {
    return undefined;
  }
  return assemble(answer, operations, read(method, path, answer, routes, own, preferenceOf));
}

/**
 * A `Prefer` naming a status and an example that status does not have, which Prism answered with a success
 * (it falls back to the first success's example of that name): answered as any unmet Prefer. `undefined` for
 * any other answer: not a success, or one with the status asked for.
 */
export function preferFallbackAnswer(
  method: string,
  path: string,
  answer: PrismErrorAnswer,
  routes: Routes,
  preferred: { code: number; example: string },
  preferenceOf: () => string = () => PREFER_HEADER,
): SpecErrorAnswer | undefined {
  if (answer.status < 200 || answer.status >= 300 || answer.status === preferred.code) return undefined;
  const operations = operationsOf(method, path, routes);
  const { own } = operations;
  if (own === undefined) return undefined;
  const asked = `exampleKey: ${preferred.example} does not exist`;
  return assemble(answer, operations, {
    reason: `no response of the spec matches ${preferenceOf()}: its ${preferred.code} response has no example "${preferred.example}" (Prism answered ${answer.status} instead)${describeExamples(own, asked)}`,
    code: 'PREFER_FALLBACK',
    inner: [],
    preferUnmet: true,
  });
}

/**
 * The answer to a body whose Content-Type Prism cannot parse (`problem`, in its parser's words), in place of the
 * bare 500 Prism gives it: the request's fault, so the operation's 400, naming the header and what to send.
 */
export function unreadableTypeAnswer(
  method: string,
  path: string,
  contentType: string,
  problem: string,
  routes: Routes,
): SpecErrorAnswer {
  const { operations, own, statuses } = operationsOf(method, path, routes);
  const accepted = own?.bodyTypes ?? [];
  const status = listedStatus(400, statuses);
  const message = `The Content-Type ${JSON.stringify(contentType)} cannot be parsed: ${problem}`;
  const wanted = accepted.length === 0 ? 'send no body' : `send ${accepted.join(' or ')}`;
  return bodyRefusal(
    status,
    operations.length > 0,
    `the body's Content-Type ${JSON.stringify(contentType)} cannot be parsed (${problem}); ${wanted}, with any parameters as "; name=value"`,
    { location: ['request', 'header', 'content-type'], severity: 'Error', code: 400, message },
  );
}

/**
 * What Prism answers a body in a type the operation does not take when it checks the type (see
 * unchecked-body-type.ts): its violation 415, as the operation's 400, for a request it let through unchecked.
 */
export function bodyTypeAnswer(
  method: string,
  path: string,
  contentType: string,
  routes: Routes,
): SpecErrorAnswer {
  const { operations, own, statuses } = operationsOf(method, path, routes);
  const accepted = own?.bodyTypes ?? [];
  const status = listedStatus(415, statuses);
  // Prism's own words for it, so that sl-violations reads the same however the body was framed.
  const message =
    accepted.length === 0
      ? 'No supported content types, but request included a non-empty body'
      : `Supported content types: ${accepted.join(',')}`;
  const wanted = accepted.length === 0 ? 'send no body' : `send it as ${accepted.join(' or ')}`;
  return bodyRefusal(
    status,
    operations.length > 0,
    `the body's Content-Type is ${JSON.stringify(contentType)}; ${wanted}`,
    { location: ['request'], severity: 'Error', code: 415, message },
  );
}

/** A refusal of the request's body in the spec's PlivoError shape (`api_id` on a path the spec has), its violation in `sl-violations`. */
function bodyRefusal(status: number, known: boolean, what: string, violation: Violation): SpecErrorAnswer {
  const body = JSON.stringify({
    ...(known ? { api_id: randomUUID() } : {}),
    error: `${wordingOf(status)}: ${what}`,
  });
  return {
    status,
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'sl-violations': headerValue([violation]),
    },
    body,
  };
}

function operationsOf(method: string, path: string, routes: Routes) {
  const operations = routes.operationsAt(path);
  const own = operations.find((operation) => operation.method === method.toUpperCase());
  // The spec cannot judge a path it does not have: that 404 keeps its status, in the same shape.
  const statuses =
    own?.statuses ??
    (operations.length === 0 ? undefined : commonStatuses(operations.map((operation) => operation.statuses)));
  return { operations, own, statuses };
}

/** The spec-shaped answer for what `reading` says of Prism's `answer`, which stays in `sl-violations`. */
function assemble(
  answer: PrismErrorAnswer,
  { operations, statuses }: ReturnType<typeof operationsOf>,
  { reason, code, inner, preferUnmet, status: instead }: Reading,
): SpecErrorAnswer {
  const status = listedStatus(instead ?? (preferUnmet ? 500 : answer.status), statuses);
  const wording = wordingOf(status);
  // A request to a path of the spec gets its api_id, as Plivo's answers do; Plivo's 404 for a path it does not
  // have has been seen without one (the spec's NotFound example).
  const error = {
    ...(operations.length === 0 ? {} : { api_id: randomUUID() }),
    error: `${wording}: ${reason}`,
  };
  const shownBody =
    answer.body.length > MAX_BODY_IN_VIOLATION
      ? `${answer.body.slice(0, MAX_BODY_IN_VIOLATION)}…`
      : answer.body;
  const prisms: Violation = {
    location: ['request'],
    severity: 'Error',
    code,
    message: `Prism answered ${answer.status} ${mediaType(answer.contentType) || 'without a content type'}: ${shownBody}`,
  };
  const body = JSON.stringify(error);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    'sl-violations': headerValue([...earlier(answer.violations), prisms, ...inner]),
  };
  // RFC 9110 §15.5.6: a 405 names the methods the path takes.
  if (status === 405 && operations.length > 0)
    headers.allow = operations.map((operation) => operation.method).join(', ');
  return { status, headers, body };
}
