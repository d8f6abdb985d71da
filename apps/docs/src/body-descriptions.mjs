// Redoc shows a request body's own `description` but not its schema's, so what a body's schema says (why neither
// party of a masking create is required, that the Java SDK's `0`s are accepted, what Verify's `null`s mean) was
// on no page. The page's copy of the spec gets each request body's schema description after the body's own, for
// the operations and their callbacks; the published bundle is not changed.

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;

/**
 * @param {Record<string, any>} definition a bundled OpenAPI document (not modified)
 * @returns {Record<string, any>} a copy in which every request body also carries its schema's description
 */
export function withBodySchemasDescribed(definition) {
  const copy = structuredClone(definition);
  const schemas = copy.components?.schemas ?? {};
  /** @param {Record<string, any>} operation */
  const describe = (operation) => {
    const body = operation.requestBody;
    if (body === undefined || body.$ref !== undefined) return;
    const descriptions = Object.values(body.content ?? {})
      .map((media) => SCHEMA_REF.exec(media?.schema?.$ref ?? '')?.[1])
      .map((name) => (name === undefined ? undefined : schemas[name]?.description?.trim()))
      .filter((text, index, all) => text && all.indexOf(text) === index);
    if (descriptions.length === 0) return;
    const own = body.description?.trim();
    body.description = [...(own ? [own] : []), ...descriptions].join('\n\n');
  };
  /** @param {Record<string, any>} paths */
  const walk = (paths) => {
    for (const item of Object.values(paths ?? {})) {
      for (const [method, operation] of Object.entries(item ?? {})) {
        if (!HTTP_METHODS.has(method)) continue;
        describe(operation);
        for (const callback of Object.values(operation.callbacks ?? {})) walk(callback);
      }
    }
  };
  walk(copy.paths);
  for (const callback of Object.values(copy.components?.callbacks ?? {})) walk(callback);
  return copy;
}
