// Redoc's search index drops a description's line breaks without putting a space in their place ("the other's
// real number" is found as "other'sreal number"). Markdown reads a line break inside a paragraph as a space, so
// the page's copy of the spec has those lines joined: the page reads the same, and search finds the words.

const FENCE = /^\s*(```|~~~)/;
/** A line that starts a block of its own: a list item, heading, quote, table row, HTML, rule or indented code. */
const STARTS_BLOCK = /^(\s*([-*+]\s|\d+[.)]\s|#|>|\||<)|\s*([-=*_])\s*(\3\s*){2,}$|( {4}|\t))/;
/** A line after which a break is kept: a heading, table row, HTML, or one that ends in a hard break. */
const ENDS_BLOCK = /^\s*(#|\||<)|( {2}|\\)$/;

/**
 * `markdown` with each line break inside a paragraph (or list item) replaced by a space; code, tables,
 * headings, hard breaks and blank lines stay as they are.
 * @param {string} markdown
 * @returns {string}
 */
export function joinSoftBreaks(markdown) {
  /** @type {string[]} */
  const out = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    const fence = FENCE.test(line);
    const previous = out.at(-1);
    const joins =
      !fenced &&
      !fence &&
      previous !== undefined &&
      previous.trim() !== '' &&
      line.trim() !== '' &&
      !FENCE.test(previous) &&
      !ENDS_BLOCK.test(previous) &&
      !STARTS_BLOCK.test(line);
    if (joins) out[out.length - 1] = `${previous} ${line.trim()}`;
    else out.push(line);
    if (fence) fenced = !fenced;
  }
  return out.join('\n');
}

/**
 * A copy of an OpenAPI document with every `description` joined (see joinSoftBreaks). Example values are data,
 * not Markdown, so they are left alone.
 * @template T
 * @param {T} document
 * @returns {T}
 */
export function withSoftBreaksJoined(document) {
  /** @param {unknown} node @param {string | undefined} key @returns {unknown} */
  const walk = (node, key) => {
    if (key === 'value' || key === 'example' || (key === 'examples' && Array.isArray(node))) return node;
    if (typeof node === 'string') return key === 'description' ? joinSoftBreaks(node) : node;
    if (Array.isArray(node)) return node.map((item) => walk(item, undefined));
    if (typeof node !== 'object' || node === null) return node;
    return Object.fromEntries(Object.entries(node).map(([name, child]) => [name, walk(child, name)]));
  };
  return /** @type {T} */ (walk(document, undefined));
}
