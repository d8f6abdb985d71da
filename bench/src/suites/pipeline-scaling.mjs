// @ts-check
// Pipeline scaling: how the time of each spec-pipeline step grows with the number of operations.
// Synthetic specs (src/synthetic-spec.mjs) of increasing size go through the same tools our packages use:
// redocly lint, redocly bundle, openapi-typescript, tsc on the generated types, redocly build-docs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { figure } from '../lib/figures.mjs';
import { binPath, timeCommand } from '../lib/processes.mjs';
import { growthExponent, median } from '../lib/stats.mjs';
import { writeSyntheticSpec } from '../synthetic-spec.mjs';

const MAX_EXPONENT = 1.2;

// Strict, with no ambient @types, so tsc checks the generated file itself (and the standard library).
const TSCONFIG = {
  compilerOptions: {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    lib: ['ES2022'],
    target: 'ES2022',
    module: 'preserve',
    moduleResolution: 'bundler',
  },
  files: ['schema.ts'],
};

/**
 * @typedef {{ specDir: string, outDir: string }} Dirs
 * @typedef {{ name: string, command: (dirs: Dirs) => { command: string[], cwd: string } }} Step
 */

/** @returns {Step[]} */
function steps() {
  const node = process.execPath;
  const redocly = binPath('@redocly/cli', 'redocly');
  const openapiTypescript = binPath('openapi-typescript');
  const tsc = binPath('typescript', 'tsc');
  return [
    { name: 'redocly lint', command: ({ specDir }) => ({ command: [node, redocly, 'lint'], cwd: specDir }) },
    {
      name: 'redocly bundle',
      command: ({ specDir, outDir }) => ({
        command: [node, redocly, 'bundle', 'synthetic', '--output', join(outDir, 'openapi.json')],
        cwd: specDir,
      }),
    },
    {
      name: 'openapi-typescript',
      // Run from outDir: openapi-typescript would otherwise read the spec dir's redocly.yaml.
      command: ({ outDir }) => ({
        command: [node, openapiTypescript, 'openapi.json', '--output', 'schema.ts'],
        cwd: outDir,
      }),
    },
    { name: 'tsc', command: ({ outDir }) => ({ command: [node, tsc, '--project', '.'], cwd: outDir }) },
    {
      name: 'redocly build-docs',
      command: ({ outDir }) => ({
        command: [node, redocly, 'build-docs', 'openapi.json', '--output', 'docs.html', '--inlineBundle'],
        cwd: outDir,
      }),
    },
  ];
}

/**
 * @param {{ sizes: number[], repeats: number, warmUp: boolean, workDir: string, log: (line: string) => void }} options
 * @returns {Promise<import('../lib/figures.mjs').Figure[]>}
 */
export async function measurePipelineScaling({ sizes, repeats, warmUp, workDir, log }) {
  const pipeline = steps();
  const env = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
  const dirsBySize = new Map(
    sizes.map((size) => {
      const root = join(workDir, 'pipeline', String(size));
      const specDir = join(root, 'spec');
      const outDir = join(root, 'out');
      writeSyntheticSpec(size, specDir);
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
      return [size, { specDir, outDir }];
    }),
  );

  if (warmUp) {
    // The first run of each tool pays for a cold disk cache and compile cache; keep that out of the figures.
    const dirs = /** @type {Dirs} */ (dirsBySize.get(/** @type {number} */ (sizes[0])));
    for (const step of pipeline) {
      const { command, cwd } = step.command(dirs);
      await timeCommand(command, { cwd, env });
    }
  }
  /** @type {Map<string, number[]>} step name + size → milliseconds of each repeat */
  const samples = new Map();
  // Sizes alternate within each repeat, so a slow spell of the machine hits every size alike.
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (const size of sizes) {
      const dirs = /** @type {Dirs} */ (dirsBySize.get(size));
      for (const step of pipeline) {
        const { command, cwd } = step.command(dirs);
        const { ms } = await timeCommand(command, { cwd, env });
        const key = `${step.name}@${size}`;
        samples.set(key, [...(samples.get(key) ?? []), ms]);
      }
      log(`pipeline: ${size} operations, repeat ${repeat + 1}/${repeats} done`);
    }
  }

  const timesOf = (/** @type {string} */ stepName) =>
    sizes.map((size) => median(/** @type {number[]} */ (samples.get(`${stepName}@${size}`))));
  const rows = [
    ...pipeline.map((step) => ({ name: step.name, times: timesOf(step.name) })),
    {
      name: 'all five steps',
      times: sizes.map((_, index) =>
        pipeline.reduce((sum, step) => sum + (timesOf(step.name)[index] ?? 0), 0),
      ),
    },
  ];
  const smallest = /** @type {number} */ (sizes[0]);
  const largest = /** @type {number} */ (sizes.at(-1));
  return rows.map(({ name, times }) => {
    const { exponent, how } = fitGrowth(sizes, times);
    const perSize = sizes.map((size, index) => `${size} ops ${((times[index] ?? 0) / 1000).toFixed(2)} s`);
    return figure({
      name: `pipeline: ${name}, growth exponent ${smallest}→${largest} ops`,
      value: exponent,
      baseline: 1,
      unit: 'exponent',
      goal: { metric: 'value', max: MAX_EXPONENT },
      detail: `${how}; median of ${repeats} run(s): ${perSize.join(', ')}; baseline 1 = linear growth`,
    });
  });
}

/**
 * The exponent k in time ≈ start-up + c·operations^k. At the smallest size a tool's time is almost all
 * process start-up, which would flatten a plain log-log fit (a quadratic step could still fit below 1), so
 * the fit is over the time each larger size adds to the smallest. If noise makes an addition non-positive
 * (only with tiny sizes, as in smoke mode), it falls back to the plain fit and says so.
 * @param {readonly number[]} sizes
 * @param {readonly number[]} times
 */
export function fitGrowth(sizes, times) {
  const plain = growthExponent(sizes, times);
  const base = /** @type {number} */ (times[0]);
  const added = times.slice(1).map((time) => time - base);
  if (sizes.length < 3 || added.some((time) => time <= 0)) {
    return {
      exponent: plain,
      how: `log-log fit of the whole times (start-up not removed): ${plain.toFixed(2)}`,
    };
  }
  const exponent = growthExponent(sizes.slice(1), added);
  return {
    exponent,
    how: `log-log fit of the time added beyond ${sizes[0]} ops: ${exponent.toFixed(2)} (of the whole times: ${plain.toFixed(2)})`,
  };
}
