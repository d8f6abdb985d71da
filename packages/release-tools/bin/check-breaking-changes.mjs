#!/usr/bin/env node
// CI check: breaking changes since the released spec (openapi/released/openapi.json) need a pending breaking
// bump for the spec and every published package built from it. Bundles the spec's sources itself.
import { checkBreakingChanges, describeBreakingChanges } from '../src/breaking-guard.mjs';
import { findWorkspaceRoot } from '../src/find-root.mjs';

const root = findWorkspaceRoot();
const result = await checkBreakingChanges({ root });
const message = describeBreakingChanges(result, root);
if (result.ok) {
  console.log(message);
} else {
  console.error(message);
  process.exitCode = 1;
}
