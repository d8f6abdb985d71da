import type { ProvidedContext } from 'vitest';
import type { TestProject } from 'vitest/node';
import { type StartMockOptions, startMock } from './start-mock.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the Plivo mock started by `@plivo-openapi/contract-tests/vitest`. */
    plivoMockUrl: string;
  }
}

/** What the global setup hands to tests through vitest's `inject()`. */
export type MockContext = Pick<ProvidedContext, 'plivoMockUrl'>;

/** Environment variable that also carries the mock's URL into test workers and child processes. */
export const MOCK_URL_ENV = 'PLIVO_MOCK_URL';

/**
 * A vitest global setup that starts one mock for the whole run and stops it afterwards. Use the default
 * export as is, or re-export `mockGlobalSetup({ dynamic: true })` from your own setup file to pass options.
 */
export function mockGlobalSetup(options: StartMockOptions = {}) {
  return async function setup(project: TestProject): Promise<() => Promise<void>> {
    const mock = await startMock(options);
    try {
      project.provide('plivoMockUrl', mock.url);
      // The project's own env reaches its workers: with several projects, each starting its mock, a test still
      // finds its project's mock there. This process's env is for other global setups, restored afterwards.
      project.config.env = { ...project.config.env, [MOCK_URL_ENV]: mock.url };
    } catch (error) {
      await mock.stop();
      throw error;
    }
    const previous = process.env[MOCK_URL_ENV];
    process.env[MOCK_URL_ENV] = mock.url;
    return async () => {
      await mock.stop();
      if (process.env[MOCK_URL_ENV] !== mock.url) return;
      if (previous === undefined) delete process.env[MOCK_URL_ENV];
      else process.env[MOCK_URL_ENV] = previous;
    };
  };
}

export default mockGlobalSetup();
