import { describe, expect, it } from 'vitest';
import { listOperations } from '../../src/list-operations.js';
import { createRoutes } from '../../src/routes.js';
import { queryObject, redactBody, redactHeaders } from '../../src/stateful/journal.js';
import { SPEC_PATH } from '../support/spec.js';

// The two pure pieces the stateful layer stands on: resolving a request to the spec's operation (with every
// masking path form an SDK sends), and what the journal keeps of a request.

const routes = createRoutes(listOperations(SPEC_PATH));
const A = '/v1/Account/MANJUXXVOICEZZAPI908';
const UUID = 'c28b77d4-21e7-43bd-9447-04bfee92e651';

describe('routes', () => {
  it.each([
    [`${A}/Masking/Session`, `${A}/Masking/Session/`],
    [`${A}/Masking/Session/`, `${A}/Masking/Session/`],
    [`${A}/Masking/Session/${UUID}/`, `${A}/Masking/Session/${UUID}`],
    [`${A}/Masking/Session//${UUID}/`, `${A}/Masking/Session/${UUID}`],
    [`${A}/Masking/Session/${UUID}`, `${A}/Masking/Session/${UUID}`],
    // Verify is sent alike by every SDK; without its slash the API answers 404, so the path is left alone.
    [`${A}/Verify/Session/${UUID}`, `${A}/Verify/Session/${UUID}`],
    [`${A}/Call/`, `${A}/Call/`],
  ])('puts %s in the spec form %s', (sent, canonical) => {
    expect(routes.canonical(sent)).toBe(canonical);
  });

  it.each([
    ['POST', `${A}/Masking/Session/`, 'createMaskingSession', {}],
    ['GET', `${A}/Masking/Session/`, 'listMaskingSessions', {}],
    ['DELETE', `${A}/Masking/Session/${UUID}`, 'deleteMaskingSession', { session_uuid: UUID }],
    ['post', `${A}/Verify/Session/${UUID}/`, 'validateVerifySession', { session_uuid: UUID }],
  ])('resolves %s %s to %s with its path parameters', (method, path, operationId, params) => {
    expect(routes.match(method, path)).toEqual({
      operationId,
      template: expect.stringContaining('/v1/Account/{auth_id}/'),
      params: { auth_id: 'MANJUXXVOICEZZAPI908', ...params },
    });
  });

  it('keeps a path parameter that is not valid percent-encoding as sent', () => {
    expect(routes.match('GET', `${A}/Masking/Session/%E0%A4%A`)?.params.session_uuid).toBe('%E0%A4%A');
  });

  it('resolves nothing for a method or path the spec does not have', () => {
    expect(routes.match('PUT', `${A}/Masking/Session/${UUID}`)).toBeUndefined();
    expect(routes.match('GET', `${A}/Verify/Session/${UUID}`)).toBeUndefined();
  });
});

describe('journal', () => {
  it('keeps the scheme of a credential and never its value', () => {
    expect(
      redactHeaders({
        authorization: ['Basic TUFOSlVYWFZPSUNFWlpBUEk5MDg6c2VjcmV0'],
        'proxy-authorization': ['just-a-secret'],
        cookie: ['session=a-secret; theme=dark'],
        'content-type': ['application/json'],
      }),
    ).toEqual({
      authorization: 'Basic [redacted]',
      'proxy-authorization': '[redacted]',
      cookie: '[redacted]',
      'content-type': 'application/json',
    });
  });

  it('keeps every URL of a body or query without the password of its user info', () => {
    const body = redactBody({
      first_party: '+14155550100',
      callback_url: 'https://hook:s3cret@example.com/status?a=1',
      nested: [{ url: 'http://only-user@example.com/' }, 'see https://x:y@example.com/a and ftp://p:q@h/'],
      plain: 'mail support@example.com at https://example.com/a@b',
      count: 3,
    });
    expect(body).toEqual({
      first_party: '+14155550100',
      callback_url: 'https://[redacted]@example.com/status?a=1',
      nested: [
        { url: 'http://[redacted]@example.com/' },
        'see https://[redacted]@example.com/a and ftp://[redacted]@h/',
      ],
      plain: 'mail support@example.com at https://example.com/a@b',
      count: 3,
    });
    expect(redactBody('{"url": "https://u:p@h/"')).toBe('{"url": "https://[redacted]@h/"');
    // As URL parsers read them: any number of slashes, the authority up to its last `@`, quotes in a password.
    expect(
      redactBody([
        'http:/u:p@h/',
        'http:\\\\u:p@h/',
        'https:///u:p@h/',
        'https://user:p@ss@host/x',
        "https://u:pa'ss@host/",
        'mailto:ops@example.com',
        `${'a.'.repeat(100)}https://u:p@h/`,
      ]),
    ).toEqual([
      'http:/[redacted]@h/',
      'http:\\\\[redacted]@h/',
      'https:///[redacted]@h/',
      'https://[redacted]@host/x',
      'https://[redacted]@host/',
      'mailto:ops@example.com',
      `${'a.'.repeat(100)}https://[redacted]@h/`,
    ]);
    // Percent-encoded, as in a form body: the authority ends at an encoded `/`, `?`, `#` or `\`, or at `&` or `=`.
    expect(
      redactBody([
        'url=https%3A%2F%2Fhook%3Ap%40ss%40example.com%2Fa&b=1',
        'u=http%3a%2f%2fu%3Ap%40h%3Fq',
        'u=https%3A//u%3Ap%40h/',
        'u=http%3A%5C%5Cu%3Ap%40h',
        'u=mailto%3Aops%40example.com',
        'u=https%3A%2F%2Fexample.com%2Fa%40b&v=x%40y',
        'u=https%3A%2F%2Fexample.com&v=a%40b',
      ]),
    ).toEqual([
      'url=https%3A%2F%2F[redacted]%40example.com%2Fa&b=1',
      'u=http%3a%2f%2f[redacted]%40h%3Fq',
      'u=https%3A//[redacted]%40h/',
      'u=http%3A%5C%5C[redacted]%40h',
      'u=mailto%3Aops%40example.com',
      'u=https%3A%2F%2Fexample.com%2Fa%40b&v=x%40y',
      'u=https%3A%2F%2Fexample.com&v=a%40b',
    ]);
    expect(queryObject(new URLSearchParams('url=https%3A%2F%2Fu%3Ap%40h%2F&limit=2'))).toEqual({
      url: 'https://[redacted]@h/',
      limit: '2',
    });
  });

  it('keeps a repeated header as an array of every value, each credential redacted', () => {
    expect(
      redactHeaders({
        authorization: ['Basic TUFOSlVYWFZPSUNFWlpBUEk5MDg6c2VjcmV0', 'Bearer another-secret'],
        'x-trace': ['a', 'b'],
      }),
    ).toEqual({ authorization: ['Basic [redacted]', 'Bearer [redacted]'], 'x-trace': ['a', 'b'] });
  });

  it('keeps no password of a URL in any other header', () => {
    expect(
      redactHeaders({
        referer: ['https://user:pw@app.example.com/checkout'],
        'x-callback': ['http://a:b@h/1', 'https://example.com/a@b'],
      }),
    ).toEqual({
      referer: 'https://[redacted]@app.example.com/checkout',
      'x-callback': ['http://[redacted]@h/1', 'https://example.com/a@b'],
    });
  });

  it('keeps a repeated query key as an array', () => {
    expect(queryObject(new URLSearchParams('status=active&limit=2&status=expired'))).toEqual({
      status: ['active', 'expired'],
      limit: '2',
    });
  });

  // An inherited member read back made `toString` an array holding a function, which no reader could clone;
  // `__proto__` went to the prototype setter and was lost.
  it('keeps query keys and headers named like members of Object.prototype, as cloned for a reader', () => {
    const query = structuredClone(
      queryObject(new URLSearchParams('toString=1&__proto__=2&constructor=a&constructor=b')),
    );
    expect(Object.entries(query)).toEqual([
      ['toString', '1'],
      ['__proto__', '2'],
      ['constructor', ['a', 'b']],
    ]);
    const received = Object.fromEntries([
      ['__proto__', ['x']],
      ['valueOf', ['y']],
    ]);
    expect(Object.entries(structuredClone(redactHeaders(received)))).toEqual([
      ['__proto__', 'x'],
      ['valueOf', 'y'],
    ]);
  });
});
