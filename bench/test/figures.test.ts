import { describe, expect, it } from 'vitest';
import { figure, formatGoal, formatTable, medianRunFigure } from '../src/lib/figures.mjs';

describe('figure goals', () => {
  it('meets a ratio goal with a max, and one with a min, at the bound and not past it', () => {
    const at = (value: number, goal: { metric: 'ratio'; max?: number; min?: number }) =>
      figure({ name: 'f', value, baseline: 100, unit: 'ms', goal }).met;
    expect(at(105, { metric: 'ratio', max: 1.05 })).toBe(true);
    expect(at(106, { metric: 'ratio', max: 1.05 })).toBe(false);
    expect(at(97, { metric: 'ratio', min: 0.97 })).toBe(true);
    expect(at(96, { metric: 'ratio', min: 0.97 })).toBe(false);
  });

  it('judges an excess goal on value − baseline', () => {
    const goal = { metric: 'excess', max: 25 } as const;
    expect(figure({ name: 'memory', value: 180, baseline: 155, unit: 'MiB', goal }).met).toBe(true);
    expect(figure({ name: 'memory', value: 181, baseline: 155, unit: 'MiB', goal }).met).toBe(false);
    expect(formatGoal(figure({ name: 'memory', value: 1, baseline: 1, unit: 'MiB', goal }))).toBe(
      '≤ baseline + 25.0 MiB',
    );
  });

  it('has no verdict without a goal, and refuses a goal without a bound', () => {
    expect(figure({ name: 'f', value: 1, baseline: 2, unit: 'ms' }).met).toBeNull();
    expect(() => figure({ name: 'f', value: 1, baseline: 2, unit: 'ms', goal: { metric: 'ratio' } })).toThrow(
      /needs a max or a min/,
    );
  });
});

describe('medianRunFigure', () => {
  it("is the run whose ratio is the median of the runs' ratios, keeping every run", () => {
    const f = medianRunFigure({
      name: 'client',
      runs: [
        { value: 120, baseline: 100 },
        { value: 90, baseline: 100 },
        { value: 210, baseline: 200 },
      ],
      unit: 'ms',
      goal: { metric: 'ratio', max: 1.05 },
    });
    expect([f.value, f.baseline, f.ratio, f.met]).toEqual([210, 200, 1.05, true]);
    expect(f.runs?.map((run) => run.ratio)).toEqual([1.2, 0.9, 1.05]);
    expect(formatTable([f])).toMatch(/1\.200 0\.900 1\.050/);
  });

  it('is the median run by excess for an excess goal, which the median ratio need not be', () => {
    const f = medianRunFigure({
      name: 'memory',
      runs: [
        { value: 130, baseline: 100 }, // ratio 1.300, excess 30
        { value: 240, baseline: 200 }, // ratio 1.200, excess 40
        { value: 115, baseline: 100 }, // ratio 1.150, excess 15
      ],
      unit: 'MiB',
      goal: { metric: 'excess', max: 25 },
    });
    expect([f.value, f.baseline, f.met]).toEqual([130, 100, false]);
  });

  it('refuses an even number of runs, which has no median run', () => {
    expect(() =>
      medianRunFigure({
        name: 'client',
        runs: [
          { value: 1, baseline: 1 },
          { value: 2, baseline: 1 },
        ],
        unit: 'ms',
      }),
    ).toThrow(/odd number of runs/);
  });
});
