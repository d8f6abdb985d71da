// @ts-check
// The few statistics the figures need, on plain arrays of numbers.

/**
 * The q-quantile (0..1) by linear interpolation between closest ranks, as numpy's default does.
 * @param {readonly number[]} values
 * @param {number} q
 */
export function quantile(values, q) {
  if (values.length === 0) throw new Error('quantile: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = /** @type {number} */ (sorted[lower]);
  const high = /** @type {number} */ (sorted[upper]);
  return low + (high - low) * (position - lower);
}

/** @param {readonly number[]} values */
export const median = (values) => quantile(values, 0.5);

/**
 * Least-squares slope of log(y) against log(x): the exponent k in y ≈ c·x^k.
 * @param {readonly number[]} xs
 * @param {readonly number[]} ys
 */
export function growthExponent(xs, ys) {
  if (xs.length !== ys.length || xs.length < 2) {
    throw new Error(`growthExponent: need at least two (x, y) pairs, got ${xs.length} x and ${ys.length} y`);
  }
  const points = xs.map((x, index) => ({ x: Math.log(x), y: Math.log(ys[index] ?? Number.NaN) }));
  const meanX = points.reduce((sum, { x }) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, { y }) => sum + y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const { x, y } of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return covariance / variance;
}
