import { describe, expect, it } from 'vitest';
import { balancedSchedule, balancedTurns } from '../src/lib/call-timing.mjs';

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
