#!/usr/bin/env node
// Last step of `pnpm run version`: the freshly built bundle becomes the breaking-change guard's baseline.
import { relative } from 'node:path';
import { findWorkspaceRoot } from '../src/find-root.mjs';
import { recordReleasedSpec } from '../src/released-spec.mjs';

const root = findWorkspaceRoot();
const { bundle, released } = await recordReleasedSpec(root);
console.log(`released spec: ${relative(root, bundle)} -> ${relative(root, released)}`);
