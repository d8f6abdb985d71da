import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type SpecDocument = Record<string, unknown>;

const require = createRequire(import.meta.url);

/**
 * An OpenAPI file as data, and whether it was JSON: else it is YAML, read with the YAML 1.2 core schema (as JSON
 * would read it: an unquoted date stays text). `undefined` when it is neither, so that Prism can say what is
 * wrong with it.
 */
export function readSpecDocument(path: string): { document: SpecDocument; json: boolean } | undefined {
  const text = readFileSync(path, 'utf8');
  let document: unknown;
  let json = true;
  try {
    document = JSON.parse(text);
  } catch {
    json = false;
    // Loaded only for YAML: the bundled spec, and every copy the kit writes, is JSON.
    const yaml = require('js-yaml') as typeof import('js-yaml');
    try {
      document = yaml.load(text, { schema: yaml.CORE_SCHEMA });
    } catch {
      return undefined;
    }
  }
  return typeof document === 'object' && document !== null && !Array.isArray(document)
    ? { document: document as SpecDocument, json }
    : undefined;
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
  for (const [key, value] of Object.entries(node)) {
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
 * Refuses a spec split over several files: Prism would send the callbacks described in them itself (unsigned),
 * and the kit could not read the operations they hold.
 */
export function refuseExternalReferences(path: string, document: SpecDocument): void {
  const reference = externalReference(document);
  if (reference === undefined) return;
  throw new Error(
    `startMock: the spec ${path} refers to another file ($ref "${reference}"), and the mock needs one ` +
      'self-contained document. Bundle it first, e.g. `npx @redocly/cli bundle openapi.yaml --output ' +
      'openapi.json`, and pass the bundled file as `spec`.',
  );
}
