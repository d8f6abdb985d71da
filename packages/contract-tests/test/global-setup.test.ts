import { describe, expect, inject, it } from 'vitest';
import type { TestProject } from 'vitest/node';
import { MOCK_URL_ENV, mockGlobalSetup } from '../src/global-setup.js';
import { BASIC_AUTH, verifyPath } from './support/credentials.js';
import { runningPrismChildren } from './support/processes.js';

const getVerify = (base: string) =>
  fetch(`${base}${verifyPath()}`, { headers: { authorization: BASIC_AUTH } });

/** A stand-in for vitest's project: what the setup provides, and the env it gives the project's workers. */
function standIn() {
  const provided = new Map<string, unknown>();
  const config: { env?: Record<string, string> } = {};
  const project = {
    provide: (key: string, value: unknown) => provided.set(key, value),
    config,
  } as unknown as TestProject;
  return { project, config, url: () => provided.get('plivoMockUrl') as string };
}

describe('@plivo-openapi/contract-tests/vitest', () => {
  // vitest.config.ts lists the package's own entry as globalSetup, exactly as a user's config would.
  it('hands the running mock to tests through inject() and the environment', async () => {
    const url = inject('plivoMockUrl');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(process.env[MOCK_URL_ENV]).toBe(url);
    expect((await getVerify(url)).status).toBe(200);
  });

  it('starts a mock with the given options and stops its Prism in teardown', async () => {
    const { project, config, url: providedUrl } = standIn();
    const previous = process.env[MOCK_URL_ENV];
    // Stopped in `finally` too, should an assertion fail before the teardown under test.
    let teardown: (() => Promise<void>) | undefined;
    try {
      teardown = await mockGlobalSetup({ dynamic: true })(project);
      const url = providedUrl();
      expect(process.env[MOCK_URL_ENV]).toBe(url);
      // What the project's workers get, whatever other projects' setups put in this process's env.
      expect(config.env?.[MOCK_URL_ENV]).toBe(url);
      expect(runningPrismChildren()).toHaveLength(1);
      expect(runningPrismChildren()[0]).toContain('--dynamic');
      expect((await getVerify(url)).status).toBe(200);

      const tearingDown = teardown;
      teardown = undefined;
      await tearingDown();
      expect(runningPrismChildren()).toEqual([]);
      // Back to what it was before this setup (here: the URL of this run's own mock).
      expect(process.env[MOCK_URL_ENV]).toBe(previous);
      await expect(getVerify(url)).rejects.toThrow();
    } finally {
      await teardown?.();
      process.env[MOCK_URL_ENV] = previous;
    }
  });

  it('names a running mock whatever order two projects are torn down in, then what it was before', async () => {
    const previous = process.env[MOCK_URL_ENV];
    const first = standIn();
    const second = standIn();
    const teardowns: (() => Promise<void>)[] = [];
    try {
      teardowns.push(await mockGlobalSetup()(first.project));
      teardowns.push(await mockGlobalSetup()(second.project));
      expect(process.env[MOCK_URL_ENV]).toBe(second.url());

      // Torn down in the order they started (vitest's setup and teardown orders can differ).
      await teardowns[0]?.();
      expect(process.env[MOCK_URL_ENV]).toBe(second.url());
      await teardowns[1]?.();
      expect(process.env[MOCK_URL_ENV]).toBe(previous);
      teardowns.length = 0;
    } finally {
      for (const teardown of teardowns) await teardown();
      process.env[MOCK_URL_ENV] = previous;
    }
  });

  it('leaves the variable unset after teardown when it was unset before, not naming a stopped mock', async () => {
    const previous = process.env[MOCK_URL_ENV];
    delete process.env[MOCK_URL_ENV];
    let teardown: (() => Promise<void>) | undefined;
    try {
      const { project, url } = standIn();
      teardown = await mockGlobalSetup()(project);
      expect(process.env[MOCK_URL_ENV]).toBe(url());
      const tearingDown = teardown;
      teardown = undefined;
      await tearingDown();
      expect(MOCK_URL_ENV in process.env).toBe(false);
    } finally {
      await teardown?.();
      if (previous === undefined) delete process.env[MOCK_URL_ENV];
      else process.env[MOCK_URL_ENV] = previous;
    }
  });
});
