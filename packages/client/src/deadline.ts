/**
 * The deadline of one attempt: a signal that aborts when the attempt's time is up (or the caller aborts), and
 * whether that is what happened.
 *
 * Attempts that nothing else can abort (no caller signal) and that start within a few milliseconds of each other
 * share one deadline: one AbortController and one timer for up to GROUP_SIZE attempts, which then get up to 1 %
 * (at most 50 ms) more than `timeoutMs`, never less. Whether the calls are made side by side or one after
 * another, that is a sixteenth of the controllers and timers, each of which costs a noticeable share of a
 * local call. An attempt with a caller signal, or through any fetch but the runtime's (which may ignore
 * signals, so its waits are raced against the abort), gets its own.
 */

import { whenCallerAborts } from './caller-abort.js';

export interface Deadline {
  /** Aborts the attempt's fetch and body read. */
  readonly signal: AbortSignal;
  /** Rejects when the signal aborts; only for a fetch other than the runtime's, which may ignore the signal. */
  readonly aborted: Promise<never> | undefined;
  /** Whether the attempt ran out of time (rather than being aborted by the caller). */
  expired(): boolean;
  /** The attempt is over: its timer may go. */
  end(): void;
}

const GROUP_SIZE = 16;
/**
 * The longest delay `setTimeout` takes (about 24.8 days); a longer one fires at once (Node warns and uses
 * 1 ms). Also the largest `timeoutMs` the options take.
 */
export const MAX_TIMER_DELAY_MS = 2_147_483_647;
const ignore = (): void => {};

function timeoutReason(timeoutMs: number): DOMException {
  return new DOMException(`No complete response within ${timeoutMs} ms`, 'TimeoutError');
}

interface DeadlineTimer {
  cancel(): void;
  /** Whether the pending timer keeps the process alive (an idle shared deadline must not). */
  hold(keepAlive: boolean): void;
}

/**
 * Makes a pending timer keep the process alive or not: `ref`/`unref` in Node and Bun, `Deno.refTimer` and
 * `Deno.unrefTimer` in Deno; browsers and edge runtimes have no process to keep.
 */
function keepAlive(timer: unknown, keep: boolean): void {
  if (typeof timer === 'object' && timer !== null) {
    const handle = timer as { ref?: () => void; unref?: () => void };
    (keep ? handle.ref : handle.unref)?.call(timer);
    return;
  }
  const deno = (
    globalThis as { Deno?: { refTimer?: (id: number) => void; unrefTimer?: (id: number) => void } }
  ).Deno;
  (keep ? deno?.refTimer : deno?.unrefTimer)?.(timer as number);
}

/**
 * Runs `fire` at `endsAt` (a `performance.now()` time), never before: timers run on the event loop's cached
 * clock, which lags on a busy loop.
 */
function timerUntil(endsAt: number, fire: () => void): DeadlineTimer {
  let held = true;
  let timer: ReturnType<typeof setTimeout>;
  const check = (): void => {
    const left = endsAt - performance.now();
    if (left < 1) {
      fire();
      return;
    }
    timer = setTimeout(check, Math.min(left, MAX_TIMER_DELAY_MS));
    if (!held) keepAlive(timer, false);
  };
  // A group's slack can take the largest `timeoutMs` past the longest delay: `check` waits the rest.
  timer = setTimeout(check, Math.min(endsAt - performance.now(), MAX_TIMER_DELAY_MS));
  return {
    cancel: () => clearTimeout(timer),
    hold(keep) {
      if (keep === held) return;
      held = keep;
      keepAlive(timer, keep);
    },
  };
}

/** A deadline of its own, also aborted by the caller's signal; with `race`, also a promise to race against. */
export function ownDeadline(
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
  race: boolean,
): Deadline {
  const controller = new AbortController();
  let rejectAborted: ((reason: unknown) => void) | undefined;
  let aborted: Promise<never> | undefined;
  if (race) {
    aborted = new Promise<never>((_, reject) => {
      rejectAborted = reject;
    });
    aborted.catch(ignore); // Only ever awaited inside a race; an abort nobody raced is not an error.
  }
  const abort = (reason: unknown): void => {
    controller.abort(reason);
    rejectAborted?.(reason);
  };
  let timedOut = false;
  const timer = timerUntil(performance.now() + timeoutMs, () => {
    timedOut = true;
    abort(timeoutReason(timeoutMs));
  });
  const stopListening =
    callerSignal === undefined ? undefined : whenCallerAborts(callerSignal, () => abort(callerSignal.reason));
  return {
    signal: controller.signal,
    aborted,
    expired: () => timedOut,
    end() {
      timer.cancel();
      stopListening?.();
    },
  };
}

interface Group {
  readonly controller: AbortController;
  readonly endsAt: number;
  readonly timer: DeadlineTimer;
  expired: boolean;
  /** Attempts that joined it. */
  uses: number;
  /** Attempts that joined it and have not ended. */
  pending: number;
}

/**
 * Shared deadlines, one group per `timeoutMs` open at a time (see the top of this file). A group stays open
 * while idle, so that calls made one after another share it too, but its timer then lets the process exit.
 */
export function createDeadlineGroups(
  /** The groups open to new attempts, by `timeoutMs`; a test passes its own to watch it. */
  open: Map<number, unknown> = new Map(),
): (timeoutMs: number) => Deadline {
  return (timeoutMs) => {
    const now = performance.now();
    let group = open.get(timeoutMs) as Group | undefined;
    if (group === undefined || group.uses >= GROUP_SIZE || now + timeoutMs > group.endsAt) {
      // An idle group nobody can join any more: its timer can go now.
      if (group !== undefined && group.pending === 0) group.timer.cancel();
      // Up to 1 % (at most 50 ms) late, never early.
      const endsAt = now + timeoutMs + Math.min(Math.max(timeoutMs / 100, 1), 50);
      const controller = new AbortController();
      const created: Group = {
        controller,
        endsAt,
        expired: false,
        uses: 0,
        pending: 0,
        timer: timerUntil(endsAt, () => {
          created.expired = true;
          // Nobody can join it now; forgetting it keeps one group per timeout in use, not per timeout seen.
          if (open.get(timeoutMs) === created) open.delete(timeoutMs);
          controller.abort(timeoutReason(timeoutMs));
        }),
      };
      group = created;
      open.set(timeoutMs, group);
    }
    const joined = group;
    if (joined.pending === 0) joined.timer.hold(true);
    joined.uses += 1;
    joined.pending += 1;
    return {
      signal: joined.controller.signal,
      aborted: undefined,
      expired: () => joined.expired,
      end() {
        joined.pending -= 1;
        if (joined.pending > 0) return;
        if (open.get(timeoutMs) === joined) {
          // Idle but still open to the next call: keep it, without keeping the process alive.
          joined.timer.hold(false);
        } else {
          // Nothing waits on it any more and nothing can join it: stop its timer.
          joined.timer.cancel();
        }
      },
    };
  };
}
