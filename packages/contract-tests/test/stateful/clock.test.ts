import { describe, expect, it } from 'vitest';
import { createVirtualClock, LATEST_TIME_MS } from '../../src/stateful/clock.js';

describe('virtual clock', () => {
  it('starts at the given time and moves only when advanced', () => {
    const clock = createVirtualClock(1_000);
    expect(clock.now()).toBe(1_000);
    clock.advance(250);
    expect(clock.now()).toBe(1_250);
  });

  it('fires the timers a step crosses, in time order, each at its own due time', () => {
    const clock = createVirtualClock(0);
    const fired: [string, number][] = [];
    clock.setTimer(300, () => fired.push(['c', clock.now()]));
    clock.setTimer(100, () => fired.push(['a', clock.now()]));
    clock.setTimer(200, () => fired.push(['b', clock.now()]));
    clock.setTimer(1_000, () => fired.push(['late', clock.now()]));
    clock.advance(300);
    expect(fired).toEqual([
      ['a', 100],
      ['b', 200],
      ['c', 300],
    ]);
    expect(clock.now()).toBe(300);
  });

  it('fires timers set by a timer when they fall inside the same step', () => {
    const clock = createVirtualClock(0);
    const fired: number[] = [];
    clock.setTimer(60, () => {
      fired.push(clock.now());
      clock.setTimer(120, () => fired.push(clock.now()));
    });
    clock.advance(200);
    expect(fired).toEqual([60, 180]);
  });

  it('fires timers due at the same time in the order they were set', () => {
    const clock = createVirtualClock(0);
    const fired: string[] = [];
    clock.setTimer(50, () => fired.push('first'));
    clock.setTimer(50, () => fired.push('second'));
    clock.advance(50);
    expect(fired).toEqual(['first', 'second']);
  });

  it('does not fire a cancelled timer', () => {
    const clock = createVirtualClock(0);
    const fired: string[] = [];
    const cancel = clock.setTimer(10, () => fired.push('cancelled'));
    cancel();
    clock.advance(20);
    expect(fired).toEqual([]);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses to advance by %s', (ms) => {
    expect(() => createVirtualClock(0).advance(ms)).toThrow(/finite number of milliseconds >= 0/);
  });

  it('shows a string given for `ms` as a string, not as the number it looks like', () => {
    expect(() => createVirtualClock(0).advance('1000' as unknown as number)).toThrow(
      'advanceTime: `ms` must be a finite number of milliseconds >= 0; got "1000" (a string).',
    );
  });

  it('refuses to move past the latest time a date can hold, naming it, and stays where it was', () => {
    const clock = createVirtualClock(LATEST_TIME_MS - 1_000);
    const fired: number[] = [];
    clock.setTimer(500, () => fired.push(clock.now()));
    expect(() => clock.advance(1_001)).toThrow(
      'would pass the latest time a date can hold (+275760-09-13T00:00:00.000Z); move it by at most 1000 ms.',
    );
    expect(clock.now()).toBe(LATEST_TIME_MS - 1_000);
    expect(fired).toEqual([]);
    // Up to the limit itself is fine.
    clock.advance(1_000);
    expect(clock.now()).toBe(LATEST_TIME_MS);
    expect(fired).toEqual([LATEST_TIME_MS - 500]);
  });
});
