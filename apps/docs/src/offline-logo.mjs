// Redoc's sidebar credits Redocly with a logo that its script loads from cdn.redoc.ly once the page runs: the
// only request to another host that a page built with --inlineBundle still makes. Keep the credit, drawn as an
// inline SVG, so the page works offline and behind a strict firewall.

/** @param {string} svg */
const dataUri = (svg) => `data:image/svg+xml,${encodeURIComponent(svg)}`;

const wordmark = dataUri(
  '<svg xmlns="http://www.w3.org/2000/svg" width="58" height="14" viewBox="0 0 58 14">' +
    '<text x="0" y="11" font-family="system-ui,sans-serif" font-size="12" font-weight="600" fill="#5f6b7a">' +
    'Redocly</text></svg>',
);
const mark = dataUri(
  '<svg xmlns="http://www.w3.org/2000/svg" width="14" height="14" viewBox="0 0 14 14">' +
    '<text x="7" y="11" text-anchor="middle" font-family="system-ui,sans-serif" font-size="12" font-weight="700"' +
    ' fill="#5f6b7a">R</text></svg>',
);

/** Logo URLs in Redoc 3's bundle (sidebar expanded / collapsed), each with its stand-in. */
export const CDN_LOGOS = new Map([
  ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', wordmark],
  ['https://cdn.redoc.ly/redoc/logo-mini.svg', mark],
]);

/**
 * @param {string} html a page written by `redocly build-docs --inlineBundle`
 * @returns {string} the page with every CDN logo URL replaced by an inline SVG
 */
export function inlineRedoclyLogos(html) {
  let replaced = 0;
  let page = html;
  for (const [url, standIn] of CDN_LOGOS) {
    const parts = page.split(url);
    replaced += parts.length - 1;
    page = parts.join(standIn);
  }
  if (replaced === 0) {
    // A newer Redoc moved or dropped the logo: check the page for other hosts before trusting it offline.
    throw new Error(
      `Found none of Redoc's CDN logo URLs (${[...CDN_LOGOS.keys()].join(', ')}) in the built page. ` +
        'If the @redocly/cli upgrade changed them, update src/offline-logo.mjs; the browser test lists any request to another host.',
    );
  }
  return page;
}
