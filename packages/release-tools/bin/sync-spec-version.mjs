#!/usr/bin/env node
// Part of `pnpm run version`: copies @plivo-openapi/spec's package.json version into openapi.yaml info.version.
import { relative } from 'node:path';
import { findWorkspaceRoot } from '../src/find-root.mjs';
import { syncSpecVersion } from '../src/spec-version.mjs';

const root = findWorkspaceRoot();
const { file, version, previous, changed } = await syncSpecVersion(root);
console.log(
  changed
    ? `${relative(root, file)}: info.version ${previous} -> ${version}`
    : `${relative(root, file)}: info.version already ${version}`,
);
