// The bundled document has the shape the project promises: version, server, security, both operations with
// their ids, tags, parameters and responses, and no closed response schemas.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deref, type Json, loadBundle, operationById, readJson, specDir } from './support/spec';

const spec = loadBundle();

describe('bundled document', () => {
  it('is OpenAPI 3.1.0 and its info.version equals the package version', () => {
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.info.version).toBe(readJson(path.join(specDir, 'package.json')).version);
    expect(spec.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
    expect(spec.info.contact.name).toBeTruthy();
  });

  it('targets https://api.plivo.com with HTTP Basic auth', () => {
    expect(spec.servers.map((s: Json) => s.url)).toEqual(['https://api.plivo.com']);
    expect(spec.components.securitySchemes.basicAuth).toMatchObject({ type: 'http', scheme: 'basic' });
    expect(spec.security).toEqual([{ basicAuth: [] }]);
  });

  // Every operation: method, path (with the trailing slash real clients send), tag, success status and errors.
  const OPERATIONS = [
    ['createMaskingSession', 'post', '/v1/Account/{auth_id}/Masking/Session/', 'Number Masking', '201'],
    [
      'getMaskingSession',
      'get',
      '/v1/Account/{auth_id}/Masking/Session/{session_uuid}',
      'Number Masking',
      '200',
    ],
    ['listMaskingSessions', 'get', '/v1/Account/{auth_id}/Masking/Session/', 'Number Masking', '200'],
    [
      'updateMaskingSession',
      'post',
      '/v1/Account/{auth_id}/Masking/Session/{session_uuid}',
      'Number Masking',
      '200',
    ],
    [
      'deleteMaskingSession',
      'delete',
      '/v1/Account/{auth_id}/Masking/Session/{session_uuid}',
      'Number Masking',
      '200',
    ],
    ['createVerifySession', 'post', '/v1/Account/{auth_id}/Verify/Session/', 'Verify', '202'],
    ['getVerifySession', 'get', '/v1/Account/{auth_id}/Verify/Session/{session_uuid}/', 'Verify', '200'],
    ['listVerifySessions', 'get', '/v1/Account/{auth_id}/Verify/Session/', 'Verify', '200'],
    [
      'validateVerifySession',
      'post',
      '/v1/Account/{auth_id}/Verify/Session/{session_uuid}/',
      'Verify',
      '200',
    ],
  ] as const;

  it('has exactly these nine operations', () => {
    const ids = Object.values<Json>(spec.paths).flatMap((item) =>
      Object.values<Json>(item)
        .map((operation) => operation?.operationId)
        .filter(Boolean),
    );
    expect([...ids].sort()).toEqual(OPERATIONS.map(([id]) => id).sort());
  });

  it.each(OPERATIONS)(
    '%s is %s %s, tagged %s, answering %s and every documented error',
    (operationId, expectedMethod, expectedPath, tag, success) => {
      const { path: p, method, operation } = operationById(spec, operationId);
      expect([method, p]).toEqual([expectedMethod, expectedPath]);
      expect(operation.tags).toEqual([tag]);
      expect(operation.summary).toBeTruthy();
      expect(operation.description).toBeTruthy();
      expect(Object.keys(operation.responses).sort()).toEqual(
        [success, '400', '401', '403', '404', '405', '409', '429', '500'].sort(),
      );
      const pathParameters = spec.paths[p].parameters.map((ref: Json) => ref.$ref);
      expect(pathParameters).toEqual(
        p.includes('{session_uuid}')
          ? ['#/components/parameters/AuthId', '#/components/parameters/SessionUuid']
          : ['#/components/parameters/AuthId'],
      );
    },
  );

  it('every operation that names a session answers an unknown one with SessionNotFound (with an api_id example)', () => {
    for (const [operationId, , path] of OPERATIONS) {
      const { operation } = operationById(spec, operationId);
      const expected = path.includes('{session_uuid}') ? 'SessionNotFound' : 'NotFound';
      expect(operation.responses['404'].$ref, operationId).toBe(`#/components/responses/${expected}`);
    }
    const examples = spec.components.responses.SessionNotFound.content['application/json'].examples;
    expect(Object.keys(examples)).toEqual(['notFound', 'sessionNotFound']);
  });

  // The stateful mock answers these refusals; each must be a documented example of the operation concerned.
  it.each([
    ['deleteMaskingSession', '400', ['badRequest', 'sessionAlreadyExpired']],
    [
      'updateMaskingSession',
      '400',
      ['badRequest', 'sessionAlreadyExpired', 'partiesNotUpdatable', 'fieldNotUpdatable'],
    ],
    [
      'validateVerifySession',
      '400',
      ['badRequest', 'invalidOtp', 'otpAttemptsExceeded', 'sessionExpired', 'sessionAlreadyVerified'],
    ],
  ] as const)('%s documents its %s refusals as named examples', (operationId, status, names) => {
    const { operation } = operationById(spec, operationId);
    const response = deref(spec, operation.responses[status].$ref);
    expect(Object.keys(response.content['application/json'].examples)).toEqual(names);
  });

  it('the expired-session refusal is the exact text of the real answer (Java SDK fixture)', () => {
    expect(spec.components.examples.ErrorSessionAlreadyExpired.value.error).toBe('Session already expired');
    expect(spec.components.examples.ErrorInvalidOtp.value.error).toBe('Invalid OTP');
  });

  it('path parameters are constrained: auth_id MA/SA + 18, session_uuid a 36-character UUID', () => {
    const { AuthId, SessionUuid } = spec.components.parameters;
    expect(AuthId.schema).toMatchObject({ pattern: '^(MA|SA)[A-Z0-9]{18}$', minLength: 20, maxLength: 20 });
    expect(SessionUuid.schema).toMatchObject({ format: 'uuid', minLength: 36, maxLength: 36 });
    const authId = new RegExp(AuthId.schema.pattern);
    expect(['MANJUXXVOICEZZAPI908', 'SAOWRKMGU3YZCTZJXXXY'].every((id) => authId.test(id))).toBe(true);
    expect(
      ['manjuxxvoicezzapi908', 'XANJUXXVOICEZZAPI908', 'MANJUXXVOICEZZAPI90'].some((id) => authId.test(id)),
    ).toBe(false);
  });

  it.each(OPERATIONS.map(([id]) => id))(
    '%s: the first 400 example is the generic one and names no parameter (a mock serves it for every request it refuses)',
    (operationId) => {
      const { operation } = operationById(spec, operationId);
      const response = operation.responses['400'];
      const resolved = response.$ref ? deref(spec, response.$ref) : response;
      const [name, example] = Object.entries<Json>(resolved.content['application/json'].examples)[0] ?? [];
      expect(name).toBe('badRequest');
      const message = (example.$ref ? deref(spec, example.$ref) : example).value.error as string;
      const parameterNames = Object.values<Json>(spec.components.parameters).map((p) => p.name as string);
      const named = parameterNames.filter((name) => message.includes(name));
      expect(named, `the 400 example "${message}" names a parameter`).toEqual([]);
    },
  );

  it('no schema sets additionalProperties: false (new response fields must not break clients)', () => {
    const closed: string[] = [];
    const walk = (node: Json, at: string) => {
      if (node && typeof node === 'object') {
        if (node.additionalProperties === false || node.unevaluatedProperties === false) closed.push(at);
        for (const [key, child] of Object.entries<Json>(node)) walk(child, `${at}/${key}`);
      }
    };
    walk(spec, '#');
    expect(closed).toEqual([]);
  });

  // Valid OpenAPI 3.1 that widely used generators misread: orval, oazapfts, openapi-zod-client and typed-openapi
  // turn `const: x` into x's type alone; typed-openapi's zod output declares a const per schema, and one named
  // `Error` hides the global its own error class extends.
  it('uses no `const` (`enum: [value]` says the same) and names no schema after a JavaScript global', () => {
    const consts: string[] = [];
    const walk = (node: Json, at: string) => {
      if (node && typeof node === 'object') {
        if (Object.hasOwn(node, 'const') && !at.endsWith('/properties')) consts.push(at);
        for (const [key, child] of Object.entries<Json>(node)) walk(child, `${at}/${key}`);
      }
    };
    walk(spec, '#');
    expect(consts).toEqual([]);
    const globals = Object.keys(spec.components.schemas).filter((name) => name in globalThis);
    expect(globals).toEqual([]);
  });

  it('every schema property has a description', () => {
    const missing: string[] = [];
    for (const [name, schema] of Object.entries<Json>(spec.components.schemas)) {
      const parts = [schema, ...(schema.allOf ?? [])];
      for (const part of parts) {
        for (const [prop, propSchema] of Object.entries<Json>(part.properties ?? {})) {
          // A bare `$ref` takes its description from the referenced schema.
          if (
            !propSchema.description &&
            !spec.components.schemas[propSchema.$ref?.split('/').pop()]?.description
          ) {
            missing.push(`${name}.${prop}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  // Redoc labels an option without a type (an `enum` alone) "(any)", the open-ended values' tab a string.
  it('every option of an anyOf or oneOf has a type or a $ref', () => {
    const untyped: string[] = [];
    const walk = (node: Json, at: string) => {
      if (node && typeof node === 'object') {
        for (const [index, option] of (node.anyOf ?? node.oneOf ?? []).entries()) {
          if (option.type === undefined && option.$ref === undefined) untyped.push(`${at}/${index}`);
        }
        for (const [key, child] of Object.entries<Json>(node)) walk(child, `${at}/${key}`);
      }
    };
    walk(spec, '#');
    expect(untyped).toEqual([]);
  });

  // Redoc shows an `anyOf`/`oneOf` field as tabs, with the selected option's description (its own or its
  // `$ref`'s) in place of the field's, and never the field's `default`. So options either all describe
  // themselves in the field's terms or none does; a `$ref`'s description is about its type, not the field.
  it('no field with options loses its description or its default on the docs page', () => {
    const hidden: string[] = [];
    const walk = (node: Json, at: string) => {
      if (!node || typeof node !== 'object') return;
      const options: Json[] | undefined = node.anyOf ?? node.oneOf;
      if (node.description && options) {
        const own = options.map((option) => Boolean(option.description));
        const typeOnly = options.some(
          (option) => !option.description && option.$ref && deref(spec, option.$ref).description,
        );
        if ((own.includes(true) && own.includes(false)) || typeOnly) {
          hidden.push(`${at}: an option shows a description that is not the field's`);
        }
        if (node.default !== undefined && !node.description.includes(`default ${node.default}`)) {
          hidden.push(`${at}: its description does not say "default ${node.default}"`);
        }
      }
      for (const [key, child] of Object.entries<Json>(node)) walk(child, `${at}/${key}`);
    };
    walk(spec, '#');
    expect(hidden).toEqual([]);
  });
});
