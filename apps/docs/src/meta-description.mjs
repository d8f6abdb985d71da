// Search results and link previews show a page's meta description; build-docs writes none. The spec's
// `info.summary` is that one-line description.

/** @param {string} text */
const escapeAttribute = (text) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * @param {string} html a page written by `redocly build-docs`
 * @param {unknown} summary the spec's `info.summary`
 * @returns {string} the page with `<meta name="description">` right after its title
 */
export function withMetaDescription(html, summary) {
  if (typeof summary !== 'string' || summary.trim() === '') {
    throw new Error(
      'The spec has no info.summary: add one line to openapi/openapi.yaml, it is the page description.',
    );
  }
  const end = html.indexOf('</title>');
  if (end === -1) throw new Error('build-docs wrote a page without a <title>: cannot add its description.');
  const at = end + '</title>'.length;
  return `${html.slice(0, at)}<meta name="description" content="${escapeAttribute(summary.trim())}">${html.slice(at)}`;
}
