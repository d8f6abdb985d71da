// A browser asks the page's host for /favicon.ico unless the page names an icon: a 404 in the console and the
// server's log on every load. An empty `data:` icon settles that without another file.

const ICON = '<link rel="icon" href="data:,">';

/**
 * @param {string} html a page written by `redocly build-docs`
 * @returns {string} the page with an empty icon declared right after its title
 */
export function withEmptyFavicon(html) {
  const end = html.indexOf('</title>');
  if (end === -1) throw new Error('build-docs wrote a page without a <title>: cannot declare its icon.');
  const at = end + '</title>'.length;
  return `${html.slice(0, at)}${ICON}${html.slice(at)}`;
}
