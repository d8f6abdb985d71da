import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findBreakingChanges, findBreakingChangesBetween } from '../src/breaking-changes.mjs';
import { checkBreakingChanges, describeBreakingChanges } from '../src/breaking-guard.mjs';
import { SPEC_BUNDLE } from '../src/spec-package.mjs';
import { findSpecPackage } from '../src/workspace.mjs';
import { changesetFile, createFixtureWorkspace, type FixtureWorkspace } from './support/fixture-workspace.js';
import { repoRoot } from './support/repo.js';
import { type Doc, sampleSpec, VERIFY_PATH } from './support/sample-spec.js';

let repo: FixtureWorkspace;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
function release(spec: Doc) {
  repo.write('openapi/released/openapi.json', json(spec));
}
/** The spec's sources: JSON is YAML, so one file the guard bundles itself. */
function edit(spec: Doc) {
  repo.write('openapi/openapi.yaml', json(spec));
}
function withoutVerify(): Doc {
  const spec = sampleSpec();
  delete spec.paths[VERIFY_PATH];
  return spec;
}
const check = () => checkBreakingChanges({ root: repo.root });

describe('checkBreakingChanges', () => {
  // Scoped here: the concurrent tests of the real-bundle block below would share (and leak) one workspace.
  beforeEach(() => {
    repo = createFixtureWorkspace();
  });
  afterEach(() => repo.dispose());

  it('passes with a note when nothing was released yet', async () => {
    edit(withoutVerify());
    const result = await check();
    expect(result).toMatchObject({ hasBaseline: false, changes: [], ok: true });
    expect(describeBreakingChanges(result, repo.root)).toContain(
      'no released spec at openapi/released/openapi.json yet (it is written by `pnpm run version`)',
    );
  });

  it('fails when the released spec was deleted, naming the commit to restore it from', async () => {
    release(sampleSpec());
    repo.commit('release');
    const released = repo.git('rev-parse', 'HEAD');
    repo.remove('openapi/released/openapi.json');
    edit(withoutVerify());
    const uncommitted = await check();
    expect(uncommitted).toMatchObject({ hasBaseline: false, restoreFrom: released, ok: false });
    repo.commit('lose the baseline');
    const committed = await check();
    expect(committed).toMatchObject({ hasBaseline: false, restoreFrom: released, ok: false });
    expect(describeBreakingChanges(committed, repo.root)).toBe(
      [
        `breaking-change guard failed: the released spec openapi/released/openapi.json is missing, though commit ${released.slice(0, 12)} has it;`,
        'without it no change can be compared with the last release. Restore it (and commit it, if its deletion was):',
        `  git checkout ${released} -- openapi/released/openapi.json`,
      ].join('\n'),
    );
  });

  it('passes when the bundle is compatible with the released spec', async () => {
    release(sampleSpec());
    const added = sampleSpec();
    added.components.schemas.Session.properties.extra = { type: 'string' };
    edit(added);
    expect(await check()).toMatchObject({ hasBaseline: true, changes: [], ok: true });
  });

  it('fails a breaking change with no pending changeset and names every package that needs a breaking bump', async () => {
    release(sampleSpec());
    edit(withoutVerify());
    const result = await check();
    expect(result.ok).toBe(false);
    expect(result.changes.map((change) => change.rule)).toEqual(['path-removed']);
    // The client and the mock kit are released with the spec (one fixed group); the private docs app is not.
    expect(result.missing).toEqual([
      { name: '@plivo-openapi/spec', version: '0.1.0', needs: 'minor', planned: 'none' },
      { name: '@plivo-openapi/client', version: '0.1.0', needs: 'minor', planned: 'none' },
      { name: '@plivo-openapi/contract-tests', version: '0.1.0', needs: 'minor', planned: 'none' },
    ]);
    const message = describeBreakingChanges(result, repo.root);
    expect(message).toContain(`[path-removed] ${VERIFY_PATH}: Path \`${VERIFY_PATH}\` was removed`);
    expect(message).toContain('✗ @plivo-openapi/spec@0.1.0 needs minor; pending: none');
    expect(message).toContain('pnpm changeset');
  });

  it('is not satisfied by a patch, which the fixed group gives the client and the mock kit too', async () => {
    release(sampleSpec());
    edit(withoutVerify());
    repo.write('.changeset/spec-patch.md', changesetFile({ '@plivo-openapi/spec': 'patch' }));
    expect((await check()).missing.map((m) => `${m.name} ${m.planned}`)).toEqual([
      '@plivo-openapi/spec patch (0.1.0 -> 0.1.1)',
      '@plivo-openapi/client patch (0.1.0 -> 0.1.1)',
      '@plivo-openapi/contract-tests patch (0.1.0 -> 0.1.1)',
    ]);
  });

  it('in 0.x, a minor bump of the spec is the breaking bump; the fixed group gives it to the client and the mock kit', async () => {
    release(sampleSpec());
    edit(withoutVerify());
    repo.write('.changeset/spec-only.md', changesetFile({ '@plivo-openapi/spec': 'minor' }));
    const result = await check();
    expect(result.ok).toBe(true);
    expect(describeBreakingChanges(result, repo.root)).toContain('covered by a pending breaking bump');
  });

  it('from 1.0.0 on, only a major bump will do', async () => {
    for (const path of [
      'openapi/package.json',
      'packages/client/package.json',
      'packages/contract-tests/package.json',
    ]) {
      repo.write(path, repo.read(path).replace('"version": "0.1.0"', '"version": "1.2.0"'));
    }
    release(sampleSpec());
    edit(withoutVerify());
    repo.write('.changeset/minor.md', changesetFile({ '@plivo-openapi/spec': 'minor' }));
    expect((await check()).missing.map((m) => `${m.name} needs ${m.needs}`)).toEqual([
      '@plivo-openapi/spec needs major',
      '@plivo-openapi/client needs major',
      '@plivo-openapi/contract-tests needs major',
    ]);
    repo.write('.changeset/minor.md', changesetFile({ '@plivo-openapi/spec': 'major' }));
    expect((await check()).ok).toBe(true);
  });

  it('judges the sources, not a dist/ bundle left from before the edit', async () => {
    release(sampleSpec());
    repo.write('openapi/dist/openapi.json', json(sampleSpec()));
    edit(withoutVerify());
    expect((await check()).changes.map((change) => change.rule)).toEqual(['path-removed']);
  });

  it('names the spec when its sources do not bundle', async () => {
    release(sampleSpec());
    const broken = sampleSpec();
    broken.components.schemas.Session.properties.extra = { $ref: './missing.yaml' };
    edit(broken);
    await expect(check()).rejects.toThrow(
      'The spec at openapi/openapi.yaml does not bundle, so it cannot be compared with the released one.',
    );
  });
});

describe('the guard on the real bundle', async () => {
  const spec = await findSpecPackage(repoRoot);
  const bundleFile = join(spec.dir, SPEC_BUNDLE);
  const bundle = (): Doc => JSON.parse(readFileSync(bundleFile, 'utf8'));
  const rulesFor = async (change: (doc: Doc) => void) => {
    const after = bundle();
    change(after);
    return (await findBreakingChangesBetween(bundle(), after)).map((found) => found.rule);
  };

  it('finds nothing between the bundle and itself', async () => {
    expect(await findBreakingChanges(bundleFile, bundleFile)).toEqual([]);
  });

  it.concurrent.each(Object.keys(bundle().paths))('finds the path %s removed', async (path) => {
    expect(await rulesFor((doc) => delete doc.paths[path])).toEqual(['path-removed']);
  });

  const required = Object.entries<Doc>(bundle().components.schemas).filter(
    ([, schema]) => schema.required?.length,
  );
  it('has schemas with required fields', () => expect(required.length).toBeGreaterThan(0));

  it.concurrent.each(
    required.map(([name, schema]) => [`${name}.${schema.required[0]}`, name, schema.required[0]]),
  )('finds the required field %s removed', async (_, name, field) => {
    const rules = await rulesFor((doc) => delete doc.components.schemas[name].properties[field]);
    // Removed from a response (property-removed) or a request body (the request no longer names it).
    expect(rules.length, `removing ${name}.${field}`).toBeGreaterThan(0);
  });
});
