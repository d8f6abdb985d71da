// Redoc's search index drops a description's line breaks without putting a space in their place ("the other's
// real number" is found as "other'sreal number"). Markdown reads a line break inside a paragraph as a space, so
// the page's copy of the spec has those lines joined: the page reads the same, and search finds the words.

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/**
 * A line that is not plain paragraph text, so no line break next to it is touched: a list item, heading, quote,
 * table row (any `|`), HTML, thematic break or setext underline, link reference definition, or indented code.
 */
const BLOCK_LINE =
  /^( {0,3}([-*+]\s|\d+[.)](\s|$)|#|>|<|\[[^\]]+\]:|([-*_])( *\4){2,} *$|=+ *$|-+ *$)| {4}|\t)|\|/;
/** A line that ends in a hard break (two spaces or a backslash): its break is meant. */
const HARD_BREAK = /( {2}|\\)$/;

/**
 * `markdown` with each line break between two lines of plain paragraph text replaced by a space; every other
 * line break (in code, tables, HTML, around headings and lists' own markers, hard breaks, blank lines) stays.
 * @param {string} markdown
 * @returns {string}
 */
export function joinSoftBreaks(markdown) {
  /** @type {string[]} */
  const out = [];
  /** @type {string | undefined} the fence that opened the code block the line is in */
  let fence;
  let html = false;
  let previousJoinable = false;
  for (const line of markdown.split('\n')) {
    const blank = line.trim() === '';
    const opens = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      // Closed by a fence of the same character, at least as long, with nothing after it.
      if (
        opens !== undefined &&
        opens[0] === fence[0] &&
        opens.length >= fence.length &&
        line.trim() === opens
      )
        fence = undefined;
      out.push(line);
      previousJoinable = false;
      continue;
    }
    if (opens !== undefined) fence = opens;
    if (blank) html = false;
    else if (/^ {0,3}</.test(line)) html = true;
    const joinable = opens === undefined && !blank && !html && !BLOCK_LINE.test(line);
    // A list item's own first line may take the lines after it (`- one\n  two`); nothing else that is a block.
    const listItem =
      /^ {0,3}([-*+]|\d+[.)])\s/.test(line) &&
      !BLOCK_LINE.test(line.replace(/^ {0,3}([-*+]|\d+[.)])\s+/, ''));
    if (joinable && previousJoinable) out[out.length - 1] = `${out.at(-1)} ${line.trim()}`;
    else out.push(line);
    previousJoinable = (joinable || (listItem && !html)) && !HARD_BREAK.test(line);
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
