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
    unevenFixedGroups: [],
    unknownNames: [],
    ok: true,
  }).replace('0123456789ab', '…');
  const guard = describeBreakingChanges(
    {
      baseline: `${root}openapi/released/openapi.json`,
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

test("the README's operations are the spec's, each with the client method that sends it", async () => {
  const rows = [...readme.matchAll(/^\| `(GET|POST|DELETE) (\/\S+)` \| `(\w+)` \| `(\w+)\.(\w+)\(\)` \|$/gm)];
  const shown = rows.map(([, method, path, operationId]) => `${method} ${path} ${operationId}`);
  const specUrl = new URL('../../openapi/dist/openapi.json', import.meta.url);
  /** @type {{ paths: Record<string, Record<string, { operationId?: string }>> }} */
  const spec = JSON.parse(readFileSync(specUrl, 'utf8'));
  const inSpec = Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, operation]) => operation.operationId !== undefined)
      .map(([method, operation]) => `${method.toUpperCase()} ${path} ${operation.operationId}`),
  );
  assert.deepEqual([...shown].sort(), [...inSpec].sort());

  const { createPlivoClient } = await import('../../packages/client/dist/index.mjs');
  /** @type {string[]} */
  const sent = [];
  const client = createPlivoClient({
    authId: 'MANJUXXVOICEZZAPI908',
    authToken: 'not-a-real-token',
    maxRetries: 0,
    fetch: async (request) => {
      sent.push(`${request.method} ${decodeURI(new URL(request.url).pathname)}`);
      return new Response('{"error":"stop here"}', { status: 400 });
    },
  });
  const uuid = '4124e518-a8c9-4feb-8cff-d86636ba9234';
  /** @type {Record<string, unknown[]>} what each method needs to send its request */
  const argumentsOf = {
    'maskingSessions.create': [{ first_party: '+14155550100', second_party: '+14155550101' }],
    'maskingSessions.list': [{ limit: 1 }],
    'maskingSessions.get': [uuid],
    'maskingSessions.update': [uuid, { session_expiry: 600 }],
    'maskingSessions.delete': [uuid],
    'verifySessions.create': [{ recipient: '+14155550100' }],
    'verifySessions.list': [{ limit: 1 }],
    'verifySessions.get': [uuid],
    'verifySessions.validate': [uuid, '123456'],
  };
  for (const [, method, path, , resource, name] of rows) {
    const call = /** @type {any} */ (client)[resource ?? '']?.[name ?? ''];
    assert.equal(typeof call, 'function', `the client has ${resource}.${name}()`);
    sent.length = 0;
    await assert.rejects(call(...(argumentsOf[`${resource}.${name}`] ?? [])), { status: 400 });
    const expected = `${method} ${path?.replace('{session_uuid}', uuid)}`;
    assert.deepEqual(sent, [expected.replace('{auth_id}', 'MANJUXXVOICEZZAPI908')]);
  }
});
