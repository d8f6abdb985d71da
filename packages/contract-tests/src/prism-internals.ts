import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The releases of Prism's internals the kit is built and tested with, which package.json pins. Prism 5.14.2 asks
 * for them with caret ranges, and their newest releases (5.16, for Node 24.18 or newer) never answer a request
 * whose body is not valid JSON: a test would wait for its client's timeout instead of getting the 400.
 */
export const PRISM_INTERNALS: Readonly<Record<string, string>> = {
  '@stoplight/prism-core': '5.8.0',
  '@stoplight/prism-http': '5.12.0',
  '@stoplight/prism-http-server': '5.12.2',
};

/** The version of `name` that the package at `manifestPath` loads, or `undefined` when it cannot be read. */
export function versionSeenFrom(manifestPath: string, name: string): string | undefined {
  try {
    const path = createRequire(manifestPath).resolve(`${name}/package.json`);
    const { version } = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown };
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why Prism cannot run as the kit expects, or `undefined` when each internal `versionOf` reports is the pinned
 * one. A package manager may resolve Prism's own ranges past the kit's pin (an override of the user's, or one
 * that does not share the kit's copies with Prism): refused with the fix, rather than a mock that hangs later.
 */
export function prismInternalsProblem(versionOf: (name: string) => string | undefined): string | undefined {
  const wrong = Object.entries(PRISM_INTERNALS)
    .map(([name, pinned]) => ({ name, pinned, found: versionOf(name) }))
    .filter(({ pinned, found }) => found !== pinned);
  if (wrong.length === 0) return undefined;
  const found = wrong.map(
    ({ name, pinned, found }) => `${name} ${found ?? '(unreadable)'} (needs ${pinned})`,
  );
  return (
    `startMock: Prism loads other releases of its internals than @plivo-openapi/contract-tests is tested with: ${found.join(', ')}. ` +
    'Newer ones leave a request whose body is not valid JSON unanswered. Pin them (npm: "overrides" in ' +
    'package.json; pnpm: "pnpm.overrides", or "overrides" in pnpm-workspace.yaml; yarn: "resolutions"), then ' +
    `install again: ${JSON.stringify(PRISM_INTERNALS)}`
  );
}
