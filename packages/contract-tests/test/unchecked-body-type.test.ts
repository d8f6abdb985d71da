import { describe, expect, it } from 'vitest';
import { createRoutes } from '../src/routes.js';
import { uncheckedBodyType } from '../src/unchecked-body-type.js';

// Which chunked bodies Prism would have refused by their Content-Type (chunked-body-type.test.ts shows the mock
// refusing them); the media types are matched by Prism's rule.
const routes = createRoutes([
  { method: 'POST', path: '/json', operationId: 'json', bodyTypes: ['application/json'] },
  { method: 'POST', path: '/any-text', operationId: 'anyText', bodyTypes: ['text/*', 'application/xml'] },
  { method: 'POST', path: '/no-body', operationId: 'noBody', bodyTypes: [] },
]);
const chunked = (contentType?: string) => ({
  'transfer-encoding': 'chunked',
  ...(contentType === undefined ? {} : { 'content-type': contentType }),
});

describe('uncheckedBodyType', () => {
  it.each([
    ['/json', 'application/json'],
    ['/json', 'Application/JSON; charset=utf-8'],
    ['/json', 'application/problem+json'],
    ['/any-text', 'text/csv'],
    ['/any-text', 'application/xml'],
  ])('%s takes %s', (path, type) => {
    expect(uncheckedBodyType('post', path, chunked(type), routes)).toBeUndefined();
  });

  it.each([
    ['/json', 'application/x-www-form-urlencoded'],
    ['/json', 'text/json'],
    ['/json', 'not a media type'],
    ['/any-text', 'application/json'],
    ['/no-body', 'application/json'],
  ])('%s refuses %s', (path, type) => {
    expect(uncheckedBodyType('POST', path, chunked(type), routes)).toBe(type);
  });

  it('leaves to Prism what it judges itself or that has no operation', () => {
    const form = 'application/x-www-form-urlencoded';
    const framed = { 'content-length': '3', 'content-type': form };
    expect(uncheckedBodyType('POST', '/json', framed, routes)).toBeUndefined();
    expect(uncheckedBodyType('POST', '/json', chunked(), routes)).toBeUndefined();
    expect(uncheckedBodyType('POST', '/json', chunked(' '), routes)).toBeUndefined();
    expect(uncheckedBodyType('PUT', '/json', chunked(form), routes)).toBeUndefined();
    expect(uncheckedBodyType('POST', '/elsewhere', chunked(form), routes)).toBeUndefined();
  });
});
