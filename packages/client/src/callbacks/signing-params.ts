import { describeType, quote } from './arguments.js';
import { CallbackSignatureError } from './errors.js';
import { FORM_HINT, objectShape } from './records.js';

/**
 * The callback's parameters as the receiver decoded them: the form fields of a POST body. A `URLSearchParams`
 * keeps repeated keys; in a record, a repeated key is an array. (`undefined` is in the record's type only so
 * that `node:querystring`'s `ParsedUrlQuery` fits; such a value is refused, naming its key.)
 */
export type CallbackParams =
  | URLSearchParams
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Parameters grouped by key, in first-seen order (sorting happens when the signed text is built). */
export type GroupedParams = Map<string, string[]>;

/** Groups `params` by key; throws a `CallbackSignatureError` naming the key whose value is not a string. */
export function groupParams(params: unknown): GroupedParams {
  const grouped: GroupedParams = new Map();
  const add = (key: string, value: string) => {
    const values = grouped.get(key);
    if (values === undefined) grouped.set(key, [value]);
    else values.push(value);
  };
  if (params === undefined || params === null) return grouped;
  // A raw body, as text or bytes (express.text(), express.raw(), a Lambda event's body): it must be parsed first.
  const raw =
    typeof params === 'string'
      ? ': parse the raw body first, `new URLSearchParams(body)`'
      : ArrayBuffer.isView(params)
        ? ': decode them as UTF-8 and parse them, `new URLSearchParams(new TextDecoder().decode(body))`'
        : '';
  if (typeof params !== 'object' || Array.isArray(params) || raw !== '') {
    throw new CallbackSignatureError(
      'params',
      `params must be a URLSearchParams or a record of strings (string arrays for repeated keys), got ${ArrayBuffer.isView(params) ? 'bytes' : describeType(params)}${raw}.`,
    );
  }
  const shape = objectShape(params);
  if (shape.kind === 'URLSearchParams') {
    for (const [key, value] of params as URLSearchParams) add(key, value);
    return grouped;
  }
  if (shape.kind === 'other') {
    // Its fields are invisible to a record read: the params would count as none and the check would just fail.
    throw new CallbackSignatureError(
      'params',
      `params is ${shape.what}, whose fields cannot be read as a record: ${FORM_HINT}.`,
    );
  }
  for (const [key, value] of Object.entries(params)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    // The index, not the item: an `undefined` item must be refused too.
    const wrong = values.findIndex((item) => typeof item !== 'string');
    if (wrong !== -1) {
      throw new CallbackSignatureError(
        'params',
        `params[${quote(key)}] must be a string or an array of strings, got ${describeType(values[wrong])}` +
          `${Array.isArray(value) ? ' in its array' : ''}. Pass the decoded form fields as received.`,
      );
    }
    // A key with an empty array still counts, as in Node's SDK (it makes the params "non-empty").
    if (!grouped.has(key)) grouped.set(key, []);
    for (const item of values as string[]) add(key, item);
  }
  return grouped;
}
