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

/** The first `$ref` that points into another file, if any. */
export function externalReference(node: unknown): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) return value;
    const found = externalReference(value);
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
