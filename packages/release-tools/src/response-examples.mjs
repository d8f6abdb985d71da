// @ts-check
// The named examples of every operation's responses: the names the mock kit answers `Prefer: example=<name>`
// with. Compared by name rather than through `redocly diff`, which reports a renamed example as a modified key
// (a patch) and a removed `examples` map as a whole.

export const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** A JSON pointer segment as the key it names (`~1` is `/`, `~0` is `~`). */
export const pointerKey = (/** @type {string} */ segment) =>
  segment.replaceAll('~1', '/').replaceAll('~0', '~');

/** @typedef {Record<string, any>} Doc */

/**
 * A node with its local `$ref`s followed (a bundle has no other kind).
 * @param {Doc} doc
 * @param {any} node
 */
function resolved(doc, node) {
  const seen = new Set();
  let current = node;
  while (typeof current?.$ref === 'string' && current.$ref.startsWith('#/') && !seen.has(current.$ref)) {
    seen.add(current.$ref);
    current = current.$ref
      .slice(2)
      .split('/')
      .map(pointerKey)
      .reduce((/** @type {any} */ parent, /** @type {string} */ key) => parent?.[key], doc);
  }
  return current;
}

/**
 * Each response of each operation, as `METHOD path response status` (`where`), with the named examples of its
 * media types (`name` for JSON, `name (media type)` for another). Keyed with the path's parameters unnamed, so a
 * renamed path parameter (`{id}` for `{session_uuid}`) still finds its response.
 * @param {Doc} doc
 * @returns {Map<string, { where: string; names: Set<string> }>}
 */
function responseExamples(doc) {
  /** @type {Map<string, { where: string; names: Set<string> }>} */
  const found = new Map();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = resolved(doc, item)?.[method];
      for (const [status, response] of Object.entries(operation?.responses ?? {})) {
        const names = new Set();
        for (const [media, content] of Object.entries(resolved(doc, response)?.content ?? {})) {
          for (const name of Object.keys(content?.examples ?? {})) {
            names.add(media === 'application/json' ? name : `${name} (${media})`);
          }
        }
        const key = `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}')} response ${status}`;
        found.set(key, { where: `${method.toUpperCase()} ${path} response ${status}`, names });
      }
    }
  }
  return found;
}

/**
 * The named examples of a response in `base` that the same response of `revision` no longer has. A response
 * removed whole is left to `redocly diff` (response-removed).
 * @param {Doc} base
 * @param {Doc} revision
 * @returns {{ rule: string; where: string; message: string }[]}
 */
export function removedResponseExamples(base, revision) {
  const after = responseExamples(revision);
  return [...responseExamples(base)].flatMap(([key, { where, names }]) => {
    const kept = after.get(key)?.names;
    if (kept === undefined) return [];
    return [...names]
      .filter((name) => !kept.has(name))
      .map((name) => ({
        rule: 'response-example-removed',
        where,
        message: `${where}: named example \`${name}\` removed (the mock answers \`Prefer: example=${name.split(' ')[0]}\` with it)`,
      }));
  });
}
