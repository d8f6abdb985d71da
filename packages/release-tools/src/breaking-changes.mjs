// @ts-check
// Lists the breaking changes between two bundled OpenAPI 3.1 documents.
//
// Written here because no npm-installable diff tool both runs offline on Node 20 and reads OpenAPI 3.1:
// openapi-diff 0.24.1 rejects 3.1 ("Swagger Parser only supports versions 3.0.x"), @useoptic/optic 1.0.9 dies
// at start-up (its ajv-errors no longer compiles against the ajv it resolves), and oasdiff and
// @pb33f/openapi-changes are Go binaries fetched from outside the npm registry.
//
// The rule behind every check: a change breaks users when the side that *sends* may now produce something the
// side that *reads* did not accept before. In requests the client sends (so narrowing what the server accepts
// breaks); in responses the server sends (so widening what the client may receive breaks). On top of that, as
// users of typed clients feel it, removing anything they could name (an operation, a parameter, a property, an
// enum value) breaks.

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * @typedef {'operation-removed' | 'parameter-removed' | 'parameter-added-required' | 'parameter-now-required'
 *   | 'request-body-now-required' | 'media-type-removed' | 'response-removed' | 'property-removed'
 *   | 'property-now-optional' | 'property-now-required' | 'type-changed' | 'format-changed' | 'enum-narrowed'
 *   | 'enum-added' | 'pattern-changed' | 'variants-changed'} BreakingKind
 * @typedef {{ kind: BreakingKind; where: string; message: string }} BreakingChange
 * @typedef {'request' | 'response'} Direction
 * @typedef {Record<string, any>} Node OpenAPI objects are walked generically, by key
 */

/**
 * @param {Node} before the last released bundle
 * @param {Node} after the current bundle
 * @returns {BreakingChange[]}
 */
export function findBreakingChanges(before, after) {
  /** @type {BreakingChange[]} */
  const changes = [];
  const report = (
    /** @type {BreakingKind} */ kind,
    /** @type {string} */ where,
    /** @type {string} */ message,
  ) => changes.push({ kind, where, message });
  const beforeOps = listOperations(before);
  const afterOps = listOperations(after);

  for (const [key, old] of beforeOps) {
    const current = afterOps.get(key);
    if (!current) {
      report('operation-removed', old.label, `operation ${old.label} was removed`);
      continue;
    }
    const ctx = { before, after, report, seen: new Set() };
    compareParameters(ctx, old, current);
    compareRequestBody(ctx, old, current);
    compareResponses(ctx, old, current);
  }
  return changes;
}

/**
 * @typedef {{ before: Node; after: Node; report: (kind: BreakingKind, where: string, message: string) => void; seen: Set<string> }} Context
 * @typedef {{ label: string; pathItem: Node; operation: Node }} Operation
 */

/**
 * Operations keyed by method and path shape, so renaming a path parameter's braces alone is no removal.
 * @param {Node} doc
 * @returns {Map<string, Operation>}
 */
function listOperations(doc) {
  /** @type {Map<string, Operation>} */
  const operations = new Map();
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const pathItem = resolve(doc, rawItem);
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      const id = operation.operationId ? ` (${operation.operationId})` : '';
      operations.set(`${method} ${path.replace(/\{[^}]*\}/g, '{}')}`, {
        label: `${method.toUpperCase()} ${path}${id}`,
        pathItem,
        operation,
      });
    }
  }
  return operations;
}

/**
 * @param {Context} ctx
 * @param {Operation} old
 * @param {Operation} current
 */
function compareParameters(ctx, old, current) {
  const oldParams = parametersOf(ctx.before, old);
  const newParams = parametersOf(ctx.after, current);
  for (const [key, param] of oldParams) {
    const where = `${old.label} ${param.in} parameter "${param.name}"`;
    const next = newParams.get(key);
    if (!next) {
      ctx.report('parameter-removed', where, `${where} was removed`);
      continue;
    }
    if (next.required === true && param.required !== true) {
      ctx.report('parameter-now-required', where, `${where} is now required`);
    }
    compareSchemas(ctx, param.schema, next.schema, 'request', where);
  }
  for (const [key, param] of newParams) {
    if (!oldParams.has(key) && param.required === true) {
      const where = `${current.label} ${param.in} parameter "${param.name}"`;
      ctx.report('parameter-added-required', where, `${where} is new and required`);
    }
  }
}

/**
 * Path-level parameters overridden by operation-level ones, keyed by location and name (headers ignore case).
 * @param {Node} doc
 * @param {Operation} op
 * @returns {Map<string, Node>}
 */
function parametersOf(doc, op) {
  /** @type {Map<string, Node>} */
  const params = new Map();
  for (const raw of [...(op.pathItem.parameters ?? []), ...(op.operation.parameters ?? [])]) {
    const param = resolve(doc, raw);
    const name = param.in === 'header' ? String(param.name).toLowerCase() : param.name;
    params.set(`${param.in}:${name}`, param);
  }
  return params;
}

/**
 * @param {Context} ctx
 * @param {Operation} old
 * @param {Operation} current
 */
function compareRequestBody(ctx, old, current) {
  const oldBody = old.operation.requestBody ? resolve(ctx.before, old.operation.requestBody) : undefined;
  const newBody = current.operation.requestBody
    ? resolve(ctx.after, current.operation.requestBody)
    : undefined;
  const where = `${old.label} request body`;
  if (newBody?.required === true && oldBody?.required !== true) {
    ctx.report('request-body-now-required', where, `${where} is now required`);
  }
  if (!oldBody || !newBody) return;
  compareContent(ctx, oldBody.content, newBody.content, 'request', where);
}

/**
 * @param {Context} ctx
 * @param {Operation} old
 * @param {Operation} current
 */
function compareResponses(ctx, old, current) {
  const oldResponses = old.operation.responses ?? {};
  const newResponses = current.operation.responses ?? {};
  for (const [status, rawOld] of Object.entries(oldResponses)) {
    const where = `${old.label} response ${status}`;
    const rawNew = newResponses[status];
    if (!rawNew) {
      // A success the client relied on is gone. A removed error status only documents less; not a break.
      if (/^2/.test(status)) ctx.report('response-removed', where, `${where} was removed`);
      continue;
    }
    compareContent(
      ctx,
      resolve(ctx.before, rawOld).content,
      resolve(ctx.after, rawNew).content,
      'response',
      where,
    );
  }
}

/**
 * @param {Context} ctx
 * @param {Node | undefined} oldContent
 * @param {Node | undefined} newContent
 * @param {Direction} direction
 * @param {string} where
 */
function compareContent(ctx, oldContent, newContent, direction, where) {
  for (const [mediaType, oldMedia] of Object.entries(oldContent ?? {})) {
    const newMedia = newContent?.[mediaType];
    if (!newMedia) {
      ctx.report(
        'media-type-removed',
        `${where} ${mediaType}`,
        `${where} no longer has ${mediaType} content`,
      );
      continue;
    }
    compareSchemas(ctx, oldMedia.schema, newMedia.schema, direction, `${where} body`);
  }
}

/**
 * @param {Context} ctx
 * @param {Node | undefined} rawOld
 * @param {Node | undefined} rawNew
 * @param {Direction} direction
 * @param {string} where
 */
function compareSchemas(ctx, rawOld, rawNew, direction, where) {
  if (!rawOld || !rawNew || typeof rawOld !== 'object' || typeof rawNew !== 'object') return;
  // Recursive schemas: compare each pair of definitions once.
  if (rawOld.$ref && rawNew.$ref) {
    const pair = `${direction}:${rawOld.$ref}->${rawNew.$ref}`;
    if (ctx.seen.has(pair)) return;
    ctx.seen.add(pair);
  }
  const old = flattenAllOf(ctx.before, resolve(ctx.before, rawOld));
  const current = flattenAllOf(ctx.after, resolve(ctx.after, rawNew));

  compareTypes(ctx, old, current, direction, where);
  compareFormats(ctx, old, current, direction, where);
  compareEnums(ctx, old, current, direction, where);
  comparePatterns(ctx, old, current, direction, where);
  compareProperties(ctx, old, current, direction, where);
  compareVariants(ctx, old, current, direction, where);
  if (old.items && current.items) compareSchemas(ctx, old.items, current.items, direction, `${where}[]`);
  if (isSchema(old.additionalProperties) && isSchema(current.additionalProperties)) {
    compareSchemas(ctx, old.additionalProperties, current.additionalProperties, direction, `${where}{*}`);
  }
}

/**
 * @param {Context} ctx
 * @param {Node} old
 * @param {Node} current
 * @param {Direction} direction
 * @param {string} where
 */
function compareTypes(ctx, old, current, direction, where) {
  const oldTypes = typesOf(old);
  const newTypes = typesOf(current);
  if (!oldTypes && !newTypes) return;
  // `accepts(a, b)`: every value of type set b is allowed by type set a (undefined = any type).
  const accepts = (/** @type {Set<string> | undefined} */ a, /** @type {Set<string> | undefined} */ b) =>
    !a || (!!b && [...b].every((type) => a.has(type) || (type === 'integer' && a.has('number'))));
  const breaks = direction === 'request' ? !accepts(newTypes, oldTypes) : !accepts(oldTypes, newTypes);
  if (breaks) {
    ctx.report(
      'type-changed',
      where,
      `${where}: type changed from ${showTypes(oldTypes)} to ${showTypes(newTypes)}`,
    );
  }
}

/**
 * @param {Context} ctx
 * @param {Node} old
 * @param {Node} current
 * @param {Direction} direction
 * @param {string} where
 */
function compareFormats(ctx, old, current, direction, where) {
  if (old.format === current.format) return;
  // Adding a format narrows the values; removing one widens them. Swapping one format for another does both.
  const narrowed = current.format !== undefined;
  const widened = old.format !== undefined;
  if ((direction === 'request' && narrowed) || (direction === 'response' && widened)) {
    ctx.report(
      'format-changed',
      where,
      `${where}: format changed from ${old.format ?? '(none)'} to ${current.format ?? '(none)'}`,
    );
  }
}

/**
 * @param {Context} ctx
 * @param {Node} old
 * @param {Node} current
 * @param {Direction} direction
 * @param {string} where
 */
function compareEnums(ctx, old, current, direction, where) {
  const oldValues = enumOf(old);
  const newValues = enumOf(current);
  if (oldValues && newValues) {
    const kept = new Set(newValues.map((value) => JSON.stringify(value)));
    const removed = oldValues.filter((value) => !kept.has(JSON.stringify(value)));
    if (removed.length > 0) {
      ctx.report(
        'enum-narrowed',
        where,
        `${where}: enum value${removed.length > 1 ? 's' : ''} ${removed.map((v) => JSON.stringify(v)).join(', ')} removed`,
      );
    }
  } else if (newValues && direction === 'request') {
    ctx.report(
      'enum-added',
      where,
      `${where}: now limited to ${newValues.map((v) => JSON.stringify(v)).join(', ')}`,
    );
  }
}

/**
 * @param {Context} ctx
 * @param {Node} old
 * @param {Node} current
 * @param {Direction} direction
 * @param {string} where
 */
function comparePatterns(ctx, old, current, direction, where) {
  if (old.pattern === current.pattern) return;
  const narrowed = current.pattern !== undefined;
  const widened = old.pattern !== undefined;
  if ((direction === 'request' && narrowed) || (direction === 'response' && widened)) {
    ctx.report(
      'pattern-changed',
      where,
      `${where}: pattern changed from ${old.pattern ?? '(none)'} to ${current.pattern ?? '(none)'}`,
    );
  }
}

/**
 * @param {Context} ctx
 * @param {Node} old
 * @param {Node} current
 * @param {Direction} direction
 * @param {string} where
 */
function compareProperties(ctx, old, current, direction, where) {
  const oldProps = old.properties ?? {};
  const newProps = current.properties ?? {};
  const oldRequired = new Set(old.required ?? []);
  const newRequired = new Set(current.required ?? []);
  for (const [name, schema] of Object.entries(oldProps)) {
    const at = `${where}.${name}`;
    if (!(name in newProps)) {
      ctx.report('property-removed', at, `${at} was removed`);
      continue;
    }
    if (direction === 'response' && oldRequired.has(name) && !newRequired.has(name)) {
      ctx.report('property-now-optional', at, `${at} is no longer always present (dropped from required)`);
    }
    if (direction === 'request' && !oldRequired.has(name) && newRequired.has(name)) {
      ctx.report('property-now-required', at, `${at} is now required`);
    }
    compareSchemas(ctx, schema, newProps[name], direction, at);
  }
  if (direction === 'request') {
    for (const name of newRequired) {
      if (!(name in oldProps) && !oldRequired.has(name)) {
        ctx.report('property-now-required', `${where}.${name}`, `${where}.${name} is new and required`);
      }
    }
  }
}

/**
 * oneOf / anyOf: variants are compared in order; a request that accepts fewer variants, or a response that may
 * be one more variant, breaks.
 * @param {Context} ctx
 * @param {Node} old
 * @param {Node} current
 * @param {Direction} direction
 * @param {string} where
 */
function compareVariants(ctx, old, current, direction, where) {
  for (const keyword of ['oneOf', 'anyOf']) {
    const oldVariants = old[keyword];
    const newVariants = current[keyword];
    if (!Array.isArray(oldVariants) || !Array.isArray(newVariants)) continue;
    const shared = Math.min(oldVariants.length, newVariants.length);
    for (let i = 0; i < shared; i++) {
      compareSchemas(ctx, oldVariants[i], newVariants[i], direction, `${where}<${keyword}[${i}]>`);
    }
    const fewer = newVariants.length < oldVariants.length;
    const more = newVariants.length > oldVariants.length;
    if ((direction === 'request' && fewer) || (direction === 'response' && more)) {
      ctx.report(
        'variants-changed',
        where,
        `${where}: ${keyword} went from ${oldVariants.length} to ${newVariants.length} variants`,
      );
    }
  }
}

/**
 * @param {Node} schema
 * @returns {Set<string> | undefined}
 */
function typesOf(schema) {
  if (schema.type === undefined) {
    if (schema.const !== undefined) return new Set([jsonType(schema.const)]);
    return undefined;
  }
  const types = new Set(Array.isArray(schema.type) ? schema.type : [schema.type]);
  if (schema.nullable === true) types.add('null'); // OpenAPI 3.0 spelling, harmless in 3.1
  return types;
}

/** @param {unknown} value */
function jsonType(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** @param {Set<string> | undefined} types */
function showTypes(types) {
  return types ? [...types].sort().join('|') : '(any)';
}

/**
 * @param {Node} schema
 * @returns {unknown[] | undefined}
 */
function enumOf(schema) {
  if (Array.isArray(schema.enum)) return schema.enum;
  if ('const' in schema) return [schema.const];
  return undefined;
}

/** @param {unknown} value */
function isSchema(value) {
  return typeof value === 'object' && value !== null;
}

/**
 * Merges `allOf` members into one schema (properties and required united), which is how a reader sees it.
 * @param {Node} doc
 * @param {Node} schema
 * @returns {Node}
 */
function flattenAllOf(doc, schema) {
  if (!Array.isArray(schema.allOf)) return schema;
  /** @type {Node} */
  const merged = {
    ...schema,
    allOf: undefined,
    properties: { ...schema.properties },
    required: [...(schema.required ?? [])],
  };
  for (const raw of schema.allOf) {
    const part = flattenAllOf(doc, resolve(doc, raw));
    for (const [key, value] of Object.entries(part)) {
      if (key === 'properties') Object.assign(merged.properties, value);
      else if (key === 'required') merged.required.push(...value);
      else if (merged[key] === undefined) merged[key] = value;
    }
  }
  return merged;
}

/**
 * Follows local `$ref`s (`#/components/...`), which is all a bundled document contains.
 * @param {Node} doc
 * @param {Node} node
 * @returns {Node}
 */
function resolve(doc, node) {
  let current = node;
  const visited = new Set();
  while (current && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (visited.has(ref)) throw new Error(`$ref cycle without a schema: ${ref}`);
    visited.add(ref);
    if (!ref.startsWith('#/')) {
      throw new Error(
        `Only local $refs can be compared; found ${ref}. Compare bundled documents (dist/openapi.json).`,
      );
    }
    /** @type {Node | undefined} */
    const target = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((/** @type {Node | undefined} */ value, part) => value?.[part], doc);
    if (target === undefined) throw new Error(`$ref ${ref} points at nothing`);
    current = target;
  }
  return current;
}
