// Every example in the spec must validate against the schema it illustrates: the named examples of each
// response (including those in components/examples and components/responses) and of each callback, and the
// `examples` keyword of every schema and parameter schema.
import { describe, expect, it } from 'vitest';
import { deref, describeErrors, type Json, loadBundle, makeValidator, pointer } from './support/spec';

const spec = loadBundle();
const validator = makeValidator(spec);

interface ResponseExample {
  label: string;
  schemaPointer: string;
  exampleRef: string | undefined;
  value: Json;
}

function responseExamples(): ResponseExample[] {
  const cases: ResponseExample[] = [];
  for (const [p, item] of Object.entries<Json>(spec.paths)) {
    for (const [method, operation] of Object.entries<Json>(item)) {
      if (!operation?.responses) continue;
      for (const [status, response] of Object.entries<Json>(operation.responses)) {
        // A response is either inline or a `$ref` to components/responses: point at wherever it really lives.
        const base = response.$ref
          ? (response.$ref as string).replace(/^#\//, '').split('/')
          : ['paths', p, method, 'responses', status];
        const resolved = response.$ref ? deref(spec, response.$ref) : response;
        for (const [mediaType, media] of Object.entries<Json>(resolved.content ?? {})) {
          const schemaPointer = pointer(...base, 'content', mediaType, 'schema');
          for (const [name, example] of Object.entries<Json>(media.examples ?? {})) {
            const resolvedExample = example.$ref ? deref(spec, example.$ref) : example;
            cases.push({
              label: `${operation.operationId} ${status} ${mediaType} example "${name}"`,
              schemaPointer,
              exampleRef: example.$ref,
              value: resolvedExample.value,
            });
          }
          if (media.example !== undefined) {
            cases.push({
              label: `${operation.operationId} ${status} ${mediaType} example`,
              schemaPointer,
              exampleRef: undefined,
              value: media.example,
            });
          }
        }
      }
    }
  }
  return cases;
}

interface SchemaExample {
  label: string;
  schemaPointer: string;
  value: Json;
}

/** Walks a schema tree and yields each value of each `examples` keyword with the pointer of its schema. */
function schemaExamples(node: Json, at: string[], out: SchemaExample[]): SchemaExample[] {
  if (Array.isArray(node)) {
    node.forEach((child, i) => {
      schemaExamples(child, [...at, String(i)], out);
    });
  } else if (node && typeof node === 'object') {
    for (const [key, child] of Object.entries<Json>(node)) {
      const isKeyword = at[at.length - 1] !== 'properties';
      if (key === 'examples' && isKeyword && Array.isArray(child)) {
        child.forEach((value, i) => {
          out.push({ label: `${at.join('/')} examples[${i}]`, schemaPointer: pointer(...at), value });
        });
      } else {
        schemaExamples(child, [...at, key], out);
      }
    }
  }
  return out;
}

interface CallbackOperation {
  /** Where it lives in the bundle (a callback `$ref` points into components/callbacks). */
  at: string[];
  /** The operation whose request registers the callback. */
  parentId: string;
  operation: Json;
}

/** Every callback operation (each method of each callback), as many times as operations register it. */
function callbackOperations(): CallbackOperation[] {
  return Object.entries<Json>(spec.paths).flatMap(([p, item]) =>
    Object.entries<Json>(item).flatMap(([method, parent]) =>
      Object.entries<Json>(parent?.callbacks ?? {}).flatMap(([name, callback]) => {
        const base = callback.$ref
          ? (callback.$ref as string).replace(/^#\//, '').split('/')
          : ['paths', p, method, 'callbacks', name];
        const resolved = callback.$ref ? deref(spec, callback.$ref) : callback;
        return Object.entries<Json>(resolved).flatMap(([expression, callbackItem]) =>
          Object.entries<Json>(callbackItem).flatMap(([callbackMethod, operation]) =>
            // The path item's description is no operation.
            operation?.operationId
              ? [{ at: [...base, expression, callbackMethod], parentId: parent.operationId, operation }]
              : [],
          ),
        );
      }),
    ),
  );
}

/** The named examples of each callback's body. */
function callbackExamples(): ResponseExample[] {
  return callbackOperations().flatMap(({ at, parentId, operation }) =>
    Object.entries<Json>(operation.requestBody?.content ?? {}).flatMap(([type, media]) =>
      Object.entries<Json>(media.examples ?? {}).map(([name, example]) => ({
        label: `${operation.operationId} (${parentId}) example "${name}"`,
        schemaPointer: pointer(...at, 'requestBody', 'content', type, 'schema'),
        exampleRef: example.$ref,
        value: (example.$ref ? deref(spec, example.$ref) : example).value,
      })),
    ),
  );
}

const cases = responseExamples();
const callbackCases = callbackExamples();

describe('response examples', () => {
  it('every operation has named examples for its success, and every error response has one', () => {
    const labels = cases.map((c) => c.label);
    const operations = Object.values<Json>(spec.paths).flatMap((item) =>
      Object.values<Json>(item).filter((operation) => operation?.operationId),
    );
    expect(operations).toHaveLength(9);
    for (const { operationId, responses } of operations) {
      const [success] = Object.keys(responses).filter((code) => code.startsWith('2'));
      // The GETs show the documented example and at least two real variants; the others at least one.
      const least = operationId.startsWith('get') ? 3 : 1;
      expect(labels.filter((l) => l.startsWith(`${operationId} ${success} `)).length).toBeGreaterThanOrEqual(
        least,
      );
      for (const status of ['400', '401', '404', '405', '429', '500']) {
        expect(
          labels.some((l) => l.startsWith(`${operationId} ${status} `)),
          `${operationId} ${status}`,
        ).toBe(true);
      }
    }
  });

  it('every request body has named examples', () => {
    for (const item of Object.values<Json>(spec.paths)) {
      for (const operation of Object.values<Json>(item)) {
        const media = operation?.requestBody?.content?.['application/json'];
        if (media) expect(Object.keys(media.examples ?? {}).length, operation.operationId).toBeGreaterThan(0);
      }
    }
  });

  it('every entry of components/examples is used by a response or a callback (so it is validated below)', () => {
    const used = new Set([...cases, ...callbackCases].map((c) => c.exampleRef));
    const unused = Object.keys(spec.components.examples ?? {}).filter(
      (name) => !used.has(`#/components/examples/${name}`),
    );
    expect(unused).toEqual([]);
  });

  it('each api_id names one request: no two examples share one, and none is the id of a session or attempt', () => {
    const apiIds: string[] = [];
    const otherIds = new Set<string>();
    const visit = (node: Json): void => {
      if (!node || typeof node !== 'object') return;
      for (const [key, child] of Object.entries<Json>(node)) {
        if (key === 'api_id' && typeof child === 'string') apiIds.push(child);
        else if (/uuid$/i.test(key) && typeof child === 'string') otherIds.add(child);
        else visit(child);
      }
    };
    // An example shared by several operations is one object in the bundle: count it once.
    for (const value of new Set(cases.map((c) => c.value))) visit(value);
    expect(apiIds.length).toBeGreaterThan(20);
    expect(apiIds.filter((id, i) => apiIds.indexOf(id) !== i)).toEqual([]);
    expect(apiIds.filter((id) => otherIds.has(id))).toEqual([]);
  });

  it.each(cases.map((c) => [c.label, c] as const))('%s validates against its schema', (_, c) => {
    const validate = validator.at(c.schemaPointer);
    expect(validate(c.value), describeErrors(validate.errors)).toBe(true);
  });
});

describe('schema `examples`', () => {
  const found = [
    ...schemaExamples(spec.components.schemas, ['components', 'schemas'], []),
    ...Object.entries<Json>(spec.components.parameters ?? {}).flatMap(([name, parameter]) =>
      schemaExamples(parameter.schema, ['components', 'parameters', name, 'schema'], []),
    ),
  ];

  it('there are some', () => {
    expect(found.length).toBeGreaterThan(10);
  });

  it.each(found.map((e) => [e.label, e] as const))('%s validates against its schema', (_, e) => {
    const validate = validator.at(e.schemaPointer);
    expect(validate(e.value), describeErrors(validate.errors)).toBe(true);
  });
});

describe('request body examples', () => {
  const requestCases = Object.entries<Json>(spec.paths).flatMap(([p, item]) =>
    Object.entries<Json>(item).flatMap(([method, operation]) =>
      Object.entries<Json>(operation?.requestBody?.content?.['application/json']?.examples ?? {}).map(
        ([name, example]) =>
          [
            `${operation.operationId} request example "${name}"`,
            pointer('paths', p, method, 'requestBody', 'content', 'application/json', 'schema'),
            example.value,
          ] as const,
      ),
    ),
  );

  it('there is one for each of the four operations with a body, at least', () => {
    expect(new Set(requestCases.map(([label]) => label.split(' ')[0])).size).toBe(4);
  });

  it.each(requestCases)('%s validates against the request schema', (_, schemaPointer, value) => {
    const validate = validator.at(schemaPointer);
    expect(validate(value), describeErrors(validate.errors)).toBe(true);
  });
});

describe('callback examples', () => {
  // A GET's attributes are one exploded object parameter: Redoc would print its examples as `attributes={JSON}`,
  // not as the query Plivo sends, so the POST's body carries them and the GET's description points there.
  it('every POST callback shows at least one in its body', () => {
    const posts = callbackOperations()
      .map(({ operation }) => operation)
      .filter((operation) => operation.operationId.endsWith('Post'));
    const ids = (operations: Json[]) => [...new Set(operations.map((operation) => operation.operationId))];
    const withoutExamples = posts.filter((operation) =>
      Object.values<Json>(operation.requestBody?.content ?? {}).every(
        (media) => Object.keys(media.examples ?? {}).length === 0,
      ),
    );
    expect(ids(posts)).toHaveLength(3);
    expect(ids(withoutExamples)).toEqual([]);
  });

  it.each(callbackCases.map((c) => [c.label, c] as const))('%s validates against its schema', (_, c) => {
    const validate = validator.at(c.schemaPointer);
    expect(validate(c.value), describeErrors(validate.errors)).toBe(true);
  });
});
