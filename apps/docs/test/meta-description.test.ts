import { describe, expect, it } from 'vitest';
import { withMetaDescription } from '../src/meta-description.mjs';

const page = '<html><head><title>Plivo API</title></head><body></body></html>';

describe('withMetaDescription', () => {
  it('puts the summary right after the title, its markup characters escaped', () => {
    expect(withMetaDescription(page, '  Sessions & "calls" <beta>  ')).toBe(
      '<html><head><title>Plivo API</title><meta name="description" content="Sessions &amp; &quot;calls&quot; &lt;beta&gt;"></head><body></body></html>',
    );
  });

  it.each([undefined, '', '   ', 42])('refuses the summary %j, saying where to add one', (summary) => {
    expect(() => withMetaDescription(page, summary)).toThrow(
      'The spec has no info.summary: add one line to openapi/openapi.yaml',
    );
  });

  it('refuses a page without a title', () => {
    expect(() => withMetaDescription('<html></html>', 'A summary')).toThrow('a page without a <title>');
  });
});
