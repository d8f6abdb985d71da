// Our definition of a breaking change, as before/after pairs of a small spec: `redocly diff` plus OUR_RULES
// (src/breaking-changes.mjs) must give exactly these verdicts.
import { describe, expect, it } from 'vitest';
import { breakingParts, describeLocation, findBreakingChangesBetween } from '../src/breaking-changes.mjs';
import {
  CREATE_VERIFY_PATH,
  type Doc,
  SESSION_PATH,
  sampleSpec,
  VERIFY_PATH,
} from './support/sample-spec.js';

type Case = { name: string; change: (spec: Doc) => void; expected: Array<{ rule: string; where: string }> };

const session = (spec: Doc) => spec.components.schemas.Session.properties;
const getSession = (spec: Doc) => spec.paths[SESSION_PATH].get;

const statusEvent = (spec: Doc) => spec.components.schemas.StatusEvent;
const CALLBACK_GET = `POST ${CREATE_VERIFY_PATH} callback status GET`;

const breaking: Case[] = [
  {
    name: "callback payload field's type changed",
    change: (spec) => {
      statusEvent(spec).properties.SessionUUID.type = 'integer';
    },
    expected: [{ rule: 'callback-payload-changed', where: `${CALLBACK_GET} parameter #0.SessionUUID` }],
  },
  {
    name: 'callback payload field no longer required',
    change: (spec) => {
      statusEvent(spec).required = ['Status'];
    },
    expected: [{ rule: 'callback-payload-changed', where: `${CALLBACK_GET} parameter #0` }],
  },
  {
    name: 'callback payload enum value removed',
    change: (spec) => {
      statusEvent(spec).properties.Status.enum = ['in-progress'];
    },
    expected: [{ rule: 'callback-payload-changed', where: `${CALLBACK_GET} parameter #0.Status` }],
  },
  {
    name: 'removed operation',
    change: (spec) => delete spec.paths[VERIFY_PATH],
    expected: [{ rule: 'path-removed', where: VERIFY_PATH }],
  },
  {
    name: 'removed response field',
    change: (spec) => delete session(spec).duration,
    expected: [{ rule: 'property-removed', where: 'response 200 body.response.duration' }],
  },
  {
    name: 'removed field of an array item',
    change: (spec) => delete spec.components.schemas.Interaction.properties.start_time,
    expected: [{ rule: 'property-removed', where: 'response 200 body.response.interactions[].start_time' }],
  },
  {
    name: 'removed field inside an allOf member',
    change: (spec) => delete spec.components.schemas.Verify.allOf[1].properties.charge,
    expected: [{ rule: 'schema-combinator-changed', where: 'response 200 body/allOf/1' }],
  },
  {
    // The mock kit answers `Prefer: code=404` only while 404 is documented.
    name: 'removed error status',
    change: (spec) => delete getSession(spec).responses['404'],
    expected: [{ rule: 'response-removed', where: `GET ${SESSION_PATH} response 404` }],
  },
  {
    // The mock kit answers `Prefer: example=active` with it.
    name: 'removed named example of a response',
    change: (spec) => delete getSession(spec).responses['200'].content['application/json'].examples.active,
    expected: [{ rule: 'response-example-removed', where: `GET ${SESSION_PATH} response 200` }],
  },
  {
    // redocly reports a rename whose names look alike as a modified key, a patch.
    name: 'renamed named example of a response',
    change: (spec) => {
      const { examples } = getSession(spec).responses['200'].content['application/json'];
      examples.isActive = examples.active;
      delete examples.active;
    },
    expected: [{ rule: 'response-example-removed', where: `GET ${SESSION_PATH} response 200` }],
  },
  {
    // The path's parameter renamed too: the response is still the same one.
    name: 'removed named example of a response whose path parameter was renamed',
    change: (spec) => {
      const renamed = SESSION_PATH.replace('{session_uuid}', '{uuid}');
      spec.paths[renamed] = JSON.parse(
        JSON.stringify(spec.paths[SESSION_PATH]).replaceAll('"session_uuid"', '"uuid"'),
      );
      delete spec.paths[SESSION_PATH];
      delete spec.paths[renamed].get.responses['200'].content['application/json'].examples.active;
    },
    expected: [{ rule: 'response-example-removed', where: `GET ${SESSION_PATH} response 200` }],
  },
  {
    name: 'named examples of a response replaced by a single example',
    change: (spec) => {
      const content = getSession(spec).responses['200'].content['application/json'];
      content.example = content.examples.active.value;
      delete content.examples;
    },
    expected: [
      { rule: 'response-example-removed', where: `GET ${SESSION_PATH} response 200` },
      { rule: 'response-example-removed', where: `GET ${SESSION_PATH} response 200` },
    ],
  },
  {
    name: 'removed field of an error body',
    change: (spec) => delete spec.components.schemas.Error.properties.error,
    expected: [{ rule: 'property-removed', where: 'response 404 body.error' }],
  },
  {
    name: 'response field no longer required',
    change: (spec) => {
      spec.components.schemas.Session.required = ['session_uuid', 'status'];
    },
    expected: [{ rule: 'required-properties-removed', where: 'response 200 body.response' }],
  },
  {
    name: 'type change (number to string)',
    change: (spec) => {
      session(spec).amount = { type: 'string' };
    },
    expected: [{ rule: 'schema-type-changed', where: 'response 200 body.response.amount' }],
  },
  {
    name: 'response field became nullable',
    change: (spec) => {
      session(spec).duration = { type: ['integer', 'null'] };
    },
    expected: [{ rule: 'schema-type-changed', where: 'response 200 body.response.duration' }],
  },
  {
    name: 'format change',
    change: (spec) => {
      session(spec).session_uuid = { type: 'string', format: 'date-time' };
    },
    expected: [{ rule: 'schema-constraint-changed', where: 'response 200 body.response.session_uuid' }],
  },
  {
    name: 'format dropped from a response field',
    change: (spec) => {
      spec.components.schemas.SessionResponse.properties.api_id = { type: 'string' };
    },
    expected: [{ rule: 'schema-constraint-changed', where: 'response 200 body.api_id' }],
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
    expected: [{ rule: 'parameter-became-required', where: 'parameter #2' }],
  },
  {
    name: 'optional parameter became required',
    change: (spec) => {
      getSession(spec).parameters[1].required = true;
    },
    expected: [{ rule: 'parameter-became-required', where: 'parameter #1' }],
  },
  {
    name: 'parameter removed',
    change: (spec) => getSession(spec).parameters.splice(1, 1),
    expected: [{ rule: 'parameter-removed', where: 'parameter #1' }],
  },
  {
    name: 'narrowed response enum',
    change: (spec) => {
      session(spec).status.enum = ['active'];
    },
    expected: [{ rule: 'response-enum-value-removed', where: 'response 200 body.response.status' }],
  },
  {
    name: 'narrowed parameter enum',
    change: (spec) => {
      getSession(spec).parameters[1].schema.enum = ['charges'];
    },
    expected: [{ rule: 'enum-values-removed', where: 'parameter #1' }],
  },
  {
    name: 'narrowed enum inside allOf',
    change: (spec) => {
      spec.components.schemas.Verify.allOf[0].properties.status.enum = ['verified'];
    },
    expected: [{ rule: 'response-enum-value-removed', where: 'response 200 body/allOf/0.status' }],
  },
  {
    name: 'tighter pattern on a path parameter (through a shared $ref)',
    change: (spec) => {
      spec.components.parameters.AuthId.schema.pattern = '^MA[A-Z0-9]{18}$';
    },
    expected: [{ rule: 'schema-constraint-changed', where: `${SESSION_PATH} parameter #0` }],
  },
  {
    name: 'parameter type narrowed (string to integer)',
    change: (spec) => {
      getSession(spec).parameters[1].schema = { type: 'integer' };
    },
    expected: [
      { rule: 'schema-type-changed', where: 'parameter #1' },
      // Dropping the enum widens a request; only the type is a break.
    ],
  },
  {
    name: 'removed request body property (the generated request type loses it)',
    change: (spec) => {
      delete spec.paths[CREATE_VERIFY_PATH].post.requestBody.content['application/json'].schema.properties
        .locale;
    },
    expected: [{ rule: 'property-removed', where: `POST ${CREATE_VERIFY_PATH} request body.locale` }],
  },
  {
    name: 'success response removed',
    change: (spec) => {
      delete getSession(spec).responses['200'];
    },
    expected: [{ rule: 'response-removed', where: 'response 200' }],
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
    name: 'descriptions changed, and an example of a request body removed',
    change: (spec) => {
      spec.components.schemas.Session.description = 'new words';
      getSession(spec).responses['200'].description = 'other words';
      delete spec.paths[CREATE_VERIFY_PATH].post.requestBody.content['application/json'].examples.india;
    },
    expected: [],
  },
  {
    name: 'callback payload gains an optional field, an enum value and a required field',
    change: (spec) => {
      statusEvent(spec).properties.Channel = { type: 'string' };
      statusEvent(spec).properties.Status.enum.push('expired');
      statusEvent(spec).required.push('AttemptCount');
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

// Each pair runs `redocly diff` in its own process: the table runs a few at a time.
describe.concurrent('findBreakingChanges (redocly diff plus our five rules)', () => {
  it.each(breaking)('flags a breaking change: $name', async ({ change, expected }) => {
    const after = sampleSpec();
    change(after);
    const found = await findBreakingChangesBetween(sampleSpec(), after);
    expect(found.map(({ rule }) => rule)).toEqual(expected.map(({ rule }) => rule));
    found.forEach((change, i) => {
      expect(change.where).toContain(expected[i]?.where);
      expect(change.message).toContain(change.where);
    });
  });

  it.each(nonBreaking)('lets a compatible change pass: $name', async ({ change }) => {
    const after = sampleSpec();
    change(after);
    expect(await findBreakingChangesBetween(sampleSpec(), after)).toEqual([]);
  });

  it('names the operation, the location and what changed in each message', async () => {
    const after = sampleSpec();
    session(after).amount = { type: 'string' };
    const [change] = await findBreakingChangesBetween(sampleSpec(), after);
    expect(change?.message).toBe(
      `GET ${SESSION_PATH} response 200 body.response.amount: Type of \`amount\` widened from 'number' to 'string'`,
    );
  });

  it('survives recursive schemas', async () => {
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
    const rules = (await findBreakingChangesBetween(tree(), after)).map(({ rule }) => rule);
    expect(rules.length).toBeGreaterThan(0);
    expect(new Set(rules)).toEqual(new Set(['property-removed']));
  });
});

// No spec pair here gets redocly to rate a change major without saying why; should a release do so, the change
// must still count as breaking.
describe('a change redocly rates major with no verdict', () => {
  it('is breaking, named by its location, type and kind', () => {
    const change = {
      path: '#/paths/~1v1~1A/get',
      typeName: 'Operation',
      kind: 'removed',
      impact: 'major',
      verdicts: [],
    };
    expect(breakingParts(change)).toEqual([
      { rule: 'redocly', where: 'GET /v1/A', message: 'GET /v1/A: Operation removed' },
    ]);
  });
});

describe('the location of a change, as a person reads it', () => {
  it.each([
    [
      '#/paths/~1v1~1A~1{id}/get/responses/200/content/application~1json/schema/properties/a/items/properties/b',
      'GET /v1/A/{id} response 200 body.a[].b',
    ],
    [
      '#/paths/~1v1~1A/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties/a',
      'POST /v1/A request body (application/x-www-form-urlencoded).a',
    ],
    ['#/paths/~1v1~1A/get/parameters/0/schema', 'GET /v1/A parameter #0'],
    ['#/paths/~1v1~1A', '/v1/A'],
    [
      '#/paths/~1v1~1A/post/callbacks/status/{$request.body#~1callback_url}/post/requestBody/content/application~1json/schema/properties/Event',
      'POST /v1/A callback status POST request body.Event',
    ],
  ])('%s', (pointer, expected) => {
    expect(describeLocation(pointer)).toBe(expected);
  });
});
