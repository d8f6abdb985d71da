import { describe, expect, it } from 'vitest';
import { AUTH_ID_PATTERN } from '../src/basic-credentials.js';
import { normaliseRequest } from '../src/normalise-request.js';
import { createRoutes } from '../src/routes.js';
import { parameterPattern } from './support/spec.js';

// The compatibility layer's one job, without a server: what it changes on the way to Prism, and what it leaves alone.
const sdkHeaders = {
  authorization: 'Basic TUFOSlVYWFZPSUNFWlpBUEk5MDg6dG9rZW4=',
  'content-type': 'application/json',
  'content-length': '2',
  'user-agent': 'plivo-node/4.79.0',
  accept: 'application/json, text/plain, */*',
};

describe('normaliseRequest', () => {
  it('drops Accept when mocking, and keeps it otherwise', () => {
    const headers = { ...sdkHeaders, accept: 'text/html' };
    expect(
      normaliseRequest('GET', '/v1/x/', headers, undefined, { mocking: true }).headers,
    ).not.toHaveProperty('accept');
    expect(normaliseRequest('GET', '/v1/x/', headers).headers.accept).toBe('text/html');
  });

  it.each([{ mocking: true }, { mocking: false }])(
    'ends the hop-by-hop headers and those Connection names at the mock (%j), keeping the body framing',
    (options) => {
      const hopByHop = {
        connection: 'keep-alive, X-Hop',
        'keep-alive': 'timeout=5',
        'x-hop': '1',
        te: 'trailers',
        upgrade: 'h2c',
        'proxy-authorization': 'Basic cHJveHk6c2VjcmV0',
        'proxy-connection': 'keep-alive',
      };
      const { 'content-length': _, ...sent } = { ...sdkHeaders, 'transfer-encoding': 'chunked' };
      const { headers } = normaliseRequest('POST', '/v1/x/', { ...sent, ...hopByHop }, undefined, options);
      const expected: Record<string, string> = { ...sent };
      if (options.mocking) delete expected.accept;
      expect(headers).toEqual(expected);
    },
  );

  it('keeps Host and the body framing when Connection names them', () => {
    const sent = {
      ...sdkHeaders,
      host: '127.0.0.1:4010',
      connection: 'Host, Content-Length, X-Hop',
      'x-hop': '1',
    };
    const { headers } = normaliseRequest('POST', '/v1/x/', sent);
    const { connection: _, 'x-hop': __, ...expected } = sent;
    expect(headers).toEqual(expected);
    const chunked = { ...sent, 'transfer-encoding': 'chunked', connection: 'transfer-encoding' };
    expect(normaliseRequest('POST', '/v1/x/', chunked).headers).toHaveProperty(
      'transfer-encoding',
      'chunked',
    );
  });

  it.each(['GET', 'HEAD', 'DELETE', 'get', 'delete'])(
    'drops the body of a %s and the headers that describe it',
    (method) => {
      const { dropBody, headers, path } = normaliseRequest(method, '/v1/x/', {
        ...sdkHeaders,
        'transfer-encoding': 'chunked',
      });
      expect(dropBody).toBe(true);
      expect(headers).toEqual({
        authorization: sdkHeaders.authorization,
        'user-agent': sdkHeaders['user-agent'],
        accept: sdkHeaders.accept,
      });
      expect(path).toBe('/v1/x/');
    },
  );

  it.each(['POST', 'PUT', 'PATCH'])('forwards a %s with its body and headers untouched', (method) => {
    const { dropBody, headers } = normaliseRequest(method, '/v1/x', sdkHeaders);
    expect(dropBody).toBe(false);
    expect(headers).toEqual(sdkHeaders);
  });

  it('keeps the path and query exactly as sent', () => {
    expect(normaliseRequest('GET', '/v1/Account/MA/Verify/Session/not-a-uuid/?a=1&b=%20', {}).path).toBe(
      '/v1/Account/MA/Verify/Session/not-a-uuid/?a=1&b=%20',
    );
  });

  it('turns a /__prefer/<value>/ prefix into a Prefer header and strips it from the path', () => {
    const { path, headers } = normaliseRequest(
      'GET',
      `/__prefer/${encodeURIComponent('code=404, example=gone')}/v1/x/`,
      {},
    );
    expect(path).toBe('/v1/x/');
    expect(headers.prefer).toBe('code=404, example=gone');
  });

  it('lets a Prefer header sent by the caller win over the prefix', () => {
    expect(normaliseRequest('GET', '/__prefer/code=404/v1/x', { prefer: 'code=500' }).headers.prefer).toBe(
      'code=500',
    );
  });

  it('does not treat a path that merely contains __prefer as a prefix', () => {
    const { path, headers } = normaliseRequest('GET', '/v1/__prefer/code=404/x', {});
    expect(path).toBe('/v1/__prefer/code=404/x');
    expect(headers.prefer).toBeUndefined();
  });

  it('passes a prefix value that is not valid percent-encoding on as sent, instead of throwing', () => {
    const { path, headers } = normaliseRequest('GET', '/__prefer/code%E0%A4%A/v1/x', {});
    expect(path).toBe('/v1/x');
    expect(headers.prefer).toBe('code%E0%A4%A');
  });

  describe('credentials for the path’s account', () => {
    const routes = createRoutes([
      { method: 'GET', path: '/v1/Account/{auth_id}/Verify/Session/', operationId: 'listVerifySessions' },
    ]);
    const path = '/v1/Account/MANJUXXVOICEZZAPI908/Verify/Session/';
    const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;

    it.each([
      ['another account’s Auth ID', 'MAODZKMDFJMJU3MTEYNG:x'],
      ['an empty user name', ':token'],
      ['an empty Auth Token', 'MANJUXXVOICEZZAPI908:'],
    ])('withholds a Basic header with %s when mocking, so that Prism answers its 401', (_, credentials) => {
      const authorization = basic(credentials);
      expect(normaliseRequest('GET', path, { authorization }, routes, { mocking: true }).headers).toEqual({});
      // In proxy mode the real server judges them.
      expect(normaliseRequest('GET', path, { authorization }, routes).headers).toEqual({ authorization });
    });

    it.each([
      ['the path’s Auth ID and any token', basic('MANJUXXVOICEZZAPI908:any-token')],
      ['a header that is not Basic (Prism judges it)', 'Bearer abc'],
      ['a Basic header without a colon (Prism judges it)', basic('MANJUXXVOICEZZAPI908')],
    ])('passes on %s', (_, authorization) => {
      expect(normaliseRequest('GET', path, { authorization }, routes).headers).toEqual({ authorization });
    });

    it('passes credentials on a path whose auth_id is malformed as sent (Prism answers 400 naming it)', () => {
      const authorization = basic('MANJUXXVOICEZZAPI908:token');
      expect(
        normaliseRequest('GET', '/v1/Account/XX123/Verify/Session/', { authorization }, routes).headers,
      ).toEqual({
        authorization,
      });
    });

    it('knows the auth_id pattern the spec gives', () => {
      expect(AUTH_ID_PATTERN.source).toBe(parameterPattern('auth_id'));
    });

    it('passes credentials on a path of no operation as sent (Prism answers 404)', () => {
      const authorization = basic('MAODZKMDFJMJU3MTEYNG:x');
      expect(
        normaliseRequest('GET', '/v1/Account/MANJUXXVOICEZZAPI908/Call/', { authorization }, routes).headers,
      ).toEqual({ authorization });
    });
  });
});
