// @ts-check
// One figure = one line of the table and one object in results.json.

/**
 * @typedef {{ metric: 'ratio' | 'value', max: number }} Goal
 *   The figure meets its goal when `metric` is at most `max`.
 * @typedef {'ms' | 'B' | 'req/s' | 'exponent'} Unit
 * @typedef {{
 *   name: string,
 *   value: number,
 *   baseline: number,
 *   ratio: number,
 *   goal: Goal | null,
 *   unit: Unit,
 *   met: boolean | null,
 *   detail: string,
 * }} Figure
 */

/**
 * Builds a figure: `ratio` is value / baseline, both measured in the same run; `met` is null when the figure
 * has no goal (it is reported only).
 * @param {{ name: string, value: number, baseline: number, unit: Unit, goal?: Goal | null, detail?: string }} input
 * @returns {Figure}
 */
export function figure({ name, value, baseline, unit, goal = null, detail = '' }) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`figure "${name}": value must be a finite number, got ${value}`);
  }
  if (typeof baseline !== 'number' || !Number.isFinite(baseline) || baseline <= 0) {
    throw new Error(`figure "${name}": baseline must be a finite positive number, got ${baseline}`);
  }
  const ratio = value / baseline;
  const met = goal === null ? null : (goal.metric === 'ratio' ? ratio : value) <= goal.max;
  return { name, value, baseline, ratio, goal, unit, met, detail };
}

/** @param {number} number @param {Unit} unit */
export function formatQuantity(number, unit) {
  switch (unit) {
    case 'ms':
      if (number >= 1000) return `${(number / 1000).toFixed(2)} s`;
      return `${number < 10 ? number.toFixed(3) : number.toFixed(1)} ms`;
    case 'B':
      return number >= 1_000_000
        ? `${(number / 1_000_000).toFixed(2)} MB`
        : number >= 1000
          ? `${(number / 1000).toFixed(2)} kB`
          : `${number} B`;
    case 'req/s':
      return `${Math.round(number)} req/s`;
    case 'exponent':
      return number.toFixed(2);
  }
}

/** @param {Figure} figure */
function formatGoal({ goal, unit }) {
  if (goal === null) return 'reported';
  return goal.metric === 'ratio' ? `ratio ≤ ${goal.max}` : `≤ ${formatQuantity(goal.max, unit)}`;
}

/**
 * The table `pnpm bench` prints: one row per figure.
 * @param {readonly Figure[]} figures
 */
export function formatTable(figures) {
  const header = ['figure', 'value', 'baseline', 'ratio', 'goal', 'met'];
  const rows = figures.map((f) => [
    f.name,
    formatQuantity(f.value, f.unit),
    formatQuantity(f.baseline, f.unit),
    f.ratio.toFixed(3),
    formatGoal(f),
    f.met === null ? '–' : f.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (/** @type {string[]} */ cells) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
