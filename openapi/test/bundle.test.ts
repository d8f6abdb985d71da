// The committed-or-built bundle in dist/ must be byte-for-byte what the build script produces from the sources
// now: a bundle left stale after a source edit fails here.
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJson, specDir } from './support/spec';

const buildScript: string = readJson(path.join(specDir, 'package.json')).scripts.build;
const outputs = ['openapi.yaml', 'openapi.json'];
const workDir = mkdtempSync(path.join(tmpdir(), 'plivo-openapi-bundle-'));

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('dist/ is fresh', () => {
  it('the build script writes exactly dist/openapi.yaml and dist/openapi.json', () => {
    expect(buildScript.match(/--output dist\/\S+/g)).toEqual(outputs.map((o) => `--output dist/${o}`));
  });

  it('re-running the build script into a temporary directory gives the same bytes', {
    timeout: 120_000,
  }, () => {
    // Run the package's own build command, only with dist/ redirected, so the comparison uses the same flags.
    const command = buildScript.replaceAll('--output dist/', `--output ${workDir}/`);
    execSync(command, {
      cwd: specDir,
      stdio: 'pipe',
      env: {
        ...process.env,
        PATH: `${path.join(specDir, 'node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
      },
    });
    for (const output of outputs) {
      const fresh = readFileSync(path.join(workDir, output));
      const built = readFileSync(path.join(specDir, 'dist', output));
      expect(built.equals(fresh), `dist/${output} is stale: run the spec's build`).toBe(true);
    }
  });
});
