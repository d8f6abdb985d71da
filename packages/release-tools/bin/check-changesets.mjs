#!/usr/bin/env node
// CI check: every published package whose source changed since the merge base carries a changeset.
// Base branch: CHANGESET_BASE_REF, else origin/main, else main. See CONTRIBUTING.md, "Changesets".
import { checkChangesets, describeChangesetCheck } from '../src/changeset-check.mjs';
import { findWorkspaceRoot } from '../src/find-root.mjs';

const result = await checkChangesets({ root: findWorkspaceRoot() });
const message = describeChangesetCheck(result);
if (result.ok) {
  console.log(message);
} else {
  console.error(message);
  process.exitCode = 1;
}
