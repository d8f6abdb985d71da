/**
 * fast-check arbitraries derived from the bundled spec's JSON Schema (2020-12), for the subset of keywords the
 * spec uses. Hand-written because the only npm package for this (json-schema-fast-check 0.0.6) targets
 * fast-check 1 and draft-07 and has not been updated since 2019.
 *
 * Any keyword outside the subset throws, so a spec change that this generator does not understand fails the
 * property test loudly instead of silently generating values that no longer match the schema.
 */
import fc from 'fast-check';

export type JsonSchema = boolean | { [keyword: string]: unknown };

interface Document {
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Keywords that describe but do not constrain. */
const ANNOTATIONS = new Set([
  'description',
  'examples',
  'title',
  'deprecated',
  'readOnly',
  '$comment',
  'default',
]);
const SUPPORTED = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'anyOf',
  'oneOf',
  'allOf',
  'properties',
  'required',
  'items',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'additionalProperties',
]);

export interface SchemaArbitraryOptions {
  /** Add keys the schema does not list (always allowed unless `additionalProperties: false`). */
  extraProperties?: boolean;
  /** Longest array generated for `items`. */
  maxItems?: number;
}

/** RFC 3339 times as Plivo sends them: `Z` or an offset, zero to nine fraction digits, year 0001 included. */
function rfc3339(): fc.Arbitrary<string> {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return fc
    .record({
      date: fc.date({
        min: new Date('0001-01-01T00:00:00Z'),
        max: new Date('9999-12-31T23:59:59Z'),
        noInvalidDate: true,
      }),
      fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
      offsetMinutes: fc.option(fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }), { nil: undefined }),
    })
    .map(({ date, fraction, offsetMinutes }) => {
      const iso = date.toISOString().slice(0, 19);
      const zone =
        offsetMinutes === undefined
          ? 'Z'
          : `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offsetMinutes) / 60), 2)}:${pad(Math.abs(offsetMinutes) % 60, 2)}`;
      return `${iso}${fraction === undefined ? '' : `.${fraction}`}${zone}`;
    });
}

export function arbitraryFromSchema(
  document: Document,
  schema: JsonSchema,
  options: SchemaArbitraryOptions = {},
): fc.Arbitrary<unknown> {
  const cache = new Map<string, fc.Arbitrary<unknown>>();

  const resolve = (ref: string): JsonSchema => {
    const prefix = '#/components/schemas/';
    if (!ref.startsWith(prefix)) throw new Error(`schema-arbitrary: unsupported $ref ${ref}`);
    const found = document.components?.schemas?.[ref.slice(prefix.length)];
    if (found === undefined) throw new Error(`schema-arbitrary: $ref ${ref} not found in the document`);
    return found;
  };

  const build = (node: JsonSchema, where: string): fc.Arbitrary<unknown> => {
    if (node === true) return fc.jsonValue();
    if (node === false) throw new Error(`schema-arbitrary: ${where} is the false schema`);

    for (const keyword of Object.keys(node)) {
      if (!SUPPORTED.has(keyword) && !ANNOTATIONS.has(keyword)) {
        throw new Error(
          `schema-arbitrary: keyword "${keyword}" at ${where} is not supported; extend the generator`,
        );
      }
    }

    if (typeof node.$ref === 'string') {
      // Siblings of $ref in the spec are annotations only (description); the referenced schema decides.
      const ref = node.$ref;
      let arbitrary = cache.get(ref);
      if (!arbitrary) {
        arbitrary = build(resolve(ref), ref);
        cache.set(ref, arbitrary);
      }
      return arbitrary;
    }
    if (Array.isArray(node.allOf))
      return build(mergeObjects(node.allOf as JsonSchema[], where), `${where}/allOf`);
    if ('const' in node) return fc.constant(node.const);
    if (Array.isArray(node.enum)) return fc.constantFrom(...(node.enum as unknown[]));
    const alternatives = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined;
    if (alternatives) {
      // Siblings such as `description` are annotations; a sibling `type` would have to be intersected.
      if (node.type !== undefined) throw new Error(`schema-arbitrary: type beside anyOf/oneOf at ${where}`);
      return fc.oneof(...alternatives.map((alt, i) => build(alt, `${where}/anyOf/${i}`)));
    }

    const types = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
    if (types.length === 0) throw new Error(`schema-arbitrary: no type at ${where}`);
    return fc.oneof(...types.map((type) => forType(String(type), node, where)));
  };

  /** allOf over object schemas (how the spec adds `api_id` to a session): one object with every part's keys. */
  const mergeObjects = (parts: JsonSchema[], where: string): JsonSchema => {
    const properties: Record<string, JsonSchema> = {};
    const required = new Set<string>();
    for (const [i, part] of parts.entries()) {
      let schema = part;
      while (typeof schema === 'object' && typeof schema.$ref === 'string') schema = resolve(schema.$ref);
      if (
        typeof schema !== 'object' ||
        schema.type !== 'object' ||
        schema.allOf ||
        schema.anyOf ||
        schema.oneOf
      ) {
        throw new Error(`schema-arbitrary: allOf part ${i} at ${where} is not a plain object schema`);
      }
      for (const [key, sub] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
        if (key in properties)
          throw new Error(`schema-arbitrary: allOf parts at ${where} both define "${key}"`);
        properties[key] = sub;
      }
      for (const key of (schema.required ?? []) as string[]) required.add(key);
    }
    return { type: 'object', properties, required: [...required] };
  };

  const forType = (type: string, node: { [k: string]: unknown }, where: string): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return fc.integer({
          min: typeof node.minimum === 'number' ? node.minimum : Number.MIN_SAFE_INTEGER,
          max: typeof node.maximum === 'number' ? node.maximum : Number.MAX_SAFE_INTEGER,
        });
      case 'number':
        return fc.double({
          noNaN: true,
          noDefaultInfinity: true,
          min: typeof node.minimum === 'number' ? node.minimum : -1e15,
          max: typeof node.maximum === 'number' ? node.maximum : 1e15,
        });
      case 'string':
        return stringFor(node, where);
      case 'array':
        if (node.items === undefined) throw new Error(`schema-arbitrary: array without items at ${where}`);
        return fc.array(build(node.items as JsonSchema, `${where}/items`), {
          maxLength: options.maxItems ?? 3,
        });
      case 'object':
        return objectFor(node, where);
      default:
        throw new Error(`schema-arbitrary: type "${type}" at ${where} is not supported`);
    }
  };

  const stringFor = (node: { [k: string]: unknown }, where: string): fc.Arbitrary<string> => {
    const minLength = typeof node.minLength === 'number' ? node.minLength : 0;
    const maxLength = typeof node.maxLength === 'number' ? node.maxLength : undefined;
    let base: fc.Arbitrary<string>;
    if (typeof node.pattern === 'string') {
      base = fc.stringMatching(new RegExp(node.pattern, 'u'));
    } else if (node.format === 'uuid') {
      base = fc.uuid();
    } else if (node.format === 'date-time') {
      base = rfc3339();
    } else if (node.format === 'uri') {
      base = fc.webUrl();
    } else if (node.format !== undefined) {
      throw new Error(`schema-arbitrary: format "${String(node.format)}" at ${where} is not supported`);
    } else {
      // Full Unicode, so that encoding and decoding in the client are exercised too.
      base = fc.string({ unit: 'binary', minLength, ...(maxLength === undefined ? {} : { maxLength }) });
    }
    return base.filter((s) => s.length >= minLength && (maxLength === undefined || s.length <= maxLength));
  };

  const objectFor = (node: { [k: string]: unknown }, where: string): fc.Arbitrary<unknown> => {
    const properties = (node.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((node.required ?? []) as string[]);
    for (const key of required) {
      if (!(key in properties))
        throw new Error(`schema-arbitrary: required "${key}" has no schema at ${where}`);
    }
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, sub] of Object.entries(properties))
      model[key] = build(sub, `${where}/properties/${key}`);
    const known = fc.record(model, { requiredKeys: [...required] });

    const extrasAllowed = options.extraProperties && node.additionalProperties !== false;
    if (!extrasAllowed) return known;
    // Unknown fields a future Plivo response may carry; prefixed so they never collide with a known key.
    const extras = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 12 }).map((k) => `x_${k}`),
      fc.jsonValue({ maxDepth: 2 }),
      { maxKeys: 3 },
    );
    return fc.tuple(known, extras).map(([value, extra]) => ({ ...extra, ...(value as object) }));
  };

  return build(schema, '#');
}
