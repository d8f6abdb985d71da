import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of a built file; fails with the command to run when the package is not built. */
export function distFile(name: string): string {
  const path = fileURLToPath(new URL(`../../dist/${name}`, import.meta.url));
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run \`pnpm turbo run build --filter=@plivo-openapi/client\` first.`);
  }
  return path;
}
