import { describe, expect, it } from 'vitest';
import { createRoutes } from '../src/routes.js';
import { uncheckedBodyType, uncheckedTypeAnswered } from '../src/unchecked-body-type.js';

// Which chunked bodies Prism would have refused by their Content-Type (chunked-body-type.test.ts shows the mock
// refusing them); the media types are matched by Prism's rule.
const routes = createRoutes([
  { method: 'POST', path: '/json', operationId: 'json', bodyTypes: ['application/json'] },
  { method: 'POST', path: '/any-text', operationId: 'anyText', bodyTypes: ['text/*', 'application/xml'] },
  { method: 'POST', path: '/no-body', operationId: 'noBody', bodyTypes: [] },
  { method: 'POST', path: '/not-read', operationId: 'notRead' },
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
    expect(uncheckedBodyType('POST', '/not-read', chunked(form), routes)).toBeUndefined();
    // Prism answers 500 to a type it cannot parse, however the body is framed.
    expect(uncheckedBodyType('POST', '/json', chunked('not a media type'), routes)).toBeUndefined();
  });
});

describe('uncheckedTypeAnswered', () => {
  it('is a success, or the status a Prefer asked for that Prism would not have honoured', () => {
    expect([200, 201, 202].map((status) => uncheckedTypeAnswered(status, undefined))).toEqual([
      true,
      true,
      true,
    ]);
    expect(uncheckedTypeAnswered(404, 404)).toBe(true);
    expect(uncheckedTypeAnswered(500, 500)).toBe(true);
  });

  it("leaves Prism's own refusals", () => {
    expect(uncheckedTypeAnswered(401, undefined)).toBe(false);
    expect(uncheckedTypeAnswered(400, undefined)).toBe(false);
    expect(uncheckedTypeAnswered(400, 400)).toBe(false);
    expect(uncheckedTypeAnswered(500, 404)).toBe(false);
    expect(uncheckedTypeAnswered(405, undefined)).toBe(false);
  });
});
