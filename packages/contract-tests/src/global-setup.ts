import type { ProvidedContext } from 'vitest';
import { type StartMockOptions, startMock } from './start-mock.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the Plivo mock started by `@plivo-openapi/contract-tests/vitest`. */
    plivoMockUrl: string;
  }
}

/** What the global setup hands to tests through vitest's `inject()`. */
export type MockContext = Pick<ProvidedContext, 'plivoMockUrl'>;

/**
 * The part of vitest's `TestProject` the setup uses. Not imported from `vitest/node`: the kit's declarations
 * would then pull vitest's Node-side ones into the user's program, which do not type-check under vitest 3
 * with `skipLibCheck: false` (they import `debug`, which has no types).
 */
export interface MockSetupProject {
  provide(key: 'plivoMockUrl', value: string): void;
  config: { env?: Partial<Record<string, string>> | undefined };
}

/** Environment variable that also carries the mock's URL into test workers and child processes. */
export const MOCK_URL_ENV = 'PLIVO_MOCK_URL';

/**
 * A vitest global setup that starts one mock for the whole run and stops it afterwards. Use the default
 * export as is, or re-export `mockGlobalSetup({ dynamic: true })` from your own setup file to pass options.
 */
export function mockGlobalSetup(options: StartMockOptions = {}) {
  return async function setup(project: MockSetupProject): Promise<() => Promise<void>> {
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
    const running = runningMockUrls();
    if (running.urls.length === 0) running.before = process.env[MOCK_URL_ENV];
    running.urls.push(mock.url);
    process.env[MOCK_URL_ENV] = mock.url;
    return async () => {
      await mock.stop();
      const wasOurs = running.urls.includes(process.env[MOCK_URL_ENV] ?? '');
      running.urls.splice(running.urls.indexOf(mock.url), 1);
      // Whatever order vitest tears projects down in, the variable names a mock still running, and once the
      // last has stopped, what it was before; a value someone else set meanwhile is left alone.
      if (!wasOurs) return;
      const next = running.urls.at(-1) ?? running.before;
      if (next === undefined) delete process.env[MOCK_URL_ENV];
      else process.env[MOCK_URL_ENV] = next;
    };
  };
}

/**
 * The URLs of the mocks this process's setups started, in start order, and the variable's value before the
 * first. On globalThis: vitest may load this module once per project.
 */
function runningMockUrls(): { urls: string[]; before: string | undefined } {
  const key = Symbol.for('@plivo-openapi/contract-tests/running-mock-urls');
  const store = globalThis as { [key]?: { urls: string[]; before: string | undefined } };
  store[key] ??= { urls: [], before: undefined };
  return store[key];
}

export default mockGlobalSetup();
