import type { Routes } from '../routes.js';
import { shown } from '../shown.js';
import { createCallbackDispatcher } from './callback-dispatcher.js';
import { createVirtualClock } from './clock.js';
import { answerControl, isControlTarget } from './control-paths.js';
import { createStateEngine } from './engine.js';
import type { RequestLayer } from './front-proxy.js';
import { Journal, type JournalEntry } from './journal.js';
import { createStatefulLayer } from './stateful-layer.js';

/** Options of the stateful mode: `startMock({ stateful: true })` or `startMock({ stateful: { otp } })`. */
export interface StatefulOptions {
  /** The OTP every Verify session gets, e.g. '123456'. Default: random digits of the request's `code_length`. */
  otp?: string;
}

/** What the stateful mode adds to the mock's handle. */
export interface StatefulControls {
  /** The OTP of a Verify session, to validate it as the user would; throws for an unknown session. */
  otp(sessionUuid: string): string;
  /** Every request received (and callback sent) so far, in order; credentials redacted. */
  requests(): JournalEntry[];
  /**
   * Forgets every session of every account and empties the journal, dropping the callbacks scheduled or in
   * flight. The clock keeps its time.
   */
  reset(): void;
  /**
   * Moves the mock's clock forward: sessions whose time is up expire, due callbacks are sent. Throws once the
   * mock has stopped: a stopped mock sends nothing.
   */
  advanceTime(ms: number): void;
  /**
   * Resolves once no callback attempt is in flight (those started while it waits included): each has ended and
   * is in the journal, answered, refused or timed out (10 s of real time). Await it after a request or
   * `advanceTime()` instead of sleeping; give a test whose receiver may not answer more than 10 s, or more
   * than 40 s when an advance makes all four attempts of a callback due (they run one after another).
   */
  callbacksSettled(): Promise<void>;
}

export interface StatefulMock extends StatefulControls {
  /** The spec's operations, as the layer resolves requests to them. */
  readonly routes: Routes;
  readonly layer: RequestLayer;
  /**
   * Drops scheduled callback retries, aborts the deliveries in flight and waits for them to end; no callback
   * is sent after it.
   */
  close(): Promise<void>;
}

export function createStatefulMock(routes: Routes, options: StatefulOptions): StatefulMock {
  const clock = createVirtualClock();
  const journal = new Journal();
  // Each callback is signed with the Auth Token kept (in memory only) with the URL it goes to: see engine.ts.
  const dispatcher = createCallbackDispatcher({
    clock,
    record: (entry) => journal.record(entry),
  });
  let closed = false;
  const engine = createStateEngine({
    clock,
    emitCallback: (event) => {
      if (!closed) dispatcher.emitCallback(event);
    },
    ...(options.otp === undefined ? {} : { otp: options.otp }),
  });

  const controls: StatefulControls = {
    otp(sessionUuid) {
      if (typeof sessionUuid !== 'string') {
        throw new TypeError(
          `otp: pass the session_uuid of a Verify session the mock created, a string; got ${shown(sessionUuid)}.`,
        );
      }
      const otp = engine.otp(sessionUuid);
      if (otp === undefined) {
        throw new Error(
          `otp: the mock has no Verify session ${sessionUuid}. Create one first (POST …/Verify/Session/).`,
        );
      }
      return otp;
    },
    requests: () => journal.entries(),
    reset() {
      dispatcher.cancel();
      engine.reset();
      journal.clear();
    },
    advanceTime(ms) {
      if (closed) {
        throw new Error(
          'advanceTime: this mock has stopped, and a stopped mock sends no callbacks. Advance its time before `stop()`.',
        );
      }
      clock.advance(ms);
    },
    callbacksSettled: () => dispatcher.idle(),
  };

  const layer = createStatefulLayer({
    routes,
    engine,
    journal,
    now: clock.now,
    control(incoming, outgoing) {
      if (!isControlTarget(incoming.url)) return false;
      void answerControl(
        { ...controls, now: clock.now, otp: (sessionUuid) => engine.otp(sessionUuid) },
        incoming,
        outgoing,
      );
      return true;
    },
  });

  return {
    ...controls,
    routes,
    layer,
    close: async () => {
      closed = true;
      dispatcher.stop();
      await dispatcher.idle();
    },
  };
}
