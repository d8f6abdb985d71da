import { describe, expect, it } from 'vitest';
import { withBodySchemasDescribed } from '../src/body-descriptions.mjs';
import { readSpecBundle } from '../src/spec-bundle.mjs';

const body = (ref: string, description?: string) => ({
  required: true,
  ...(description === undefined ? {} : { description }),
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } },
});

describe('withBodySchemasDescribed', () => {
  const definition = {
    paths: {
      '/a': {
        post: {
          requestBody: body('Create'),
          callbacks: { event: { '{$request.body#/url}': { post: { requestBody: body('Event') } } } },
        },
        put: { requestBody: body('Update', 'Fields left out are not changed.') },
        get: { responses: {} },
      },
    },
    components: {
      schemas: {
        Create: { description: 'Neither party is required.\n' },
        Update: { description: 'Ruby strings are refused.' },
        Event: { description: 'Form-encoded.' },
      },
    },
  };

  it("adds the schema's description after the body's own, in operations and their callbacks", () => {
    const shown = withBodySchemasDescribed(definition);
    expect(shown.paths['/a'].post.requestBody.description).toBe('Neither party is required.');
    expect(shown.paths['/a'].put.requestBody.description).toBe(
      'Fields left out are not changed.\n\nRuby strings are refused.',
    );
    expect(shown.paths['/a'].post.callbacks.event['{$request.body#/url}'].post.requestBody.description).toBe(
      'Form-encoded.',
    );
    expect(definition.paths['/a'].post.requestBody).not.toHaveProperty('description');
  });

  it('gives every request body of the real spec its schema description', () => {
    const spec = readSpecBundle();
    const shown = withBodySchemasDescribed(spec);
    const create = shown.paths['/v1/Account/{auth_id}/Masking/Session/'].post.requestBody.description;
    expect(create).toContain(spec.components.schemas.MaskingSessionCreateRequest.description.trim());
  });
});
