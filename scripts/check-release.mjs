// `pnpm check:release`: the release checks `pnpm test` runs, each to its end (a chain of `&&` would hide the
// breaking-change guard's verdict whenever the changeset check fails).
import { fileURLToPath } from 'node:url';
import { runSteps } from './run-steps.mjs';
import { RELEASE_CHECKS } from './test-steps.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
await runSteps(RELEASE_CHECKS, { cwd: root, env: process.env, title: 'pnpm check:release' });
