import {
  bodySnippet,
  InvalidResponseError,
  type Redact,
  type RequestTarget,
  redactHeaders,
} from './errors.js';

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * Parses a successful answer's body, which for every operation of this API is a JSON object. Anything else
 * (a proxy's HTML page, a truncated body, `null`, an empty body) becomes an `InvalidResponseError` with the
 * status and the start of the body, never a bare `SyntaxError`.
 */
export function parseJsonObject(
  text: string,
  target: RequestTarget,
  response: Pick<Response, 'status' | 'headers'>,
  redact: Redact,
): Record<string, unknown> {
  let problem: string;
  if (text.trim() === '') {
    problem = 'is empty';
  } else {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        return value as Record<string, unknown>;
      }
      problem = `is ${describeJson(value)}, not a JSON object`;
    } catch {
      problem = 'is not valid JSON';
    }
  }
  const snippet = bodySnippet(text, redact);
  throw new InvalidResponseError(
    `${target.method} ${target.url} answered ${response.status} but its body ${problem}: ${JSON.stringify(snippet)}`,
    {
      ...target,
      status: response.status,
      headers: redactHeaders(response.headers, redact),
      bodySnippet: snippet,
    },
  );
}
