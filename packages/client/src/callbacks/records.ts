/**
 * How an object given as parameters or payload is read: as `URLSearchParams`, as a plain record of its own
 * fields, or not at all (a `Map`, `FormData` or class instance, whose fields `Object.entries` cannot see: reading
 * it as a record would silently find no fields).
 */
export type ObjectShape =
  | { readonly kind: 'URLSearchParams' }
  | { readonly kind: 'record' }
  | { readonly kind: 'other'; readonly what: string };

/** What to pass instead of an object whose fields a record read would miss. */
export const FORM_HINT =
  'pass the form fields as URLSearchParams, e.g. `new URLSearchParams(await request.text())`, or as a plain record';

/**
 * A prototype a plain record may have: none; `Object.prototype` of this realm or of another one (`vm`, an
 * iframe), recognised as a root prototype (its own prototype is null) whose constructor is named Object; or a
 * bare root prototype without a constructor, as fast-querystring (Fastify's body and query parser) gives its
 * results. A root prototype with enumerable fields of its own is refused: `Object.entries` would miss them.
 */
function isRecordPrototype(proto: object | null): boolean {
  if (proto === null || proto === Object.prototype) return true;
  if (Object.getPrototypeOf(proto) !== null || Object.keys(proto).length > 0) return false;
  const maker: unknown = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value;
  return maker === undefined || (typeof maker === 'function' && maker.name === 'Object');
}

/**
 * The shape of `value`. `URLSearchParams` is recognised by its tag, so that one of another realm or a polyfill
 * still counts as one. The class name of an `other` object is read from its prototype, never from the object's
 * own fields (which may be attacker input, e.g. a `constructor` attribute).
 */
export function objectShape(value: object): ObjectShape {
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  if (tag === 'URLSearchParams') return { kind: 'URLSearchParams' };
  const proto: object | null = Object.getPrototypeOf(value);
  if (tag === 'Object' && isRecordPrototype(proto)) return { kind: 'record' };
  const name = tag === 'Object' ? className(proto) : tag;
  if (name === undefined) return { kind: 'other', what: 'an object that inherits from another object' };
  return { kind: 'other', what: `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}` };
}

function className(proto: object | null): string | undefined {
  const maker: unknown = proto === null ? undefined : Reflect.get(proto, 'constructor');
  const name = typeof maker === 'function' ? maker.name : undefined;
  return name === undefined || name === '' || name === 'Object' ? undefined : name;
}
