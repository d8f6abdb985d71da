import {
  type Answer,
  answerError,
  bodySnippet,
  describeType,
  InvalidResponseError,
  type Redact,
  redactedField,
} from './errors.js';

/** A JSON object as parsed: what every success body of this API is. */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The error for a 2xx answer whose body is not what the operation promises; `problem` completes "answered
 * 200 …". `body`, when it was parsed, gives the error its `api_id`.
 */
export function invalidBodyError(
  method: string,
  response: Answer,
  text: string,
  problem: string,
  redact: Redact,
  body?: JsonObject,
): InvalidResponseError {
  return answerError(InvalidResponseError, method, response, ` ${problem}`, redact, {
    apiId: redactedField(body, 'api_id', redact),
    bodySnippet: bodySnippet(text, redact),
  }) as InvalidResponseError;
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
    problem = `is ${describeType(value)}, not a JSON object`;
  } catch {
    problem = text.trim() === '' ? 'is empty' : 'is not valid JSON';
  }
  const snippet = JSON.stringify(bodySnippet(text, redact));
  throw invalidBodyError(method, response, text, `but its body ${problem}: ${snippet}`, redact);
}
