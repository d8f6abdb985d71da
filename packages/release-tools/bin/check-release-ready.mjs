#!/usr/bin/env node
// Before and after `pnpm release` builds: publish only a pushed commit whose changesets are already versions
// (again after the build, which regenerates tracked files such as the client's generated schema).
import { findWorkspaceRoot } from '../src/find-root.mjs';
import { releaseBlockers } from '../src/release-readiness.mjs';

const problems = releaseBlockers(findWorkspaceRoot());
if (problems.length > 0) {
  console.error(`pnpm release: nothing was published, because\n${problems.map((p) => `- ${p}`).join('\n')}`);
  process.exitCode = 1;
}
