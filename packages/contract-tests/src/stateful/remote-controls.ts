import { parsedJson } from '../parsed-json.js';
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

/**
 * The controls of a stateful mock at `url`, over its `/__mock/` endpoints: for tests that only have the
 * mock's URL, such as those of the vitest global setup (`mockControls(inject('plivoMockUrl'))`).
 */
export function mockControls(url: string): RemoteControls {
  const base = url.replace(/\/+$/, '') + CONTROL_PREFIX;
  const call = async (path: string, init?: RequestInit): Promise<unknown> => {
    const answer = await fetch(base + path, init);
    const text = await answer.text();
    const json = parsedJson(text);
    const asked = `${init?.method ?? 'GET'} ${base}${path}`;
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
