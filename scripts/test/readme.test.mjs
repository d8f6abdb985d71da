// The root README shows what the commands really print: the step list of `pnpm test` and the release checks'
// lines in a fresh clone.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describeBreakingChanges } from '../../packages/release-tools/src/breaking-guard.mjs';
import { describeChangesetCheck } from '../../packages/release-tools/src/changeset-check.mjs';
import { listSteps } from '../test-steps.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const textBlocks = [...readme.matchAll(/```text\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

test("the README's pnpm test summary lists every step, in order", () => {
  const summary = textBlocks.find((block) => block.startsWith('pnpm test summary:'));
  assert.ok(summary, 'the README shows the summary');
  const shown = [...summary.matchAll(/^ {2}✓ (.+) \(… s\)$/gm)].map((match) => match[1]);
  const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };
  const steps = listSteps({ root, env, tempFolder: '(temp)' }).map((step) => step.name);
  assert.deepEqual(shown, steps);
  assert.match(summary, new RegExp(`^All ${steps.length} steps passed\\.$`, 'm'));
});

test("the README's release-check lines are the ones the checks print in a fresh clone", () => {
  const changeset = describeChangesetCheck({
    base: '0123456789abcdef',
    baseRef: 'origin/main',
    changesets: [],
    packages: [],
    ok: true,
  }).replace('0123456789ab', '…');
  const guard = describeBreakingChanges(
    {
      baseline: `${root}openapi/released/openapi.json`,
      bundle: `${root}openapi/dist/openapi.json`,
      hasBaseline: false,
      changes: [],
      missing: [],
      ok: true,
    },
    root,
  );
  const block = textBlocks.find((text) => text.startsWith('changeset check:'));
  assert.equal(block, `${changeset}\n${guard}\n`);
});
