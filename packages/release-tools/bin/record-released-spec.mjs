#!/usr/bin/env node
// Last step of `pnpm run version`: when the spec gets a new version, the freshly built bundle becomes the
// breaking-change guard's baseline (openapi/released/openapi.json). Commit it with the version bump.
import { relative } from 'node:path';
import { findWorkspaceRoot } from '../src/find-root.mjs';
import { recordReleasedSpec } from '../src/released-spec.mjs';

const root = findWorkspaceRoot();
const { bundle, released, version, recorded } = await recordReleasedSpec(root);
console.log(
  recorded
    ? `released spec ${version}: ${relative(root, bundle)} -> ${relative(root, released)}`
    : `released spec: ${relative(root, released)} already holds ${version}; unchanged`,
);
