import { describeType, InvalidArgumentError } from './errors.js';

/**
 * Refuses request parameters that JSON would send as something else or as nothing, naming the field: a Map or
 * a URLSearchParams becomes `{}`, a Date a string, NaN and Infinity `null`; a function or a symbol is dropped;
 * a BigInt or a cycle makes JSON.stringify throw a TypeError that names no field. A property set to
 * `undefined` is fine: it is left out, as an optional field should be.
 */
export function assertJsonParams(params: unknown, example: string): void {
  if (!isPlainObject(params)) {
    throw new InvalidArgumentError(
      'params',
      `The method's parameters are an object of the API's fields, e.g. ${example}; got ${describeName(params)}.`,
    );
  }
  checkFields(params, '', new Set());
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** describeType, with the class of an object that is not plain (a Map, a URLSearchParams). */
export function describeName(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date)
    return describeType(value);
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' && name !== 'Object' ? `a ${name}` : describeType(value);
}

function checkFields(value: object, path: string, open: Set<object>): void {
  open.add(value);
  for (const [key, field] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
    checkValue(field, at, open, Array.isArray(value));
  }
  open.delete(value);
}

function checkValue(value: unknown, at: string, open: Set<object>, inArray: boolean): void {
  const refuse = (what: string) => {
    throw new InvalidArgumentError(at, `The parameter \`${at}\` ${what}.`);
  };
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) refuse(`is ${value}, which JSON cannot carry (it would be sent as null)`);
      return;
    case 'undefined':
      // Left out of an object (an absent optional field), but null in an array.
      if (inArray) refuse('is undefined, which JSON sends as null in an array');
      return;
    case 'object':
      if (value === null) return;
      if (open.has(value)) refuse('refers back to an object that contains it, which JSON cannot carry');
      if (!Array.isArray(value) && !isPlainObject(value))
        refuse(
          `is ${describeName(value)}, which JSON would not send as it is; pass a string, number or boolean`,
        );
      checkFields(value, at, open);
      return;
    default:
      refuse(`is ${describeType(value)}, which JSON cannot carry; pass a string, number or boolean`);
  }
}
