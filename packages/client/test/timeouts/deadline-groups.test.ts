// The shared deadlines' own bookkeeping (src/deadline.ts): what the transport's tests cannot see from outside.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeadlineGroups } from '../../src/deadline.js';

const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);
afterEach(() => {
  process.off('warning', onWarning);
  warnings.length = 0;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('shared deadline groups', () => {
  it('forget a group once its time is up, so distinct timeouts do not pile up', async () => {
    const open = new Map<number, unknown>();
    const deadlineFor = createDeadlineGroups(open);
    // A caller that passes its remaining budget makes a new timeout on every call.
    const deadlines = Array.from({ length: 50 }, (_, index) => deadlineFor(20 + index / 100));
    expect(open.size).toBe(50);
    for (const deadline of deadlines) deadline.end();
    // Polled, not timed: a busy machine runs the 20 ms timers late.
    await vi.waitFor(() => expect(open.size).toBe(0), { timeout: 5000, interval: 20 });
  });

  it('a group whose time is up aborts the attempts still in it, and a new attempt gets a new group', async () => {
    const open = new Map<number, unknown>();
    const deadlineFor = createDeadlineGroups(open);
    const first = deadlineFor(20);
    await vi.waitFor(() => expect(first.signal.aborted).toBe(true), { timeout: 5000, interval: 20 });
    expect(first.expired()).toBe(true);
    const second = deadlineFor(20);
    expect(second.signal.aborted).toBe(false);
    expect(open.size).toBe(1);
    first.end();
    second.end();
  });

  describe('on a fake clock', () => {
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('end never before timeoutMs and at most 50 ms after it', () => {
      const deadlineFor = createDeadlineGroups();
      for (const timeoutMs of [200, 30_000]) {
        const deadline = deadlineFor(timeoutMs);
        vi.advanceTimersByTime(timeoutMs - 1);
        expect(deadline.signal.aborted, `${timeoutMs} ms, 1 ms early`).toBe(false);
        vi.advanceTimersByTime(51);
        expect(deadline.signal.aborted, `${timeoutMs} ms, 50 ms late`).toBe(true);
        deadline.end();
      }
    });

    it('a call the open group could not give its whole timeoutMs gets a group of its own', () => {
      const deadlineFor = createDeadlineGroups();
      const first = deadlineFor(1000);
      vi.advanceTimersByTime(900);
      const late = deadlineFor(1000);
      vi.advanceTimersByTime(200);
      expect(first.signal.aborted).toBe(true);
      expect(late.signal.aborted).toBe(false);
      vi.advanceTimersByTime(820); // 1000 ms after the late call, plus its slack
      expect(late.signal.aborted).toBe(true);
      first.end();
      late.end();
    });
  });

  it('the longest timeout arms no timer longer than setTimeout takes', async () => {
    process.on('warning', onWarning);
    const deadline = createDeadlineGroups()(2_147_483_647);
    await sleep(50);
    deadline.end();
    expect(deadline.signal.aborted).toBe(false);
    expect(warnings.map(String)).toEqual([]);
  });
});
