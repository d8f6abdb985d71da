import { type MockServer, type StartMockOptions, startMock } from '../../src/index.js';

/**
 * `startMock(options)` in a test that expects it to be refused. Should the mock start after all (the regression
 * such a test guards against), it is stopped at once, so the failing test leaves no Prism running.
 */
export function startExpectingRefusal(options?: StartMockOptions): Promise<MockServer> {
  const outcome = startMock(options);
  outcome.then(
    (mock) => mock.stop(),
    () => {},
  );
  return outcome;
}
