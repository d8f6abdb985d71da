import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type SpecDocument = Record<string, unknown>;

const require = createRequire(import.meta.url);

/**
 * An OpenAPI file as data, whether it was JSON and whether it may refer to other files (false only when its JSON
 * text has no `$ref` outside itself: the walk that tells for sure is then skipped), or what keeps it from being
 * read as one.
 */
export type ReadSpec = { document: SpecDocument; json: boolean; mayReferOut: boolean } | { problem: string };

/** A `$ref` whose JSON string value does not start with `#`. */
const REF_OUT_IN_JSON = /"\$ref"\s*:\s*"(?!#)/;

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/**
 * Reads an OpenAPI file: JSON, else YAML read with the YAML 1.2 core schema (as JSON would read it: an unquoted
 * date stays text) and, like JSON.parse and Prism, a key given twice keeping its last value.
 */
export function readSpecDocument(path: string): ReadSpec {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { problem: `cannot be read (${firstLine(error)})` };
  }
  let document: unknown;
  let json = true;
  try {
    document = JSON.parse(text);
  } catch {
    json = false;
    // Loaded only for YAML: the bundled spec, and every copy the kit writes, is JSON.
    const yaml = require('js-yaml') as typeof import('js-yaml');
    let loaded: unknown;
    try {
      loaded = yaml.load(text, { schema: yaml.CORE_SCHEMA, json: true });
    } catch (error) {
      return { problem: `is neither JSON nor valid YAML (${firstLine(error)})` };
    }
    try {
      document = JSON.parse(JSON.stringify(loaded));
    } catch {
      return { problem: 'has a YAML alias that contains itself, which no JSON document can hold' };
    }
  }
  return typeof document === 'object' && document !== null && !Array.isArray(document)
    ? { document: document as SpecDocument, json, mayReferOut: !json || REF_OUT_IN_JSON.test(text) }
    : { problem: 'is not an OpenAPI document (a JSON or YAML object)' };
}

/**
 * What the keys of an object are: keywords, the names of the maps under `components`, names (of properties or
 * of a components map's entries), the names of Example Objects (a media type's `examples`), or the keywords of
 * an Example Object.
 */
type Keys = 'keywords' | 'components' | 'names' | 'example-names' | 'example';

const DATA_KEYWORDS = new Set(['example', 'enum', 'const', 'default']);

/** What the keys of `value`, found under `key` in an object whose keys are `keys`, are; `undefined`: data. */
function keysBelow(key: string, value: unknown, keys: Keys): Keys | undefined {
  if (keys === 'components') return key === 'examples' ? 'example-names' : 'names';
  if (keys === 'names') return 'keywords';
  if (keys === 'example-names') return 'example';
  // Example and schema values are data: a `$ref` in them is not a reference.
  if (DATA_KEYWORDS.has(key) || (keys === 'example' && key === 'value')) return undefined;
  if (key === 'examples') return Array.isArray(value) ? undefined : 'example-names';
  if (key === 'components') return 'components';
  if (key === 'properties' || key === 'patternProperties' || key === '$defs') return 'names';
  return 'keywords';
}

/** The first `$ref` that points into another file, if any (not counting those in example or schema values). */
export function externalReference(node: unknown, keys: Keys = 'keywords'): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  // for…in, not Object.entries: a spec has thousands of objects, and the walk should allocate nothing.
  for (const key in node) {
    const value: unknown = (node as Record<string, unknown>)[key];
    if (keys !== 'names' && keys !== 'components' && keys !== 'example-names' && key === '$ref') {
      if (typeof value === 'string' && !value.startsWith('#')) return value;
      continue;
    }
    const below = keysBelow(key, value, keys);
    const found = below === undefined ? undefined : externalReference(value, below);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Refuses, before anything starts, a spec file the mock cannot serve: one it cannot read, and (mocking, not
 * proxying) one split over several files, whose callbacks Prism would send itself, unsigned, and whose
 * operations the kit could not read. A file that is neither JSON nor YAML is left to Prism, which says why.
 */
export function refuseUnusableSpec(path: string, options: { mocking: boolean }): void {
  const read = readSpecDocument(path);
  if ('problem' in read) {
    if (read.problem.startsWith('cannot be read')) {
      throw new Error(
        `startMock: the spec file ${path} ${read.problem}. Pass a readable OpenAPI file as \`spec\`.`,
      );
    }
    return;
  }
  // A proxy takes split specs: the walk is for mocking only.
  if (!options.mocking) return;
  const reference = referenceOutside(read);
  if (reference !== undefined) refuseSplitSpec(path, reference);
}

/** The first `$ref` of a read spec that points outside it; not walked when its JSON text has none. */
export function referenceOutside(read: { document: SpecDocument; mayReferOut: boolean }): string | undefined {
  return read.mayReferOut ? externalReference(read.document) : undefined;
}

/** Refuses a spec split over several files or URLs, naming `reference` (see refuseUnusableSpec). */
export function refuseSplitSpec(path: string, reference: string): never {
  throw new Error(
    `startMock: the spec ${path} refers to another file or URL ($ref "${reference}"), and the mock needs one ` +
      `self-contained document. Bundle it first, e.g. \`npx @redocly/cli bundle ${path} --output ` +
      'openapi.bundled.json`, and pass the bundled file as `spec`.',
  );
}
