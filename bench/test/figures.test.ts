import { describe, expect, it } from 'vitest';
import { figure, formatGoal, formatQuantity, formatTable, medianRunFigure } from '../src/lib/figures.mjs';

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

  it('is the median run, not the run nearest the mean (which three runs cannot tell apart, five can)', () => {
    const f = medianRunFigure({
      name: 'client',
      runs: [100, 110, 120, 121, 122].map((value) => ({ value, baseline: 100 })),
      unit: 'ms',
    });
    // The mean ratio, 1.146, is nearest the run of 1.10.
    expect(f.ratio).toBe(1.2);
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

describe('the printed table', () => {
  const cells = (table: string) => (table.split('\n')[2] ?? '').trim().split(/ {2,}/);

  it.each([
    [
      'a missed goal: NO',
      { name: 'latency', value: 1500, baseline: 1200, unit: 'ms', goal: { metric: 'ratio', max: 1.05 } },
      ['latency', '1.50 s', '1.20 s', '1.250', '–', 'ratio ≤ 1.05', 'NO'],
    ],
    [
      'a met goal: yes',
      { name: 'throughput', value: 980, baseline: 1000, unit: 'req/s', goal: { metric: 'ratio', min: 0.97 } },
      ['throughput', '980 req/s', '1000 req/s', '0.980', '–', 'ratio ≥ 0.97', 'yes'],
    ],
    [
      'no goal: reported',
      { name: 'exponent', value: 0.7, baseline: 1, unit: 'exponent' },
      ['exponent', '0.70', '1.00', '0.700', '–', 'reported', '–'],
    ],
  ] as const)('shows each cell of a figure in its column, for %s', (_, input, row) => {
    expect(cells(formatTable([figure(input)]))).toEqual(row);
  });

  it('writes sizes in decimal units and times under a second in ms', () => {
    expect([999, 12_640, 13_620_000].map((bytes) => formatQuantity(bytes, 'B'))).toEqual([
      '999 B',
      '12.64 kB',
      '13.62 MB',
    ]);
    expect([0.5, 38.25, 999].map((ms) => formatQuantity(ms, 'ms'))).toEqual([
      '0.500 ms',
      '38.3 ms',
      '999.0 ms',
    ]);
    expect(
      formatGoal(
        figure({ name: 'size', value: 1, baseline: 1, unit: 'B', goal: { metric: 'value', max: 8000 } }),
      ),
    ).toBe('≤ 8.00 kB');
  });
});
