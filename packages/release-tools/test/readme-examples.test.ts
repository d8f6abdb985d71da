// The READMEs' examples, as a user copies them: the packed spec, client and mock kit installed with npm into an
// empty project, then the mock kit's vitest section type-checked as written (vitest.config.ts, tsconfig.json and
// the example files) and the client's "Testing against the mock" example run with node.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packPackage } from '../src/pack.mjs';
import { listWorkspacePackages } from '../src/workspace.mjs';
import { cleanEnv, run } from './support/commands.js';
import { installConsumer } from './support/consumer-project.js';
import { repoRoot } from './support/repo.js';

const require = createRequire(import.meta.url);
const packages = await listWorkspacePackages(repoRoot);
const dirOf = (name: string) => packages.find((pkg) => pkg.name === name)?.dir as string;
const mockKitDir = dirOf('@plivo-openapi/contract-tests');
const tsc = join(import.meta.dirname, '../node_modules/.bin/tsc');

/** The fenced blocks of one language in a README, or in one of its `## ` sections. */
function fencedBlocks(readme: string, language: string, section?: string): string[] {
  let text = readme;
  if (section) {
    const start = readme.indexOf(`\n## ${section}\n`);
    if (start < 0) throw new Error(`no section "## ${section}"`);
    const end = readme.indexOf('\n## ', start + 1);
    text = readme.slice(start, end < 0 ? undefined : end);
  }
  return [...text.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map(
    (match) => match[1] ?? '',
  );
}

const versionOf = (dependency: string, from: string) =>
  JSON.parse(readFileSync(require.resolve(`${dependency}/package.json`, { paths: [from] }), 'utf8')).version;

let scratch: string;
let consumer: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'readme-examples-'));
  mkdirSync(join(scratch, 'tarballs'));
  const tarballs = [];
  for (const name of ['@plivo-openapi/spec', '@plivo-openapi/client', '@plivo-openapi/contract-tests']) {
    tarballs.push((await packPackage(dirOf(name), join(scratch, 'tarballs'), cleanEnv())).tarball);
  }
  consumer = join(scratch, 'consumer');
  await installConsumer(consumer, [
    ...tarballs,
    `vitest@${versionOf('vitest', mockKitDir)}`,
    `@types/node@${versionOf('@types/node', import.meta.dirname)}`,
  ]);
}, 600_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("the mock kit's README, vitest section", () => {
  const readme = readFileSync(join(mockKitDir, 'README.md'), 'utf8');
  const project = () => join(consumer, 'vitest-example');

  beforeAll(() => {
    mkdirSync(project(), { recursive: true });
    const config = fencedBlocks(readme, 'ts').find((block) => block.includes('globalSetup: ['));
    const tsconfig = fencedBlocks(readme, 'json').find((block) => block.includes('contract-tests/vitest'));
    if (!config || !tsconfig)
      throw new Error('the README lost its vitest.config.ts or tsconfig.json example');
    writeFileSync(join(project(), 'vitest.config.ts'), config);
    writeFileSync(join(project(), 'tsconfig.json'), tsconfig);
    // The example files themselves; the mock kit's readme.test.ts keeps the README identical to them.
    for (const file of ['otp-check.ts', 'otp-check.test.ts']) {
      writeFileSync(
        join(project(), file),
        readFileSync(join(mockKitDir, 'test/readme-example', file), 'utf8'),
      );
    }
    // The same project without the setup's types, to show what the tsconfig line is for.
    const bare = JSON.parse(tsconfig);
    bare.compilerOptions.types = bare.compilerOptions.types.filter(
      (type: string) => !type.includes('contract-tests'),
    );
    writeFileSync(join(project(), 'tsconfig.without-setup-types.json'), JSON.stringify(bare));
  });

  it('type-checks as written', async () => {
    await run(tsc, ['-p', 'tsconfig.json'], { cwd: project() }); // throws with tsc's errors
  }, 120_000);

  it("needs the tsconfig's types line: without it inject('plivoMockUrl') does not type-check", async () => {
    await expect(run(tsc, ['-p', 'tsconfig.without-setup-types.json'], { cwd: project() })).rejects.toThrow(
      /not assignable to parameter of type 'never'/,
    );
  }, 120_000);
});

describe("the client's README, Testing against the mock", () => {
  it('runs as written and prints what its comments say', async () => {
    const readme = readFileSync(join(dirOf('@plivo-openapi/client'), 'README.md'), 'utf8');
    const [example] = fencedBlocks(readme, 'js', 'Testing against the mock');
    if (!example) throw new Error('the section has no js example');
    writeFileSync(join(consumer, 'testing-against-the-mock.mjs'), example);
    const output = await run(process.execPath, ['testing-against-the-mock.mjs'], { cwd: consumer });
    expect(output.trim().split('\n')).toEqual(['expired', 'verified', 'not found: 404']);
  }, 120_000);
});
