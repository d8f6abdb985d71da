import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The spec file Prism is started with, and how to remove it once Prism has stopped. */
export interface PrismSpec {
  readonly path: string;
  /** The temporary folder of the copy, when Prism gets one. */
  readonly copyFolder?: string;
  remove(): void;
}

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Prism's mock sends every callback an operation describes, unsigned and with a JSON body whatever the media type,
 * to the URL found in the request (example.com for the spec's own examples). The mock kit sends Plivo's callbacks
 * itself (stateful mode: form-encoded and signed, see stateful/callback-dispatcher.ts), so Prism gets a copy of a
 * JSON spec without `callbacks`. A spec that is not JSON, has no callbacks or refers to other files is used as is.
 */
export function specForPrism(specPath: string): PrismSpec {
  const unchanged: PrismSpec = { path: specPath, remove: () => undefined };
  let document: Json;
  try {
    document = JSON.parse(readFileSync(specPath, 'utf8')) as Json;
  } catch {
    return unchanged;
  }
  const text = JSON.stringify(document);
  if (/"\$ref":"(?!#)/.test(text)) return unchanged; // external references would not resolve from a copy
  let stripped = false;
  for (const pathItem of Object.values((document.paths ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) {
      const operation = pathItem?.[method] as Json | undefined;
      if (operation?.callbacks !== undefined) {
        delete operation.callbacks;
        stripped = true;
      }
    }
  }
  if (!stripped) return unchanged;
  const directory = mkdtempSync(join(tmpdir(), 'plivo-mock-spec-'));
  const path = join(directory, 'openapi.json');
  writeFileSync(path, JSON.stringify(document));
  return { path, copyFolder: directory, remove: () => rmSync(directory, { recursive: true, force: true }) };
}
