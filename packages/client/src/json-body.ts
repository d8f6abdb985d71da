import {
  type Answer,
  bodySnippet,
  InvalidResponseError,
  type Redact,
  redactHeaders,
  targetOf,
} from './errors.js';

/** A JSON object as parsed: what every success body of this API is. */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** The error for a 2xx answer whose body is not what the operation promises; `problem` completes "its body …". */
export function invalidBodyError(
  method: string,
  response: Answer,
  text: string,
  problem: string,
  redact: Redact,
  apiId?: string,
): InvalidResponseError {
  const target = targetOf(method, response, redact);
  const snippet = bodySnippet(text, redact);
  return new InvalidResponseError(`${target.method} ${target.url} answered ${response.status} ${problem}`, {
    ...target,
    status: response.status,
    apiId,
    headers: redactHeaders(response.headers, redact),
    bodySnippet: snippet,
  });
}

/**
 * Parses a successful answer's body, which for every operation of this API is a JSON object. Anything else
 * (a proxy's HTML page, a truncated body, `null`, an empty body) becomes an `InvalidResponseError` with the
 * status and the start of the body, never a bare `SyntaxError`.
 */
export function parseJsonObject(text: string, method: string, response: Answer, redact: Redact): JsonObject {
  let problem: string;
  try {
    const value: unknown = JSON.parse(text);
    if (isJsonObject(value)) return value;
    problem = `is ${describeJson(value)}, not a JSON object`;
  } catch {
    problem = text.trim() === '' ? 'is empty' : 'is not valid JSON';
  }
  const snippet = JSON.stringify(bodySnippet(text, redact));
  throw invalidBodyError(method, response, text, `but its body ${problem}: ${snippet}`, redact);
}
