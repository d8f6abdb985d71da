import { shown } from '../shown.js';

/** The mock's notion of time: what state reads as "now", and timers that fire when that time is reached. */
export interface MockClock {
  /** Milliseconds since the epoch, like Date.now(). */
  now(): number;
  /** Runs `fire` once the clock reaches now() + delayMs; returns a function that cancels it. */
  setTimer(delayMs: number, fire: () => void): () => void;
}

/** A clock that starts at a real time and then moves only when told to: tests never sleep. */
export interface VirtualClock extends MockClock {
  /**
   * Moves time forward by `ms` and fires, in time order, every timer it crosses (timers those set too, if
   * they fall inside the step). Each timer sees now() equal to its own due time.
   */
  advance(ms: number): void;
}

/** The latest time a Date can hold (ms since the epoch): the clock cannot be moved past it. */
export const LATEST_TIME_MS = 8.64e15;

interface Timer {
  due: number;
  order: number;
  fire: () => void;
}

export function createVirtualClock(start: number = Date.now()): VirtualClock {
  let now = start;
  let created = 0;
  const timers = new Set<Timer>();

  const nextDue = (limit: number): Timer | undefined => {
    let next: Timer | undefined;
    for (const timer of timers) {
      if (timer.due > limit) continue;
      if (
        next === undefined ||
        timer.due < next.due ||
        (timer.due === next.due && timer.order < next.order)
      ) {
        next = timer;
      }
    }
    return next;
  };

  return {
    now: () => now,
    setTimer(delayMs, fire) {
      if (!Number.isFinite(delayMs))
        throw new TypeError(`setTimer: delay must be a finite number; got ${shown(delayMs)}`);
      const timer: Timer = { due: now + Math.max(0, delayMs), order: created++, fire };
      timers.add(timer);
      return () => {
        timers.delete(timer);
      };
    },
    advance(ms) {
      if (!(Number.isFinite(ms) && ms >= 0)) {
        throw new TypeError(
          `advanceTime: \`ms\` must be a finite number of milliseconds >= 0; got ${shown(ms)}.`,
        );
      }
      const target = now + ms;
      if (target > LATEST_TIME_MS) {
        throw new TypeError(
          `advanceTime: moving the clock by ${ms} ms would pass the latest time a date can hold (${new Date(LATEST_TIME_MS).toISOString()}); move it by at most ${LATEST_TIME_MS - now} ms.`,
        );
      }
      for (let timer = nextDue(target); timer !== undefined; timer = nextDue(target)) {
        timers.delete(timer);
        now = Math.max(now, timer.due);
        timer.fire();
      }
      now = target;
    },
  };
}
