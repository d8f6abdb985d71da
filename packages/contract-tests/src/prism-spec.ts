import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSpecDocument, referenceOutside, refuseSplitSpec, type SpecDocument } from './spec-document.js';

/** The spec file Prism is started with, and how to remove it once Prism has stopped. */
export interface PrismSpec {
  readonly path: string;
  /** The temporary folder of the copy, when Prism gets one. */
  readonly copyFolder?: string;
  remove(): void;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Prism's mock sends every callback an operation describes, unsigned and with a JSON body whatever the media type,
 * to the URL found in the request (example.com for the spec's own examples). The mock kit sends Plivo's callbacks
 * itself (stateful mode: form-encoded and signed, see stateful/callback-dispatcher.ts), so Prism gets a JSON copy
 * of the spec without `callbacks` (YAML is copied as JSON too, which the kit's Prism process reads). A JSON spec
 * without callbacks is used as it is, and a file that is neither JSON nor YAML too: Prism says what is wrong.
 * A spec that refers to other files is refused when mocking (see spec-document.ts).
 */
export function specForPrism(specPath: string, options: { mocking: boolean }): PrismSpec {
  const unchanged: PrismSpec = { path: specPath, remove: () => undefined };
  const read = readSpecDocument(specPath);
  if ('problem' in read) return unchanged;
  const { document } = read;
  // A proxy sends no callbacks: Prism may resolve a split spec's other files itself.
  const reference = referenceOutside(read);
  if (reference !== undefined) {
    if (options.mocking) refuseSplitSpec(specPath, reference);
    return unchanged;
  }
  let changed = !read.json;
  for (const pathItem of Object.values((document.paths ?? {}) as Record<string, SpecDocument>)) {
    for (const method of METHODS) {
      const operation = pathItem?.[method] as SpecDocument | undefined;
      if (operation?.callbacks !== undefined) {
        delete operation.callbacks;
        changed = true;
      }
    }
  }
  if (!changed) return unchanged;
  const directory = mkdtempSync(join(tmpdir(), 'plivo-mock-spec-'));
  const path = join(directory, 'openapi.json');
  writeFileSync(path, JSON.stringify(document));
  return { path, copyFolder: directory, remove: () => rmSync(directory, { recursive: true, force: true }) };
}
