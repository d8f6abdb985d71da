// The status and example a request asks Prism for, read as Prism reads them (parse-prefer-header, then its
// `__code`/`__example` query parameters when there is no Prefer header).
import { describe, expect, it } from 'vitest';
import { preferenceSource, preferredPair } from '../src/prefer.js';

const none = '';

describe('preferredPair', () => {
  it.each([
    ['code=404, example=gone', { code: 404, example: 'gone' }],
    ['Code=404, EXAMPLE=gone', { code: 404, example: 'gone' }],
    ['code="404", example="gone"', { code: 404, example: 'gone' }],
    ['code=404, code=200, example=gone', { code: 404, example: 'gone' }],
    ['code=404;q=1, example=gone', { code: 404, example: 'gone' }],
    ['example="a, b", code=404', { code: 404, example: 'a, b' }],
    ['code=404, example=a=b', { code: 404, example: 'a=b' }],
    // Keys are named as lodash camelCase names them: punctuation around a word is dropped.
    ['_code=404, "example"=gone', { code: 404, example: 'gone' }],
    // Parameters under an empty preference are named alone.
    [';code=404;example=gone', { code: 404, example: 'gone' }],
  ])('reads %j', (prefer, pair) => {
    expect(preferredPair(prefer, none)).toEqual(pair);
  });

  it.each([
    'code=404',
    'example=gone',
    'code=4040, example=gone',
    'code=abc, example=gone',
    'code=404, example=',
    'code=404, example',
    // A parameter is named after its preference: `wait code`, not `code`.
    'wait=1;code=404, example=gone',
    'co-de=404, example=gone',
  ])('names no pair in %j', (prefer) => {
    expect(preferredPair(prefer, none)).toBeUndefined();
  });

  it('reads the query parameters only without a Prefer header, as Prism does', () => {
    const query = '__code=404&__example=gone';
    expect(preferredPair(undefined, query)).toEqual({ code: 404, example: 'gone' });
    expect(preferredPair('', query)).toEqual({ code: 404, example: 'gone' });
    expect(preferredPair('dynamic=true', query)).toBeUndefined();
  });

  it('reads the query parameters percent-encoded, as Prism decodes them', () => {
    expect(preferredPair(undefined, '__%63ode=404&__example=gone')).toEqual({ code: 404, example: 'gone' });
    expect(preferredPair(undefined, '%5F%5Fcode=404&%5f_example=gone')).toEqual({
      code: 404,
      example: 'gone',
    });
    expect(preferenceSource(undefined, '_%5Fcode=abc')).toBe(
      'the Prefer query parameters (`__code`, `__example`, …)',
    );
  });

  it('joins a header sent twice', () => {
    expect(preferredPair(['code=404', 'example=gone'], none)).toEqual({ code: 404, example: 'gone' });
  });
});

describe('preferenceSource', () => {
  it('names the query parameters only when Prism reads them: with no Prefer header', () => {
    expect(preferenceSource(undefined, '__code=abc')).toBe(
      'the Prefer query parameters (`__code`, `__example`, …)',
    );
    expect(preferenceSource('code=abc', '__code=404')).toBe('the Prefer header');
    expect(preferenceSource(undefined, 'limit=20&code=1')).toBe('the Prefer header');
  });
});
