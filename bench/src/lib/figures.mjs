// @ts-check
// One figure = one line of the table and one object in results.json.
import { median } from './stats.mjs';

/**
 * @typedef {{ metric: 'ratio' | 'value' | 'excess', max?: number, min?: number }} Goal
 *   The figure meets its goal when `metric` (ratio = value / baseline, value, or excess = value − baseline)
 *   is at most `max` and at least `min` (whichever are given).
 * @typedef {'ms' | 'B' | 'MiB' | 'req/s' | 'exponent'} Unit
 * @typedef {{ value: number, baseline: number, ratio: number }} Run
 * @typedef {{
 *   name: string,
 *   value: number,
 *   baseline: number,
 *   ratio: number,
 *   goal: Goal | null,
 *   unit: Unit,
 *   met: boolean | null,
 *   runs: Run[] | null,
 *   detail: string,
 * }} Figure
 */

/** @param {string} name @param {string} what @param {unknown} number */
function checkPositive(name, what, number) {
  if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0) {
    throw new Error(`figure "${name}": ${what} must be a finite positive number, got ${number}`);
  }
}

/** @param {Goal} goal @param {{ value: number, baseline: number, ratio: number }} measured */
function meets(goal, { value, baseline, ratio }) {
  const measure = goal.metric === 'ratio' ? ratio : goal.metric === 'value' ? value : value - baseline;
  return (goal.max === undefined || measure <= goal.max) && (goal.min === undefined || measure >= goal.min);
}

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
  checkPositive(name, 'baseline', baseline);
  if (goal !== null && goal.max === undefined && goal.min === undefined) {
    throw new Error(`figure "${name}": a goal needs a max or a min`);
  }
  const ratio = value / baseline;
  const met = goal === null ? null : meets(goal, { value, baseline, ratio });
  return { name, value, baseline, ratio, goal, unit, met, runs: null, detail };
}

/** What a goal judges: the ratio, the value, or the excess over the baseline (ratio without a goal). */
function measureOf(/** @type {Goal | null} */ goal, /** @type {Run} */ { value, baseline, ratio }) {
  return goal?.metric === 'value' ? value : goal?.metric === 'excess' ? value - baseline : ratio;
}

/**
 * A figure measured in several runs (an odd number), each comparing ours with the baseline side by side. The
 * figure is the median run by what its goal judges (the ratio, or the excess for a memory goal), so value /
 * baseline is still its ratio, and every run is kept in `runs`.
 * @param {{ name: string, runs: { value: number, baseline: number }[], unit: Unit, goal?: Goal | null, detail?: string }} input
 * @returns {Figure}
 */
export function medianRunFigure({ name, runs, unit, goal = null, detail = '' }) {
  if (runs.length % 2 === 0) {
    throw new Error(`figure "${name}": needs an odd number of runs to have a median run, got ${runs.length}`);
  }
  /** @type {Run[]} */
  const measured = runs.map(({ value, baseline }) => {
    checkPositive(name, 'baseline of a run', baseline);
    return { value, baseline, ratio: value / baseline };
  });
  const middle = median(measured.map((run) => measureOf(goal, run)));
  const chosen = /** @type {Run} */ (measured.find((run) => measureOf(goal, run) === middle));
  return {
    ...figure({ name, value: chosen.value, baseline: chosen.baseline, unit, goal, detail }),
    runs: measured,
  };
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
    case 'MiB':
      return `${number.toFixed(1)} MiB`;
    case 'req/s':
      return `${Math.round(number)} req/s`;
    case 'exponent':
      return number.toFixed(2);
  }
}

/** @param {Figure} figure */
export function formatGoal({ goal, unit }) {
  if (goal === null) return 'reported';
  const bounds = (/** @type {(n: number) => string} */ show) =>
    [
      goal.min === undefined ? undefined : `≥ ${show(goal.min)}`,
      goal.max === undefined ? undefined : `≤ ${show(goal.max)}`,
    ]
      .filter((bound) => bound !== undefined)
      .join(', ');
  switch (goal.metric) {
    case 'ratio':
      return `ratio ${bounds(String)}`;
    case 'value':
      return bounds((n) => formatQuantity(n, unit));
    case 'excess':
      return `${bounds((n) => `baseline + ${formatQuantity(n, unit)}`)}`;
  }
}

/**
 * The table `pnpm bench` prints: one row per figure; `runs` lists each run's ratio when there were several.
 * @param {readonly Figure[]} figures
 */
export function formatTable(figures) {
  const header = ['figure', 'value', 'baseline', 'ratio', 'runs', 'goal', 'met'];
  const rows = figures.map((f) => [
    f.name,
    formatQuantity(f.value, f.unit),
    formatQuantity(f.baseline, f.unit),
    f.ratio.toFixed(3),
    f.runs === null || f.runs.length < 2 ? '–' : f.runs.map((run) => run.ratio.toFixed(3)).join(' '),
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
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
