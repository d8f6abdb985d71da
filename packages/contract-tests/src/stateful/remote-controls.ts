import { type BaseUrlProblem, baseUrlProblem } from '../http-base-url.js';
import { parsedJson } from '../parsed-json.js';
import { shown } from '../shown.js';
import { CONTROL_PREFIX } from './control-paths.js';
import type { JournalEntry } from './journal.js';

/** The stateful controls of a mock running elsewhere (the vitest global setup, `plivo-mock --stateful`). */
export interface RemoteControls {
  otp(sessionUuid: string): Promise<string>;
  requests(): Promise<JournalEntry[]>;
  reset(): Promise<void>;
  advanceTime(ms: number): Promise<void>;
  /** Resolves once no callback attempt is in flight: each has ended and is in the journal. */
  callbacksSettled(): Promise<void>;
}

const WHAT_WAS_GIVEN: Record<BaseUrlProblem, string> = {
  'not-a-url': 'a string that is no URL',
  'not-http': "a URL that is not http or https (a mock's starts with http://)",
  'user-info': 'one with user info (user:password@), which the mock does not take',
  'query-or-fragment': 'one with a query or fragment, which would end up inside every control path',
};

/** The mock's own URL, as `mock.url` or the global setup gives it; never quoted, as it might hold credentials. */
function checkMockUrl(url: unknown): asserts url is string {
  const problem = baseUrlProblem(url);
  if (problem === undefined) return;
  const got = typeof url === 'string' ? WHAT_WAS_GIVEN[problem] : shown(url);
  throw new TypeError(
    "mockControls: pass the mock's URL: `mock.url`, or `inject('plivoMockUrl')` in a test run by the kit's " +
      `vitest global setup; got ${got}.`,
  );
}

/**
 * The controls of a stateful mock at `url`, over its `/__mock/` endpoints: for tests that only have the
 * mock's URL, such as those of the vitest global setup (`mockControls(inject('plivoMockUrl'))`).
 */
export function mockControls(url: string): RemoteControls {
  checkMockUrl(url);
  const base = url.replace(/\/+$/, '') + CONTROL_PREFIX;
  const call = async (path: string, init?: RequestInit): Promise<unknown> => {
    const asked = `${init?.method ?? 'GET'} ${base}${path}`;
    let answer: Response;
    try {
      answer = await fetch(base + path, init);
    } catch (error) {
      // Node's fetch says only "fetch failed"; its cause says why (ECONNREFUSED: nothing listens there), or,
      // for a name with two addresses, an AggregateError with no message of its own says it in its code.
      const why = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      const { code } = why as { code?: unknown };
      const words =
        why instanceof Error && why.message !== ''
          ? why.message
          : typeof code === 'string'
            ? code
            : String(why);
      throw new Error(`${asked} failed (${words}): is the mock at ${url} still running?`, { cause: error });
    }
    const text = await answer.text();
    const json = parsedJson(text);
    if (!answer.ok) {
      const said = (json as { error?: unknown } | undefined)?.error;
      const reason = text === '' ? '' : `: ${typeof said === 'string' ? said : text}`;
      // Every control but otp/ is unknown to a stateless mock; otp/'s 404 is an unknown session.
      const hint = answer.status === 404 && !path.startsWith('otp/') ? ' (is the mock stateful?)' : '';
      throw new Error(`${asked} answered ${answer.status}${reason}${hint}`);
    }
    if (text !== '' && json === undefined)
      throw new Error(
        `${asked} answered ${answer.status} with a body that is not JSON: is ${url} a plivo mock?`,
      );
    return json;
  };
  const post = (body?: unknown): RequestInit => ({
    method: 'POST',
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return {
    otp: async (sessionUuid) =>
      ((await call(`otp/${encodeURIComponent(sessionUuid)}`)) as { otp: string }).otp,
    requests: async () => (await call('requests')) as JournalEntry[],
    reset: async () => {
      await call('reset', post());
    },
    advanceTime: async (ms) => {
      await call('advance-time', post({ ms }));
    },
    callbacksSettled: async () => {
      await call('callbacks-settled');
    },
  };
}
