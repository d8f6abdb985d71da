import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  balancedSchedule,
  balancedTurns,
  sequentialInterleaved,
  throughputInBlocks,
} from '../src/lib/call-timing.mjs';

/** How often each ordered pair (predecessor, contender) occurs, the cycle's end followed by its start. */
function followCounts(turns: number[]): Map<string, number> {
  const counts = new Map<string, number>();
  turns.forEach((turn, index) => {
    const key = `${turns.at(index - 1)}>${turn}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return counts;
}

describe('balancedTurns', () => {
  it.each([1, 2, 3, 4, 5])(
    'with %i contenders, every contender follows every contender exactly once',
    (count) => {
      const turns = balancedTurns(count);
      expect(turns).toHaveLength(count * count);
      const counts = followCounts(turns);
      expect(counts.size).toBe(count * count);
      expect(new Set(counts.values())).toEqual(new Set([1]));
    },
  );

  it('is not the plain rotation, which is unbalanced for three contenders', () => {
    const rotation = [0, 1, 2, 1, 2, 0, 2, 0, 1];
    expect(new Set(followCounts(rotation).values()).size).toBeGreaterThan(1);
    expect(balancedTurns(3)).not.toEqual(rotation);
  });

  it('refuses a count that is not a positive whole number', () => {
    expect(() => balancedTurns(0)).toThrow(/not a contender count/);
  });
});

describe('balancedSchedule', () => {
  it('repeats whole cycles, giving every contender the same number of turns, at least the number asked for', () => {
    const schedule = balancedSchedule(3, 10);
    expect(schedule).toEqual([
      ...balancedTurns(3),
      ...balancedTurns(3),
      ...balancedTurns(3),
      ...balancedTurns(3),
    ]);
    for (const contender of [0, 1, 2]) expect(schedule.filter((turn) => turn === contender)).toHaveLength(12);
  });
});

/**
 * Contenders on a made-up clock: each call moves it on by the contender's cost in ms, so every figure has an
 * exact expected value (no timing of the real machine), and each contender counts its calls.
 */
function fakeContenders(costs: Record<string, number>) {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  const calls = new Map<string, number>();
  const order: string[] = [];
  const contenders = Object.entries(costs).map(([name, cost]) => ({
    name,
    call: async () => {
      now += cost;
      calls.set(name, (calls.get(name) ?? 0) + 1);
      order.push(name);
    },
  }));
  return { contenders, calls, order };
}

/** The contender names of a balanced schedule, each turn repeated `times` (the calls of a block). */
const namesOf = (turns: number[], names: string[], times = 1) =>
  turns.flatMap((turn) => Array<string>(times).fill(names[turn] ?? '?'));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('sequentialInterleaved', () => {
  it('times exactly the turns of the schedule, each with its own cost, and not the untimed first call', async () => {
    const { contenders, calls } = fakeContenders({ fast: 2, slow: 4 });
    const latencies = await sequentialInterleaved(contenders, 10);
    expect(latencies.get('fast')).toEqual(Array(10).fill(2));
    expect(latencies.get('slow')).toEqual(Array(10).fill(4));
    // The cycle's last contender (slow, for two) is called once more, untimed, before the first timed turn.
    expect(Object.fromEntries(calls)).toEqual({ fast: 10, slow: 11 });
  });

  it('takes turns in the balanced order, call by call, so a slow spell of the machine lands on every contender', async () => {
    const { contenders, order } = fakeContenders({ a: 1, b: 1, c: 1 });
    await sequentialInterleaved(contenders, 6);
    const schedule = namesOf(balancedSchedule(3, 6), ['a', 'b', 'c']);
    expect(order).toEqual([schedule.at(-1), ...schedule]);
  });
});

describe('throughputInBlocks', () => {
  it('reports calls per second over the timed blocks only: twice the rate for half the cost', async () => {
    const { contenders, calls } = fakeContenders({ fast: 2, slow: 4 });
    const rates = await throughputInBlocks(contenders, { calls: 40, blocks: 4, inFlight: 5 });
    expect(rates.get('fast')).toBeCloseTo(500, 9);
    expect(rates.get('slow')).toBeCloseTo(250, 9);
    // Timed: 4 blocks of 10 calls each. Untimed: 2 × inFlight to open connections, a block each, then the
    // cycle's last block (fast fast slow slow: slow), so the first timed block follows what it follows in every cycle.
    expect(Object.fromEntries(calls)).toEqual({ fast: 40 + 10 + 10, slow: 40 + 10 + 10 + 10 });
  });

  it('runs its blocks in the balanced order, after the untimed ones', async () => {
    const { contenders, order } = fakeContenders({ a: 1, b: 1, c: 1 });
    await throughputInBlocks(contenders, { calls: 30, blocks: 3, inFlight: 2 });
    const names = ['a', 'b', 'c'];
    const schedule = balancedSchedule(3, 3); // 9 blocks of 10 calls, 3 per contender
    expect(order).toEqual([
      ...namesOf([0, 1, 2], names, 4), // 2 × inFlight calls each, to open connections
      ...namesOf([0, 1, 2], names, 10), // a block each
      ...namesOf(schedule.slice(-1), names, 10),
      ...namesOf(schedule, names, 10),
    ]);
  });
});
