// Prism would send the spec's callbacks itself (unsigned, with a JSON body under a form content type) to the URL
// in each request; the mock kit starts it on a JSON copy of the spec without them (a YAML spec too; a split one is
// refused), so the only callbacks a receiver gets are the stateful mode's signed ones.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type { StartMockOptions } from '../src/index.js';
import { specForPrism } from '../src/prism-spec.js';
import { resolveSpecPath } from '../src/resolve-spec.js';
import { AUTH_ID, BASIC_AUTH } from './support/credentials.js';
import { mockForThisFile } from './support/mock-for-file.js';
import { runningPrismChildren } from './support/processes.js';
import { receiverForThisFile } from './support/receiver-for-file.js';
import { startExpectingRefusal } from './support/refused-start.js';

const operations = (spec: { paths: Record<string, Record<string, { callbacks?: unknown }>> }) =>
  Object.values(spec.paths).flatMap((item) => Object.values(item));

describe('specForPrism', () => {
  it('gives Prism a copy of the bundled spec without callbacks, removed afterwards', () => {
    const original = resolveSpecPath();
    const bundled = JSON.parse(readFileSync(original, 'utf8'));
    expect(
      operations(bundled).filter((operation) => operation.callbacks !== undefined).length,
    ).toBeGreaterThan(0);

    const spec = specForPrism(original, { mocking: true });
    expect(spec.path).not.toBe(original);
    const copy = JSON.parse(readFileSync(spec.path, 'utf8'));
    expect(operations(copy).filter((operation) => operation.callbacks !== undefined)).toEqual([]);
    expect(Object.keys(copy.paths)).toEqual(Object.keys(bundled.paths));
    spec.remove();
    expect(existsSync(spec.path)).toBe(false);
  });

  it('gives Prism a JSON copy of a YAML spec, without callbacks, dates left as text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prism-spec-test-'));
    try {
      const yaml = join(dir, 'openapi.yaml');
      writeFileSync(
        yaml,
        [
          'openapi: 3.1.0',
          'info: {title: t, version: 2024-06-03}',
          'paths:',
          '  /a:',
          '    post:',
          '      summary: first',
          '      summary: a key given twice keeps its last value, as in JSON',
          '      callbacks: {status: {}}',
          '      responses: {"200": {description: ok}}',
          '',
        ].join('\n'),
      );
      const spec = specForPrism(yaml, { mocking: true });
      expect(spec.path).toMatch(/openapi\.json$/);
      expect(JSON.parse(readFileSync(spec.path, 'utf8'))).toEqual({
        openapi: '3.1.0',
        info: { title: 't', version: '2024-06-03' },
        paths: {
          '/a': {
            post: {
              summary: 'a key given twice keeps its last value, as in JSON',
              responses: { '200': { description: 'ok' } },
            },
          },
        },
      });
      spec.remove();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a spec that refers to other files, saying how to bundle it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prism-spec-test-'));
    try {
      const split = join(dir, 'openapi.json');
      writeFileSync(split, JSON.stringify({ openapi: '3.1.0', paths: { '/a': { $ref: 'paths/a.yaml' } } }));
      const message =
        `startMock: the spec ${split} refers to another file or URL ($ref "paths/a.yaml"), and the mock needs ` +
        `one self-contained document. Bundle it first, e.g. \`npx @redocly/cli bundle ${split} --output ` +
        'openapi.bundled.json`, and pass the bundled file as `spec`.';
      expect(() => specForPrism(split, { mocking: true })).toThrow(message);
      // A proxy sends no callbacks: Prism resolves the other files itself, as before.
      expect(specForPrism(split, { mocking: false }).path).toBe(split);
      await expect(startExpectingRefusal({ spec: split })).rejects.toThrow(message);
      await expect(startExpectingRefusal({ spec: split, stateful: true })).rejects.toThrow(message);
      expect(runningPrismChildren()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses, naming the problem, a spec that is a folder or a YAML alias that contains itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prism-spec-test-'));
    try {
      await expect(startExpectingRefusal({ spec: dir })).rejects.toThrow(
        `startMock: the spec ${dir} is not a file. Pass an OpenAPI file as \`spec\`.`,
      );
      const looped = join(dir, 'openapi.yaml');
      writeFileSync(looped, 'openapi: 3.1.0\npaths: &loop\n  /a: *loop\n');
      await expect(startExpectingRefusal({ spec: looped, stateful: true })).rejects.toThrow(
        `startMock: stateful mode reads the operations of the spec, and ${looped} has a YAML alias that contains itself, which no JSON document can hold.`,
      );
      expect(runningPrismChildren()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves a file that is neither JSON nor YAML to Prism, which says what is wrong with it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prism-spec-test-'));
    try {
      const broken = join(dir, 'openapi.yaml');
      writeFileSync(broken, 'openapi: 3.1.0\ninfo: [\n');
      expect(specForPrism(broken, { mocking: true }).path).toBe(broken);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// The same spec as YAML: the kit reads it and gives Prism the same JSON copy without callbacks.
const yamlDir = mkdtempSync(join(tmpdir(), 'prism-callbacks-yaml-'));
const yamlSpec = join(yamlDir, 'openapi.yaml');
writeFileSync(yamlSpec, dump(JSON.parse(readFileSync(resolveSpecPath(), 'utf8'))));
afterAll(() => rmSync(yamlDir, { recursive: true, force: true }));

describe.each<[string, StartMockOptions]>([
  ['the stateless mock', {}],
  ['the stateless mock on a YAML spec', { spec: yamlSpec }],
  ['the stateful mock on a YAML spec', { spec: yamlSpec, stateful: true }],
])('%s', (_, options) => {
  const mock = mockForThisFile(options);
  const receiver = receiverForThisFile();

  it('sends no callback of its own when a request registers callback URLs', async () => {
    const response = await fetch(`${mock().url}/v1/Account/${AUTH_ID}/Masking/Session/`, {
      method: 'POST',
      headers: { authorization: BASIC_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({
        first_party: '917708772011',
        second_party: '919976106830',
        callback_url: `${receiver.url()}/status`,
        recording_callback_url: `${receiver.url()}/recording`,
      }),
    });
    expect(response.status).toBe(201);
    // Prism sends its callbacks right after answering; a second is far more than it needs (seen: ~50 ms).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(receiver.received).toEqual([]);
  });
});
