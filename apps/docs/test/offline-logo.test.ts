import { describe, expect, it } from 'vitest';
import { CDN_LOGOS, inlineRedoclyLogos } from '../src/offline-logo.mjs';

describe('inlineRedoclyLogos', () => {
  it('replaces every CDN logo URL with an inline SVG', () => {
    const urls = [...CDN_LOGOS.keys()];
    const page = `<script>const a = "${urls[0]}", b = "${urls[1]}", c = "${urls[0]}";</script>`;
    const result = inlineRedoclyLogos(page);
    expect(result).not.toContain('cdn.redoc.ly');
    expect(result.match(/"data:image\/svg\+xml,/g)).toHaveLength(3);
  });

  it('keeps the stand-ins safe inside a double-quoted JS string in a <script>', () => {
    for (const standIn of CDN_LOGOS.values()) expect(standIn).not.toMatch(/["'<>\\\n]/);
  });

  it('fails loudly when a Redoc upgrade has moved the logo, instead of shipping a page that may call out', () => {
    expect(() => inlineRedoclyLogos('<html></html>')).toThrow(/update src\/offline-logo\.mjs/);
  });
});
