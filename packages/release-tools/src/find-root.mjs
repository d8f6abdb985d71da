// @ts-check
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The workspace root above `from`: the nearest folder with a pnpm-workspace.yaml.
 * @param {string} from
 */
export function findWorkspaceRoot(from = process.cwd()) {
  let dir = from;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`No pnpm-workspace.yaml in ${from} or above: run this inside the repo.`);
    dir = parent;
  }
  return dir;
}
