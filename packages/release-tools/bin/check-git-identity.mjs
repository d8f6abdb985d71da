#!/usr/bin/env node
// First step of `pnpm release`: stop before anything is built or published when git could not tag the release.
import { findWorkspaceRoot } from '../src/find-root.mjs';
import { missingGitIdentity } from '../src/git.mjs';

const problem = missingGitIdentity(findWorkspaceRoot());
if (problem) {
  console.error(`pnpm release: ${problem}`);
  process.exitCode = 1;
}
