import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordReleasedSpec } from '../src/released-spec.mjs';
import { createFixtureWorkspace, type FixtureWorkspace } from './support/fixture-workspace.js';
import { repoRoot } from './support/repo.js';
import { sampleSpec } from './support/sample-spec.js';

let repo: FixtureWorkspace;
beforeEach(() => {
  repo = createFixtureWorkspace();
  symlinkSync(join(repoRoot, 'node_modules'), join(repo.root, 'node_modules')); // for biome
});
afterEach(() => repo.dispose());

function build(version: string, extra: Record<string, unknown> = {}) {
  const spec = { ...sampleSpec(), ...extra, info: { title: 'sample', version } };
  repo.write('openapi/dist/openapi.json', JSON.stringify(spec));
  return spec;
}
const released = () => JSON.parse(readFileSync(join(repo.root, 'openapi/released/openapi.json'), 'utf8'));

describe('recordReleasedSpec', () => {
  it('records the first bundle, then only a bundle with a new spec version', async () => {
    const first = build('0.1.0');
    expect((await recordReleasedSpec(repo.root)).recorded).toBe(true);
    expect(released()).toEqual(first);

    build('0.1.0', { 'x-unreleased-edit': true });
    expect((await recordReleasedSpec(repo.root)).recorded).toBe(false);
    expect(released()).toEqual(first);

    repo.write('openapi/package.json', repo.read('openapi/package.json').replace('"0.1.0"', '"0.2.0"'));
    const second = build('0.2.0', { 'x-next': true });
    expect((await recordReleasedSpec(repo.root)).recorded).toBe(true);
    expect(released()).toEqual(second);
  });

  it('refuses a bundle whose info.version differs from the package version', async () => {
    build('0.0.9');
    await expect(recordReleasedSpec(repo.root)).rejects.toThrow(
      'openapi/dist/openapi.json says info.version 0.0.9 but @plivo-openapi/spec is 0.1.0',
    );
  });

  it('asks for a build when there is no bundle', async () => {
    await expect(recordReleasedSpec(repo.root)).rejects.toThrow(
      'Build it first: pnpm --filter @plivo-openapi/spec build',
    );
  });
});
