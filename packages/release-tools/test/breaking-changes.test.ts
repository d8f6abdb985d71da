import { describe, expect, it } from 'vitest';
import { findBreakingChanges } from '../src/breaking-changes.mjs';
import { type Doc, SESSION_PATH, sampleSpec, VERIFY_PATH } from './support/sample-spec.js';

type Case = { name: string; change: (spec: Doc) => void; expected: Array<{ kind: string; where: string }> };

const session = (spec: Doc) => spec.components.schemas.Session.properties;
const getSession = (spec: Doc) => spec.paths[SESSION_PATH].get;

const breaking: Case[] = [
  {
    name: 'removed operation',
    change: (spec) => delete spec.paths[VERIFY_PATH],
    expected: [{ kind: 'operation-removed', where: `GET ${VERIFY_PATH} (getVerify)` }],
  },
  {
    name: 'removed response field',
    change: (spec) => delete session(spec).duration,
    expected: [{ kind: 'property-removed', where: 'response 200 body.response.duration' }],
  },
  {
    name: 'removed field of an array item',
    change: (spec) => delete spec.components.schemas.Interaction.properties.start_time,
    expected: [{ kind: 'property-removed', where: 'response 200 body.response.interactions[].start_time' }],
  },
  {
    name: 'removed field inside an allOf member',
    change: (spec) => delete spec.components.schemas.Verify.allOf[1].properties.charge,
    expected: [{ kind: 'property-removed', where: 'response 200 body.charge' }],
  },
  {
    name: 'removed field of an error body',
    change: (spec) => delete spec.components.schemas.Error.properties.error,
    expected: [{ kind: 'property-removed', where: 'response 404 body.error' }],
  },
  {
    name: 'response field no longer required',
    change: (spec) => {
      spec.components.schemas.Session.required = ['session_uuid', 'status'];
    },
    expected: [{ kind: 'property-now-optional', where: 'response 200 body.response.amount' }],
  },
  {
    name: 'type change (number to string)',
    change: (spec) => {
      session(spec).amount = { type: 'string' };
    },
    expected: [{ kind: 'type-changed', where: 'response 200 body.response.amount' }],
  },
  {
    name: 'response field became nullable',
    change: (spec) => {
      session(spec).duration = { type: ['integer', 'null'] };
    },
    expected: [{ kind: 'type-changed', where: 'response 200 body.response.duration' }],
  },
  {
    name: 'format change',
    change: (spec) => {
      session(spec).session_uuid = { type: 'string', format: 'date-time' };
    },
    expected: [{ kind: 'format-changed', where: 'response 200 body.response.session_uuid' }],
  },
  {
    name: 'format dropped from a response field',
    change: (spec) => {
      spec.components.schemas.SessionResponse.properties.api_id = { type: 'string' };
    },
    expected: [{ kind: 'format-changed', where: 'response 200 body.api_id' }],
  },
  {
    name: 'new required query parameter',
    change: (spec) =>
      getSession(spec).parameters.push({
        name: 'region',
        in: 'query',
        required: true,
        schema: { type: 'string' },
      }),
    expected: [{ kind: 'parameter-added-required', where: 'query parameter "region"' }],
  },
  {
    name: 'optional parameter became required',
    change: (spec) => {
      getSession(spec).parameters[1].required = true;
    },
    expected: [{ kind: 'parameter-now-required', where: 'query parameter "expand"' }],
  },
  {
    name: 'parameter removed',
    change: (spec) => getSession(spec).parameters.splice(1, 1),
    expected: [{ kind: 'parameter-removed', where: 'query parameter "expand"' }],
  },
  {
    name: 'narrowed response enum',
    change: (spec) => {
      session(spec).status.enum = ['active'];
    },
    expected: [{ kind: 'enum-narrowed', where: 'response 200 body.response.status' }],
  },
  {
    name: 'narrowed parameter enum',
    change: (spec) => {
      getSession(spec).parameters[1].schema.enum = ['charges'];
    },
    expected: [{ kind: 'enum-narrowed', where: 'query parameter "expand"' }],
  },
  {
    name: 'narrowed enum inside allOf',
    change: (spec) => {
      spec.components.schemas.Verify.allOf[0].properties.status.enum = ['verified'];
    },
    expected: [{ kind: 'enum-narrowed', where: 'response 200 body.status' }],
  },
  {
    name: 'tighter pattern on a path parameter (through a shared $ref)',
    change: (spec) => {
      spec.components.parameters.AuthId.schema.pattern = '^MA[A-Z0-9]{18}$';
    },
    expected: [{ kind: 'pattern-changed', where: 'path parameter "auth_id"' }],
  },
  {
    name: 'parameter type narrowed (string to integer)',
    change: (spec) => {
      getSession(spec).parameters[1].schema = { type: 'integer' };
    },
    expected: [
      { kind: 'type-changed', where: 'query parameter "expand"' },
      // Dropping the enum widens a request; only the type is a break.
    ],
  },
  {
    name: 'success response removed',
    change: (spec) => {
      delete getSession(spec).responses['200'];
    },
    expected: [{ kind: 'response-removed', where: 'response 200' }],
  },
];

const nonBreaking: Case[] = [
  { name: 'no change at all', change: () => {}, expected: [] },
  {
    name: 'added optional response field',
    change: (spec) => {
      session(spec).recording_url = { type: 'string' };
    },
    expected: [],
  },
  {
    name: 'added operation',
    change: (spec) => {
      spec.paths['/v1/Account/{auth_id}/Other'] = {
        get: { operationId: 'getOther', responses: { '200': { description: 'ok' } } },
      };
    },
    expected: [],
  },
  {
    name: 'widened response enum',
    change: (spec) => session(spec).status.enum.push('paused'),
    expected: [],
  },
  {
    name: 'widened parameter enum',
    change: (spec) => getSession(spec).parameters[1].schema.enum.push('all'),
    expected: [],
  },
  {
    name: 'added optional query parameter',
    change: (spec) =>
      getSession(spec).parameters.push({ name: 'page', in: 'query', schema: { type: 'integer' } }),
    expected: [],
  },
  {
    name: 'response field became required',
    change: (spec) => spec.components.schemas.Session.required.push('duration'),
    expected: [],
  },
  {
    name: 'nullable response field became non-null',
    change: (spec) => {
      session(spec).first_party_pin = { type: 'string' };
    },
    expected: [],
  },
  {
    name: 'path parameter renamed in the template only',
    change: (spec) => {
      spec.paths['/v1/Account/{auth_id}/Verify/{id}/'] = spec.paths[VERIFY_PATH];
      delete spec.paths[VERIFY_PATH];
    },
    expected: [],
  },
  {
    name: 'descriptions, examples and an error status removed',
    change: (spec) => {
      spec.components.schemas.Session.description = 'new words';
      getSession(spec).responses['200'].description = 'other words';
      delete getSession(spec).responses['404'];
    },
    expected: [],
  },
  {
    name: 'an inline schema moved into components ($ref instead of inline)',
    change: (spec) => {
      spec.components.schemas.Status = session(spec).status;
      session(spec).status = { $ref: '#/components/schemas/Status' };
    },
    expected: [],
  },
];

describe('findBreakingChanges', () => {
  it.each(breaking)('flags a breaking change: $name', ({ change, expected }) => {
    const before = sampleSpec();
    const after = sampleSpec();
    change(after);
    const found = findBreakingChanges(before, after);
    expect(found.map(({ kind }) => kind)).toEqual(expected.map(({ kind }) => kind));
    found.forEach((change, i) => {
      expect(change.where).toContain(expected[i]?.where);
      expect(change.message).toContain(change.where);
    });
  });

  it.each(nonBreaking)('lets a compatible change pass: $name', ({ change }) => {
    const before = sampleSpec();
    const after = sampleSpec();
    change(after);
    expect(findBreakingChanges(before, after)).toEqual([]);
  });

  it('names the operation, the location and the old and new values in each message', () => {
    const after = sampleSpec();
    session(after).amount = { type: 'string' };
    const [change] = findBreakingChanges(sampleSpec(), after);
    expect(change?.message).toBe(
      `GET ${SESSION_PATH} (getSession) response 200 body.response.amount: type changed from number to string`,
    );
  });

  it('survives recursive schemas', () => {
    const tree = (): Doc => {
      const spec = sampleSpec();
      spec.components.schemas.Interaction.properties.children = {
        type: 'array',
        items: { $ref: '#/components/schemas/Interaction' },
      };
      return spec;
    };
    const after = tree();
    delete after.components.schemas.Interaction.properties.call_uuid;
    expect(findBreakingChanges(tree(), after).map(({ kind }) => kind)).toEqual(['property-removed']);
  });

  it('refuses documents with external $refs and says to compare bundles', () => {
    const after = sampleSpec();
    session(after).amount = { $ref: './components/schemas/Amount.yaml' };
    expect(() => findBreakingChanges(sampleSpec(), after)).toThrow(/Compare bundled documents/);
  });
});
