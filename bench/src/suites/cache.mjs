// @ts-check
// Cache: how much of a build turbo's cache saves when nothing changed.
// Cold = `turbo run build --force`: every task runs although its inputs are unchanged (turbo ignores
// cache hits but still writes the cache), with node_modules installed and the OS file cache warm, so it
// is the cost of the build work itself, not of a fresh clone. Warm = the same `turbo run build` right after:
// every task should be a cache hit that only replays its logs and restores its outputs.
import { join } from 'node:path';
import { figure } from '../lib/figures.mjs';
import { timeCommand } from '../lib/processes.mjs';

const MAX_WARM_TO_COLD = 0.1;

/**
 * @param {{ repoRoot: string, turboArgs: string[], scope: string, log: (line: string) => void }} options
 *   turboArgs: the task and filters, e.g. ['build'] for the whole build.
 * @returns {Promise<import('../lib/figures.mjs').Figure[]>}
 */
export async function measureCache({ repoRoot, turboArgs, scope, log }) {
  // `pnpm build` is `turbo run build`; calling turbo directly keeps pnpm's own start-up out of both sides.
  const turbo = join(repoRoot, 'node_modules', '.bin', 'turbo');
  const command = [turbo, 'run', ...turboArgs, '--output-logs=errors-only'];
  const env = { TURBO_TELEMETRY_DISABLED: '1' };
  const cold = await timeCommand([...command, '--force'], { cwd: repoRoot, env });
  log(`cache: cold ${command.slice(1).join(' ')} --force took ${(cold.ms / 1000).toFixed(1)} s`);
  const warm = await timeCommand(command, { cwd: repoRoot, env });
  log(`cache: warm ${command.slice(1).join(' ')} took ${(warm.ms / 1000).toFixed(1)} s`);
  // turbo's summary line, e.g. "Cached:    5 cached, 5 total": a miss in the warm run is worth knowing.
  const cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(warm.output);
  const hits =
    cached === null ? 'turbo printed no cache summary' : `${cached[1]} of ${cached[2]} tasks from the cache`;
  return [
    figure({
      name: `cache: ${scope}, warm vs cold (turbo)`,
      value: warm.ms,
      baseline: cold.ms,
      unit: 'ms',
      goal: { metric: 'ratio', max: MAX_WARM_TO_COLD },
      detail: `cold = \`turbo run ${turboArgs.join(' ')} --force\` (cache ignored, deps installed); warm = the same without --force, nothing changed: ${hits}`,
    }),
  ];
}
