// What `pnpm --filter @plivo-openapi/docs build` leaves in dist/ (turbo builds it before the tests run).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CDN_LOGOS } from '../src/offline-logo.mjs';
import { specBundleFiles } from '../src/spec-bundle.mjs';

const distDir = fileURLToPath(new URL('../dist', import.meta.url));
let html: string;

beforeAll(() => {
  const page = join(distDir, 'index.html');
  if (!existsSync(page))
    throw new Error('No dist/index.html: run `pnpm --filter @plivo-openapi/docs build` first.');
  html = readFileSync(page, 'utf8');
});

describe('dist/', () => {
  it('holds the page and the bundled spec, nothing else', () => {
    expect(readdirSync(distDir).sort()).toEqual(['index.html', 'openapi.json', 'openapi.yaml']);
  });

  it.each(Object.entries(specBundleFiles))(
    'serves the spec bundle as openapi.%s, byte for byte',
    (format, bundle) => {
      // Also catches a dist/ left over from an older spec: rebuild with `pnpm build`.
      expect(readFileSync(join(distDir, `openapi.${format}`)).equals(readFileSync(bundle))).toBe(true);
    },
  );

  it('loads no script, style, font or image from a URL: Redoc is inlined', () => {
    const external = html.match(/<(script|link|img)\b[^>]*\b(src|href)=["']?(https?:)?\/\/[^>]*>/gi) ?? [];
    expect(external).toEqual([]);
    expect(html).toMatch(/<script type="module">/);
  });

  it('declares an empty icon in its head, so no browser asks the host for /favicon.ico', () => {
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('</title><link rel="icon" href="data:,">');
  });

  it("describes itself with the spec's info.summary, for search results and link previews", () => {
    const { summary } = JSON.parse(readFileSync(specBundleFiles.json, 'utf8')).info;
    expect(summary).toMatch(/^Plivo's Number Masking and Verify session APIs/);
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain(`<meta name="description" content="${summary}">`);
  });

  it('has no URL of the Redocly logo left, and telemetry is off', () => {
    for (const url of CDN_LOGOS.keys()) expect(html).not.toContain(url);
    expect(html).toContain('"disableTelemetry":true');
  });
});
