#!/usr/bin/env node
// Second step of `pnpm release`: publish only a pushed commit whose changesets are already versions.
import { findWorkspaceRoot } from '../src/find-root.mjs';
import { releaseBlockers } from '../src/release-readiness.mjs';

const problems = releaseBlockers(findWorkspaceRoot());
if (problems.length > 0) {
  console.error(`pnpm release: nothing was published, because\n${problems.map((p) => `- ${p}`).join('\n')}`);
  process.exitCode = 1;
}
