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

  it.each([
    ['getMaskingSession', '/v1/Account/{auth_id}/Masking/Session/{session_uuid}', 'Number Masking'],
    ['getVerifySession', '/v1/Account/{auth_id}/Verify/Session/{session_uuid}/', 'Verify'],
  ])('%s is GET %s, tagged %s, with every documented status', (operationId, expectedPath, tag) => {
    const { path: p, method, operation } = operationById(spec, operationId);
    expect([method, p]).toEqual(['get', expectedPath]);
    expect(operation.tags).toEqual([tag]);
    expect(operation.summary).toBeTruthy();
    expect(operation.description).toBeTruthy();
    expect(Object.keys(operation.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '404',
      '405',
      '429',
      '500',
    ]);
    const parameterNames = spec.paths[p].parameters.map((ref: Json) => ref.$ref);
    expect(parameterNames).toEqual(['#/components/parameters/AuthId', '#/components/parameters/SessionUuid']);
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

  it.each(['getMaskingSession', 'getVerifySession'])(
    '%s: the 400 example names no parameter (a mock serves it for every request it refuses)',
    (operationId) => {
      const { operation } = operationById(spec, operationId);
      const response = operation.responses['400'];
      const resolved = response.$ref ? deref(spec, response.$ref) : response;
      const messages = Object.values<Json>(resolved.content['application/json'].examples).map(
        (example) => (example.$ref ? deref(spec, example.$ref) : example).value.error as string,
      );
      expect(messages.length).toBeGreaterThan(0);
      const parameterNames = Object.values<Json>(spec.components.parameters).map((p) => p.name as string);
      for (const message of messages) {
        const named = parameterNames.filter((name) => message.includes(name));
        expect(named, `the 400 example "${message}" names a parameter`).toEqual([]);
      }
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
});
