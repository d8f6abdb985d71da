import { describe, expect, it } from 'vitest';
import { growthExponent, median, quantile } from '../src/lib/stats.mjs';
import { fitGrowth } from '../src/suites/pipeline-scaling.mjs';

describe('quantile', () => {
  it('interpolates between closest ranks', () => {
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(quantile([0, 10, 20, 30, 40], 0.99)).toBeCloseTo(39.6);
  });

  it('refuses an empty sample', () => {
    expect(() => quantile([], 0.5)).toThrow(/no values/);
  });
});

describe('growth exponent', () => {
  it('recovers k from y = c·x^k', () => {
    const sizes = [2, 200, 2000];
    expect(
      growthExponent(
        sizes,
        sizes.map((n) => 3 * n ** 1.5),
      ),
    ).toBeCloseTo(1.5, 9);
  });

  it('removes a fixed start-up cost before fitting, so a quadratic step cannot hide behind it', () => {
    const sizes = [2, 200, 2000];
    const times = sizes.map((n) => 800 + 0.0001 * n ** 2);
    expect(growthExponent(sizes, times)).toBeLessThan(1.2);
    expect(fitGrowth(sizes, times).exponent).toBeCloseTo(2, 1);
  });

  it('falls back to the plain fit, and says so, when noise makes a larger size no slower', () => {
    const { exponent, how } = fitGrowth([1, 10, 100], [500, 480, 700]);
    expect(exponent).toBeCloseTo(growthExponent([1, 10, 100], [500, 480, 700]), 9);
    expect(how).toMatch(/start-up not removed/);
  });
});
