// Which `$ref`s make a spec "split over several files" (refused by the kit): references, not data that looks
// like one in an example, an enum or a default, and not a property or component that happens to be named so.
import { describe, expect, it } from 'vitest';
import { externalReference } from '../src/spec-document.js';

describe('externalReference', () => {
  it.each<[string, unknown, string]>([
    ['a path item', { paths: { '/a': { $ref: 'paths/a.yaml' } } }, 'paths/a.yaml'],
    [
      'a schema in allOf',
      { components: { schemas: { A: { allOf: [{ $ref: 'schemas/b.yaml#/B' }] } } } },
      'schemas/b.yaml#/B',
    ],
    [
      'a property named like a keyword',
      { components: { schemas: { A: { properties: { example: { $ref: 'c.yaml' } } } } } },
      'c.yaml',
    ],
    [
      'a component named like a keyword',
      { components: { schemas: { value: { $ref: 'd.yaml' } } } },
      'd.yaml',
    ],
    [
      'an Example Object',
      {
        paths: {
          '/a': {
            get: {
              responses: {
                200: { content: { 'application/json': { examples: { x: { $ref: 'e.yaml' } } } } },
              },
            },
          },
        },
      },
      'e.yaml',
    ],
    [
      'a URL',
      { components: { schemas: { A: { $ref: 'https://example.com/a.json' } } } },
      'https://example.com/a.json',
    ],
  ])('finds the one in %s', (_, document, reference) => {
    expect(externalReference(document)).toBe(reference);
  });

  it.each<[string, unknown]>([
    ['local references', { components: { schemas: { A: { $ref: '#/components/schemas/B' }, B: {} } } }],
    ['an Example Object value', { components: { examples: { x: { value: { $ref: 'not/a/file.yaml' } } } } }],
    [
      'a schema example',
      { components: { schemas: { A: { example: { $ref: 'x.yaml' }, examples: [{ $ref: 'y.yaml' }] } } } },
    ],
    [
      'an enum, a const or a default',
      {
        components: {
          schemas: { A: { enum: [{ $ref: 'a' }], const: { $ref: 'b' }, default: { $ref: 'c' } } },
        },
      },
    ],
    [
      'a property named $ref',
      { components: { schemas: { A: { properties: { $ref: { type: 'string' } } } } } },
    ],
  ])('finds none in %s', (_, document) => {
    expect(externalReference(document)).toBeUndefined();
  });
});
